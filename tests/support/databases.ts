/**
 * The database engines a suite runs on: embedded PGlite always, and the PostgreSQL server
 * named by TEST_DATABASE_URL when it is set. Each test file gets its own fresh database on
 * the server, dropped afterwards, so files can run in parallel.
 */

import { randomBytes } from 'node:crypto';
import postgres from 'postgres';

export type Engine = 'embedded' | 'postgres';

export const engines: Engine[] = process.env.TEST_DATABASE_URL
	? ['embedded', 'postgres']
	: ['embedded'];

export interface ServerDatabase {
	url: string;
	drop(): Promise<void>;
}

/** Creates an empty database on the test server and returns its URL. */
export async function createServerDatabase(): Promise<ServerDatabase> {
	const base = process.env.TEST_DATABASE_URL;
	if (!base) throw new Error('TEST_DATABASE_URL is not set.');

	const name = `pushmap_test_${process.pid}_${randomBytes(4).toString('hex')}`;
	const admin = postgres(base, { max: 1, onnotice: () => {} });
	await admin.unsafe(`create database ${name}`);
	await admin.end();

	const url = new URL(base);
	url.pathname = `/${name}`;
	return {
		url: url.toString(),
		async drop() {
			const again = postgres(base, { max: 1, onnotice: () => {} });
			await again.unsafe(`drop database if exists ${name} with (force)`);
			await again.end();
		}
	};
}
