import { json } from '@sveltejs/kit';
import { createApiToken, listApiTokens } from '$lib/server/auth/api-tokens';
import { jsonError } from '$lib/server/http';
import { readJsonObject } from '$lib/server/request-body';
import { runtime } from '$lib/server/runtime';

/** The caller's own tokens. */
export const GET = async ({ locals }) =>
	json({ tokens: await listApiTokens(runtime().db, locals.user!.id) });

/** Creates a token for the caller; the token itself is in this response only. */
export const POST = async ({ request, locals }) => {
	const body = await readJsonObject(request);
	if (!body.ok) return body.response;
	const { name, role } = body.value;
	if (typeof name !== 'string' || !name.trim()) {
		return jsonError(400, 'invalid-token', 'Send { "name": "...", "role": "reviewer" | "admin" }.');
	}

	const created = await createApiToken(runtime().db, locals.user!, {
		name,
		role: role === 'admin' ? 'admin' : 'reviewer'
	});
	return json(created, { status: 201 });
};
