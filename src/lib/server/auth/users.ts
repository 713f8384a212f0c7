/** Accounts: the first admin, invitations, roles and removal. */

import { and, asc, count, eq, gt, ne, sql } from 'drizzle-orm';
import type { Database } from '../db/client';
import { apiTokens, sessions, users, type Role } from '../db/schema';
import { hashPassword, passwordProblem } from './password';
import { generateToken, hashToken } from './tokens';

const INVITE_DAYS = 7;

export type AccountProblem = { code: string; message: string; field?: string };
export type AccountResult<T> = { ok: true; value: T } | { ok: false; problem: AccountProblem };

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

export function normalizeEmail(email: string): string {
	return email.trim().toLowerCase();
}

export async function hasAdmin(db: Database): Promise<boolean> {
	const [row] = await db.select({ n: count() }).from(users).where(eq(users.role, 'admin'));
	return (row?.n ?? 0) > 0;
}

export async function createUser(
	db: Database,
	input: { email: string; password: string; role: Role; name?: string }
): Promise<AccountResult<{ id: string }>> {
	const email = normalizeEmail(input.email);
	const problem = emailProblem(email) ?? passwordField(input.password);
	if (problem) return { ok: false, problem };
	if (await findUserByEmail(db, email)) return taken(email);

	const [row] = await db
		.insert(users)
		.values({
			email,
			name: input.name?.trim() || null,
			role: input.role,
			passwordHash: await hashPassword(input.password)
		})
		.onConflictDoNothing()
		.returning({ id: users.id });
	return row ? { ok: true, value: row } : taken(email);
}

/** Creates an account without a password and returns the one-time link token for it. */
export async function inviteUser(
	db: Database,
	input: { email: string; role: Role; name?: string }
): Promise<AccountResult<{ id: string; inviteToken: string }>> {
	const email = normalizeEmail(input.email);
	const problem = emailProblem(email);
	if (problem) return { ok: false, problem };

	const inviteToken = generateToken();
	const [row] = await db
		.insert(users)
		.values({
			email,
			name: input.name?.trim() || null,
			role: input.role,
			inviteTokenHash: hashToken(inviteToken),
			inviteExpiresAt: new Date(Date.now() + INVITE_DAYS * 24 * 60 * 60 * 1000)
		})
		.onConflictDoNothing()
		.returning({ id: users.id });
	return row ? { ok: true, value: { id: row.id, inviteToken } } : taken(email);
}

export async function findInvitation(db: Database, inviteToken: string) {
	const [row] = await db
		.select({ id: users.id, email: users.email })
		.from(users)
		.where(
			and(eq(users.inviteTokenHash, hashToken(inviteToken)), gt(users.inviteExpiresAt, new Date()))
		)
		.limit(1);
	return row ?? null;
}

export async function acceptInvitation(
	db: Database,
	inviteToken: string,
	password: string
): Promise<AccountResult<{ id: string; email: string }>> {
	const problem = passwordField(password);
	if (problem) return { ok: false, problem };
	const invitation = await findInvitation(db, inviteToken);
	if (!invitation) {
		return {
			ok: false,
			problem: {
				code: 'invitation-invalid',
				message: 'This invitation link has expired or was already used. Ask an admin for a new one.'
			}
		};
	}
	await db
		.update(users)
		.set({
			passwordHash: await hashPassword(password),
			inviteTokenHash: null,
			inviteExpiresAt: null,
			updatedAt: new Date()
		})
		.where(eq(users.id, invitation.id));
	return { ok: true, value: invitation };
}

export async function findUserByEmail(db: Database, email: string) {
	const [row] = await db
		.select()
		.from(users)
		.where(eq(users.email, normalizeEmail(email)))
		.limit(1);
	return row ?? null;
}

export async function listUsers(db: Database) {
	return db
		.select({
			id: users.id,
			email: users.email,
			name: users.name,
			role: users.role,
			invited: sql<boolean>`${users.passwordHash} is null`,
			inviteExpiresAt: users.inviteExpiresAt,
			createdAt: users.createdAt
		})
		.from(users)
		.orderBy(asc(users.email));
}

export async function changeRole(
	db: Database,
	userId: string,
	role: Role
): Promise<AccountResult<null>> {
	if (role !== 'admin' && (await isLastAdmin(db, userId))) return lastAdmin();
	await db.update(users).set({ role, updatedAt: new Date() }).where(eq(users.id, userId));
	// A token may not act with more than its user's role.
	if (role === 'reviewer') {
		await db.update(apiTokens).set({ role }).where(eq(apiTokens.userId, userId));
	}
	return { ok: true, value: null };
}

export async function removeUser(db: Database, userId: string): Promise<AccountResult<null>> {
	if (await isLastAdmin(db, userId)) return lastAdmin();
	await db.delete(sessions).where(eq(sessions.userId, userId));
	await db.delete(users).where(eq(users.id, userId));
	return { ok: true, value: null };
}

async function isLastAdmin(db: Database, userId: string): Promise<boolean> {
	const [target] = await db.select({ role: users.role }).from(users).where(eq(users.id, userId));
	if (target?.role !== 'admin') return false;
	const [others] = await db
		.select({ n: count() })
		.from(users)
		.where(and(eq(users.role, 'admin'), ne(users.id, userId)));
	return (others?.n ?? 0) === 0;
}

function emailProblem(email: string): AccountProblem | null {
	if (EMAIL.test(email) && email.length <= 320) return null;
	return {
		code: 'invalid-email',
		field: 'email',
		message: 'Enter an email address like name@example.com.'
	};
}

function passwordField(password: string): AccountProblem | null {
	const message = passwordProblem(password);
	return message ? { code: 'weak-password', field: 'password', message } : null;
}

function taken(email: string): AccountResult<never> {
	return {
		ok: false,
		problem: { code: 'email-taken', field: 'email', message: `${email} already has an account.` }
	};
}

function lastAdmin(): AccountResult<never> {
	return {
		ok: false,
		problem: {
			code: 'last-admin',
			message: 'This is the only admin. Make another user an admin first.'
		}
	};
}
