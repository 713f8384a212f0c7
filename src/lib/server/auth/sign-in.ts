/** Sign-in as one step: throttle, check the password, open a session. */

import type { Database } from '../db/client';
import { loginFailuresTotal } from '../metrics';
import { decoyHash, verifyPassword } from './password';
import { createSession } from './session';
import { clearLoginFailures, recordLoginFailure, throttledFor } from './throttle';
import { findUserByEmail } from './users';

export type SignInResult =
	| { ok: true; token: string; expiresAt: Date; userId: string }
	| { ok: false; status: 400 | 429; message: string };

export async function signIn(
	db: Database,
	input: { email: string; password: string; clientAddress: string; userAgent?: string }
): Promise<SignInResult> {
	const email = input.email.trim().toLowerCase();
	const wait = await throttledFor(db, email, input.clientAddress);
	if (wait > 0) {
		loginFailuresTotal.inc({ reason: 'throttled' });
		const minutes = Math.ceil(wait / 60);
		return {
			ok: false,
			status: 429,
			message: `Too many failed sign-ins. Try again in ${minutes} minute${minutes === 1 ? '' : 's'}.`
		};
	}

	const user = await findUserByEmail(db, email);
	const matches = await verifyPassword(input.password, user?.passwordHash ?? (await decoyHash()));
	if (!user?.passwordHash || !matches) {
		loginFailuresTotal.inc({ reason: 'wrong-credentials' });
		await recordLoginFailure(db, email, input.clientAddress);
		return { ok: false, status: 400, message: 'That email and password do not match an account.' };
	}

	await clearLoginFailures(db, email);
	const session = await createSession(db, user.id, input);
	return { ok: true, userId: user.id, ...session };
}
