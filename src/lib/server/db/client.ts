/**
 * Opens the database: PostgreSQL through the `postgres` driver when a URL is given, else
 * embedded PostgreSQL (PGlite) in the data directory. Both give the same drizzle API, so
 * every query is written once.
 */

import { PGlite } from '@electric-sql/pglite';
import type { PgDatabase, PgQueryResultHKT } from 'drizzle-orm/pg-core';
import { drizzle as drizzlePglite } from 'drizzle-orm/pglite';
import { drizzle as drizzlePostgres } from 'drizzle-orm/postgres-js';
import postgres from 'postgres';
import { claimDataDir, releaseDataDir } from './data-dir-lock';
import * as schema from './schema';

export type Database = PgDatabase<PgQueryResultHKT, typeof schema>;

export interface DatabaseHandle {
	db: Database;
	engine: 'embedded' | 'postgres';
	/** Where the data lives, for logs and messages (no password). */
	location: string;
	/** Runs raw SQL that may hold several statements (migrations, test resets). */
	exec(sql: string): Promise<void>;
	close(): Promise<void>;
}

export interface DatabaseOptions {
	databaseUrl?: string;
	/** A directory, or `memory://` for a throwaway embedded database. */
	dataDir: string;
}

export async function openDatabase(options: DatabaseOptions): Promise<DatabaseHandle> {
	return options.databaseUrl ? openServer(options.databaseUrl) : openEmbedded(options.dataDir);
}

async function openServer(url: string): Promise<DatabaseHandle> {
	const client = postgres(url, { max: 10, onnotice: () => {} });
	await client`select 1`;
	return {
		db: drizzlePostgres(client, { schema }) as unknown as Database,
		engine: 'postgres',
		location: redactUrl(url),
		exec: async (sql) => {
			await client.unsafe(sql);
		},
		close: () => client.end({ timeout: 5 })
	};
}

async function openEmbedded(dataDir: string): Promise<DatabaseHandle> {
	const inMemory = dataDir.startsWith('memory://');
	if (!inMemory) await claimDataDir(dataDir);

	const client = await PGlite.create(inMemory ? dataDir : `${dataDir}/pgdata`);
	return {
		db: drizzlePglite(client, { schema }) as unknown as Database,
		engine: 'embedded',
		location: inMemory ? 'memory' : dataDir,
		exec: async (sql) => {
			await client.exec(sql);
		},
		close: async () => {
			await client.close();
			if (!inMemory) await releaseDataDir(dataDir);
		}
	};
}

function redactUrl(url: string): string {
	try {
		const parsed = new URL(url);
		if (parsed.password) parsed.password = '***';
		return parsed.toString();
	} catch {
		return 'postgres';
	}
}
