import { fail, redirect } from '@sveltejs/kit';
import { setSessionCookie } from '$lib/server/auth/cookies';
import { signIn } from '$lib/server/auth/sign-in';
import { runtime } from '$lib/server/runtime';

export const load = ({ locals, url }) => {
	if (locals.user) redirect(303, safeNext(url.searchParams.get('next')));
};

export const actions = {
	default: async ({ request, cookies, url, getClientAddress }) => {
		const form = await request.formData();
		const email = String(form.get('email') ?? '');
		const password = String(form.get('password') ?? '');
		if (!email || !password) return fail(400, { email, message: 'Enter your email and password.' });

		const result = await signIn(runtime().db, {
			email,
			password,
			clientAddress: getClientAddress(),
			userAgent: request.headers.get('user-agent') ?? undefined
		});
		if (!result.ok) return fail(result.status, { email, message: result.message });

		setSessionCookie(cookies, url, result.token, result.expiresAt);
		redirect(303, safeNext(url.searchParams.get('next')));
	}
};

/** Only same-site paths: an open redirect would make the sign-in page a phishing tool. */
function safeNext(next: string | null): string {
	return next && next.startsWith('/') && !next.startsWith('//') && !next.startsWith('/\\')
		? next
		: '/';
}
