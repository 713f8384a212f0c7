import { and, eq } from 'drizzle-orm';
import { apiTokens } from '$lib/server/db/schema';
import { jsonError } from '$lib/server/http';
import { runtime } from '$lib/server/runtime';

export const DELETE = async ({ params, locals }) => {
	const removed = await runtime()
		.db.delete(apiTokens)
		.where(and(eq(apiTokens.id, params.id), eq(apiTokens.userId, locals.user!.id)))
		.returning({ id: apiTokens.id });
	if (removed.length === 0) return jsonError(404, 'not-found', 'You have no token with that id.');
	return new Response(null, { status: 204 });
};
