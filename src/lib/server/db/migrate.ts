/** Applies the committed migrations in drizzle/, in order, each once. */

import { readFileSync } from 'node:fs';
import path from 'node:path';
import { sql } from 'drizzle-orm';
import { migrate as migratePglite } from 'drizzle-orm/pglite/migrator';
import type { PgliteDatabase } from 'drizzle-orm/pglite';
import { migrate as migratePostgres } from 'drizzle-orm/postgres-js/migrator';
import type { PostgresJsDatabase } from 'drizzle-orm/postgres-js';
import type { DatabaseHandle } from './client';
import { projectRoot } from '../paths';
import { rowsOf } from './rows';

export function migrationsFolder(): string {
	return path.join(projectRoot(), 'drizzle');
}

export async function migrateDatabase(handle: DatabaseHandle): Promise<void> {
	const config = { migrationsFolder: migrationsFolder() };
	if (handle.engine === 'embedded') {
		await migratePglite(handle.db as unknown as PgliteDatabase, config);
	} else {
		await migratePostgres(handle.db as unknown as PostgresJsDatabase, config);
	}
}

/** How many migrations the code has, and how many the database has applied. */
export async function migrationState(
	handle: DatabaseHandle
): Promise<{ expected: number; applied: number }> {
	const journal = JSON.parse(
		readFileSync(path.join(migrationsFolder(), 'meta', '_journal.json'), 'utf8')
	) as { entries: unknown[] };
	const expected = journal.entries.length;
	try {
		const result = await handle.db.execute(
			sql`select count(*)::int as applied from drizzle.__drizzle_migrations`
		);
		return { expected, applied: rowsOf<{ applied: number }>(result)[0]?.applied ?? 0 };
	} catch {
		return { expected, applied: 0 };
	}
}
