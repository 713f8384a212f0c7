import { fail } from '@sveltejs/kit';
import { and, eq } from 'drizzle-orm';
import { createApiToken, listApiTokens } from '$lib/server/auth/api-tokens';
import { apiTokens } from '$lib/server/db/schema';
import { runtime } from '$lib/server/runtime';

export const load = async ({ locals }) => {
	return { tokens: await listApiTokens(runtime().db, locals.user!.id) };
};

export const actions = {
	create: async ({ request, locals }) => {
		const user = locals.user!;
		const form = await request.formData();
		const name = String(form.get('name') ?? '').trim();
		if (!name) return fail(400, { message: 'Name the token after the script that will use it.' });
		const role = form.get('role') === 'admin' ? 'admin' : 'reviewer';

		const created = await createApiToken(runtime().db, user, { name, role });
		return { token: created.token, name };
	},

	revoke: async ({ request, locals }) => {
		const id = String((await request.formData()).get('id'));
		// Only the owner's own tokens: the id alone must not be enough.
		await runtime()
			.db.delete(apiTokens)
			.where(and(eq(apiTokens.id, id), eq(apiTokens.userId, locals.user!.id)));
		return { revoked: true };
	}
};
