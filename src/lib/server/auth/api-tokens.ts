/**
 * API tokens let scripts call /api as a user. The token is shown once at creation and stored
 * hashed; its prefix identifies it in lists. A token never acts with more than its user's role.
 */

import { and, desc, eq, gt, isNull, or } from 'drizzle-orm';
import type { Database } from '../db/client';
import { apiTokens, users, type Role } from '../db/schema';
import type { SessionUser } from './session';
import { generateToken, hashToken } from './tokens';

export const TOKEN_PREFIX = 'pm_';

export async function createApiToken(
	db: Database,
	user: { id: string; role: Role },
	input: { name: string; role: Role; expiresAt?: Date }
): Promise<{ id: string; token: string }> {
	const role: Role = user.role === 'admin' ? input.role : 'reviewer';
	const token = generateToken(TOKEN_PREFIX);
	const [row] = await db
		.insert(apiTokens)
		.values({
			userId: user.id,
			name: input.name.trim() || 'API token',
			role,
			prefix: token.slice(0, TOKEN_PREFIX.length + 6),
			tokenHash: hashToken(token),
			expiresAt: input.expiresAt
		})
		.returning({ id: apiTokens.id });
	return { id: row.id, token };
}

export async function findTokenUser(db: Database, token: string): Promise<SessionUser | null> {
	if (!token.startsWith(TOKEN_PREFIX)) return null;
	const [row] = await db
		.select({
			tokenId: apiTokens.id,
			id: users.id,
			email: users.email,
			name: users.name,
			role: apiTokens.role
		})
		.from(apiTokens)
		.innerJoin(users, eq(users.id, apiTokens.userId))
		.where(
			and(
				eq(apiTokens.tokenHash, hashToken(token)),
				or(isNull(apiTokens.expiresAt), gt(apiTokens.expiresAt, new Date()))
			)
		)
		.limit(1);
	if (!row) return null;

	await db.update(apiTokens).set({ lastUsedAt: new Date() }).where(eq(apiTokens.id, row.tokenId));
	return { id: row.id, email: row.email, name: row.name, role: row.role, via: 'token' };
}

export async function listApiTokens(db: Database, userId?: string) {
	return db
		.select({
			id: apiTokens.id,
			name: apiTokens.name,
			role: apiTokens.role,
			prefix: apiTokens.prefix,
			email: users.email,
			createdAt: apiTokens.createdAt,
			lastUsedAt: apiTokens.lastUsedAt,
			expiresAt: apiTokens.expiresAt
		})
		.from(apiTokens)
		.innerJoin(users, eq(users.id, apiTokens.userId))
		.where(userId ? eq(apiTokens.userId, userId) : undefined)
		.orderBy(desc(apiTokens.createdAt));
}

export async function revokeApiToken(db: Database, tokenId: string): Promise<boolean> {
	const removed = await db
		.delete(apiTokens)
		.where(eq(apiTokens.id, tokenId))
		.returning({ id: apiTokens.id });
	return removed.length > 0;
}
