import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApiToken, findTokenUser } from '../src/lib/server/auth/api-tokens';
import { signIn } from '../src/lib/server/auth/sign-in';
import {
	acceptInvitation,
	changeRole,
	createUser,
	inviteUser,
	removeUser
} from '../src/lib/server/auth/users';
import type { DatabaseHandle } from '../src/lib/server/db/client';
import { apiTokens, loginFailures, users } from '../src/lib/server/db/schema';
import { engines } from './support/databases';
import { openTestDatabase } from './support/database-handle';

describe.each(engines)('accounts on %s', (engine) => {
	let handle: DatabaseHandle;
	beforeAll(async () => {
		handle = await openTestDatabase(engine);
	});
	afterAll(() => handle?.close());

	async function newUser(email: string, role: 'admin' | 'reviewer') {
		const created = await createUser(handle.db, { email, role, password: 'a fine password' });
		if (!created.ok) throw new Error(created.problem.message);
		return { id: created.value.id, role };
	}

	it('keeps the last admin: it can be neither demoted nor removed', async () => {
		const only = await newUser('only-admin@example.com', 'admin');
		const demoted = await changeRole(handle.db, only.id, 'reviewer');
		expect(demoted).toMatchObject({ ok: false, problem: { code: 'last-admin' } });
		const removed = await removeUser(handle.db, only.id);
		expect(removed).toMatchObject({ ok: false, problem: { code: 'last-admin' } });

		const second = await newUser('second-admin@example.com', 'admin');
		expect(await changeRole(handle.db, only.id, 'reviewer')).toEqual({ ok: true, value: null });
		expect(await removeUser(handle.db, second.id)).toMatchObject({ ok: false });
	});

	it('gives a token no more than its user’s role, and demotes tokens with their user', async () => {
		const reviewer = await newUser('capped@example.com', 'reviewer');
		const capped = await createApiToken(handle.db, reviewer, { name: 'try', role: 'admin' });
		expect((await findTokenUser(handle.db, capped.token))?.role).toBe('reviewer');

		const admin = await newUser('tokened-admin@example.com', 'admin');
		const strong = await createApiToken(handle.db, admin, { name: 'ops', role: 'admin' });
		expect((await findTokenUser(handle.db, strong.token))?.role).toBe('admin');
		await changeRole(handle.db, admin.id, 'reviewer');
		expect((await findTokenUser(handle.db, strong.token))?.role).toBe('reviewer');
	});

	it('stores tokens hashed and forgets expired ones', async () => {
		const admin = await newUser('expiring@example.com', 'admin');
		const expired = await createApiToken(handle.db, admin, {
			name: 'old',
			role: 'admin',
			expiresAt: new Date(Date.now() - 1000)
		});
		expect(await findTokenUser(handle.db, expired.token)).toBeNull();
		const stored = await handle.db.select().from(apiTokens).where(eq(apiTokens.id, expired.id));
		expect(JSON.stringify(stored)).not.toContain(expired.token);
	});

	it('lets an invitation be used once, and refuses a weak password without using it', async () => {
		const invited = await inviteUser(handle.db, {
			email: 'New.Person@example.com',
			role: 'reviewer'
		});
		if (!invited.ok) throw new Error(invited.problem.message);
		const { inviteToken } = invited.value;

		expect(await acceptInvitation(handle.db, inviteToken, 'short')).toMatchObject({
			ok: false,
			problem: { code: 'weak-password' }
		});
		expect(await acceptInvitation(handle.db, inviteToken, 'long enough password')).toMatchObject({
			ok: true,
			value: { email: 'new.person@example.com' }
		});
		expect(await acceptInvitation(handle.db, inviteToken, 'long enough password')).toMatchObject({
			ok: false,
			problem: { code: 'invitation-invalid' }
		});
	});

	it('refuses an expired invitation', async () => {
		const invited = await inviteUser(handle.db, { email: 'late@example.com', role: 'reviewer' });
		if (!invited.ok) throw new Error(invited.problem.message);
		await handle.db
			.update(users)
			.set({ inviteExpiresAt: new Date(Date.now() - 1000) })
			.where(eq(users.id, invited.value.id));
		const accepted = await acceptInvitation(
			handle.db,
			invited.value.inviteToken,
			'long enough password'
		);
		expect(accepted).toMatchObject({ ok: false, problem: { code: 'invitation-invalid' } });
	});

	it('throttles one address trying many accounts', async () => {
		const address = '203.0.113.9';
		await handle.db.insert(loginFailures).values(
			Array.from({ length: 30 }, (_, i) => ({
				key: `ip:${address}`,
				failedAt: new Date(Date.now() - i * 1000)
			}))
		);
		const result = await signIn(handle.db, {
			email: 'someone-new@example.com',
			password: 'whatever password',
			clientAddress: address
		});
		expect(result).toMatchObject({ ok: false, status: 429 });
		expect((result as { message: string }).message).toMatch(/Try again in 15 minutes\./);

		const elsewhere = await signIn(handle.db, {
			email: 'someone-new@example.com',
			password: 'whatever password',
			clientAddress: '198.51.100.1'
		});
		expect(elsewhere).toMatchObject({ ok: false, status: 400 });
	});

	it('refuses duplicate and malformed emails with a message to act on', async () => {
		await newUser('twice@example.com', 'reviewer');
		const again = await createUser(handle.db, {
			email: ' TWICE@example.com ',
			role: 'admin',
			password: 'a fine password'
		});
		expect(again).toMatchObject({
			ok: false,
			problem: { code: 'email-taken', message: 'twice@example.com already has an account.' }
		});
		const malformed = await inviteUser(handle.db, { email: 'not-an-email', role: 'admin' });
		expect(malformed).toMatchObject({
			ok: false,
			problem: { code: 'invalid-email', field: 'email' }
		});
	});
});
