import { json } from '@sveltejs/kit';
import { inviteUser, listUsers } from '$lib/server/auth/users';
import { roles } from '$lib/server/db/schema';
import { jsonError } from '$lib/server/http';
import { readJsonObject } from '$lib/server/request-body';
import { runtime } from '$lib/server/runtime';

export const GET = async () => json({ users: await listUsers(runtime().db) });

/** Invites a user; the response holds the one-time link to pass on. */
export const POST = async ({ request, url }) => {
	const body = await readJsonObject(request);
	if (!body.ok) return body.response;
	const { email, name, role } = body.value;
	const knownRole = roles.find((r) => r === role);
	if (typeof email !== 'string' || !knownRole) {
		return jsonError(400, 'invalid-user', 'Send { "email": "...", "role": "admin" | "reviewer" }.');
	}

	const invited = await inviteUser(runtime().db, {
		email,
		role: knownRole,
		name: typeof name === 'string' ? name : undefined
	});
	if (!invited.ok) return jsonError(400, invited.problem.code, invited.problem.message);
	return json(
		{ id: invited.value.id, inviteUrl: `${url.origin}/invite/${invited.value.inviteToken}` },
		{ status: 201 }
	);
};
