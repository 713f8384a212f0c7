/**
 * Browser sessions, stored in the database so any instance can check them and an admin can
 * end them by removing the user. The cookie holds a random token; the table holds its hash.
 */

import { and, eq, gt, lt } from 'drizzle-orm';
import type { Database } from '../db/client';
import { sessions, users, type Role } from '../db/schema';
import { generateToken, hashToken } from './tokens';

export const SESSION_COOKIE = 'pushmap_session';
export const SESSION_DAYS = 14;
const DAY = 24 * 60 * 60 * 1000;

export interface SessionUser {
	id: string;
	email: string;
	name: string | null;
	role: Role;
	/** How this request proved who it is. */
	via: 'session' | 'token';
}

export async function createSession(
	db: Database,
	userId: string,
	meta: { clientAddress?: string; userAgent?: string }
): Promise<{ token: string; expiresAt: Date }> {
	const token = generateToken();
	const expiresAt = new Date(Date.now() + SESSION_DAYS * DAY);
	await db.insert(sessions).values({
		id: hashToken(token),
		userId,
		expiresAt,
		clientAddress: meta.clientAddress,
		userAgent: meta.userAgent?.slice(0, 500)
	});
	return { token, expiresAt };
}

export async function findSessionUser(db: Database, token: string): Promise<SessionUser | null> {
	const [row] = await db
		.select({ id: users.id, email: users.email, name: users.name, role: users.role })
		.from(sessions)
		.innerJoin(users, eq(users.id, sessions.userId))
		.where(and(eq(sessions.id, hashToken(token)), gt(sessions.expiresAt, new Date())))
		.limit(1);
	return row ? { ...row, via: 'session' } : null;
}

export async function deleteSession(db: Database, token: string): Promise<void> {
	await db.delete(sessions).where(eq(sessions.id, hashToken(token)));
}

export async function deleteExpiredSessions(db: Database): Promise<void> {
	await db.delete(sessions).where(lt(sessions.expiresAt, new Date()));
}
