import { redirect } from '@sveltejs/kit';
import { clearSessionCookie } from '$lib/server/auth/cookies';
import { deleteSession, SESSION_COOKIE } from '$lib/server/auth/session';
import { runtime } from '$lib/server/runtime';

export const POST = async ({ cookies }) => {
	const token = cookies.get(SESSION_COOKIE);
	if (token) await deleteSession(runtime().db, token);
	clearSessionCookie(cookies);
	redirect(303, '/login');
};
