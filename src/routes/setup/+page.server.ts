import { fail, redirect } from '@sveltejs/kit';
import { setSessionCookie } from '$lib/server/auth/cookies';
import { createSession } from '$lib/server/auth/session';
import { createUser, hasAdmin } from '$lib/server/auth/users';
import { runtime } from '$lib/server/runtime';

/** The one-time setup: open only while no admin exists. */
export const load = async () => {
	if (await hasAdmin(runtime().db)) redirect(303, '/login');
};

export const actions = {
	default: async ({ request, cookies, url, getClientAddress }) => {
		const { db } = runtime();
		if (await hasAdmin(db)) redirect(303, '/login');

		const form = await request.formData();
		const email = String(form.get('email') ?? '');
		const name = String(form.get('name') ?? '');
		const password = String(form.get('password') ?? '');
		const created = await createUser(db, { email, name, password, role: 'admin' });
		if (!created.ok) return fail(400, { email, name, problem: created.problem });

		const session = await createSession(db, created.value.id, {
			clientAddress: getClientAddress(),
			userAgent: request.headers.get('user-agent') ?? undefined
		});
		setSessionCookie(cookies, url, session.token, session.expiresAt);
		redirect(303, '/actions');
	}
};
