import { json } from '@sveltejs/kit';
import { changeRole, removeUser } from '$lib/server/auth/users';
import { roles } from '$lib/server/db/schema';
import { jsonError } from '$lib/server/http';
import { readJsonObject } from '$lib/server/request-body';
import { runtime } from '$lib/server/runtime';

export const PATCH = async ({ params, request }) => {
	const body = await readJsonObject(request);
	if (!body.ok) return body.response;
	const role = roles.find((r) => r === body.value.role);
	if (!role) return jsonError(400, 'invalid-role', 'Send { "role": "admin" | "reviewer" }.');

	const changed = await changeRole(runtime().db, params.id, role);
	if (!changed.ok) return jsonError(409, changed.problem.code, changed.problem.message);
	return json({ id: params.id, role });
};

export const DELETE = async ({ params }) => {
	const removed = await removeUser(runtime().db, params.id);
	if (!removed.ok) return jsonError(409, removed.problem.code, removed.problem.message);
	return new Response(null, { status: 204 });
};
