/**
 * Sign-in throttling, per account and per address, kept in the database so that it holds
 * across instances and restarts. An account locks after a few failures in the window, so
 * guessing one password is slow; an address locks after more, so spraying many is slow too.
 */

import { and, desc, eq, gt, lt } from 'drizzle-orm';
import type { Database } from '../db/client';
import { loginFailures } from '../db/schema';

const WINDOW_MS = 15 * 60 * 1000;
const ACCOUNT_LIMIT = 5;
const ADDRESS_LIMIT = 30;

const accountKey = (email: string) => `email:${email.toLowerCase()}`;
const addressKey = (address: string) => `ip:${address}`;

/** Seconds until another sign-in may be tried, or 0 when one may be tried now. */
export async function throttledFor(db: Database, email: string, address: string): Promise<number> {
	const [account, byAddress] = await Promise.all([
		lockedUntil(db, accountKey(email), ACCOUNT_LIMIT),
		lockedUntil(db, addressKey(address), ADDRESS_LIMIT)
	]);
	const until = Math.max(account, byAddress);
	return until > Date.now() ? Math.ceil((until - Date.now()) / 1000) : 0;
}

export async function recordLoginFailure(db: Database, email: string, address: string) {
	await db.insert(loginFailures).values([{ key: accountKey(email) }, { key: addressKey(address) }]);
	await db
		.delete(loginFailures)
		.where(lt(loginFailures.failedAt, new Date(Date.now() - WINDOW_MS)));
}

export async function clearLoginFailures(db: Database, email: string) {
	await db.delete(loginFailures).where(eq(loginFailures.key, accountKey(email)));
}

/** With `limit` failures inside the window, the key is locked until the oldest leaves it. */
async function lockedUntil(db: Database, key: string, limit: number): Promise<number> {
	const since = new Date(Date.now() - WINDOW_MS);
	const [oldest] = await db
		.select({ failedAt: loginFailures.failedAt })
		.from(loginFailures)
		.where(and(eq(loginFailures.key, key), gt(loginFailures.failedAt, since)))
		.orderBy(desc(loginFailures.failedAt))
		.limit(1)
		.offset(limit - 1);
	return oldest ? oldest.failedAt.getTime() + WINDOW_MS : 0;
}
