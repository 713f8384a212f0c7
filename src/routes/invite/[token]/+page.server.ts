import { error, fail, redirect } from '@sveltejs/kit';
import { setSessionCookie } from '$lib/server/auth/cookies';
import { createSession } from '$lib/server/auth/session';
import { acceptInvitation, findInvitation } from '$lib/server/auth/users';
import { runtime } from '$lib/server/runtime';

export const load = async ({ params }) => {
	const invitation = await findInvitation(runtime().db, params.token);
	if (!invitation) {
		error(404, 'This invitation link has expired or was already used. Ask an admin for a new one.');
	}
	return { email: invitation.email };
};

export const actions = {
	default: async ({ params, request, cookies, url, getClientAddress }) => {
		const { db } = runtime();
		const password = String((await request.formData()).get('password') ?? '');
		const accepted = await acceptInvitation(db, params.token, password);
		if (!accepted.ok) return fail(400, { problem: accepted.problem });

		const session = await createSession(db, accepted.value.id, {
			clientAddress: getClientAddress(),
			userAgent: request.headers.get('user-agent') ?? undefined
		});
		setSessionCookie(cookies, url, session.token, session.expiresAt);
		redirect(303, '/');
	}
};
