import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDatabase, type DatabaseHandle } from '../src/lib/server/db/client';
import { DatabaseBusyError } from '../src/lib/server/db/data-dir-lock';
import { migrateDatabase, migrationState } from '../src/lib/server/db/migrate';
import { users } from '../src/lib/server/db/schema';
import { engines } from './support/databases';
import { openTestDatabase } from './support/database-handle';

const TABLES = [
	'action_versions',
	'actions',
	'api_tokens',
	'credentials',
	'deliveries',
	'delivery_attempts',
	'login_failures',
	'push_signatures',
	'runs',
	'sessions',
	'users'
];

async function tableNames(handle: DatabaseHandle): Promise<string[]> {
	const result = await handle.db.execute(
		sql`select table_name from information_schema.tables where table_schema = 'public' order by 1`
	);
	const rows = (Array.isArray(result) ? result : (result as { rows: unknown[] }).rows) as {
		table_name: string;
	}[];
	return rows.map((row) => row.table_name);
}

describe.each(engines)('migrations on %s', (engine) => {
	let handle: DatabaseHandle;
	beforeAll(async () => {
		handle = await openTestDatabase(engine);
	});
	afterAll(() => handle?.close());

	it('apply every migration to an empty database and create every table', async () => {
		expect(await tableNames(handle)).toEqual(TABLES);
		const state = await migrationState(handle);
		expect(state.applied).toBe(state.expected);
		expect(state.expected).toBeGreaterThan(0);
	});

	it('apply a second time without changing anything', async () => {
		await migrateDatabase(handle);
		const state = await migrationState(handle);
		expect(state.applied).toBe(state.expected);
	});
});

describe('the embedded database', () => {
	let dataDir: string;
	beforeAll(async () => {
		dataDir = await mkdtemp(path.join(tmpdir(), 'pushmap-embedded-'));
	});
	afterAll(() => rm(dataDir, { recursive: true, force: true }));

	it('keeps its data across a restart', async () => {
		const first = await openDatabase({ dataDir });
		await migrateDatabase(first);
		await first.db.insert(users).values({ email: 'kept@example.com', role: 'admin' });
		await first.close();

		const second = await openDatabase({ dataDir });
		const rows = await second.db.select({ email: users.email }).from(users);
		await second.close();
		expect(rows).toEqual([{ email: 'kept@example.com' }]);
	});

	it('tells a second process plainly that the database is taken', async () => {
		const { spawn } = await import('node:child_process');
		const holder = spawn(process.execPath, ['-e', 'setTimeout(() => {}, 30000)']);
		try {
			const { writeFile } = await import('node:fs/promises');
			await writeFile(path.join(dataDir, 'pushmap.pid'), String(holder.pid));
			const opening = openDatabase({ dataDir });
			await expect(opening).rejects.toBeInstanceOf(DatabaseBusyError);
			await expect(opening).rejects.toThrow(`pid ${holder.pid}`);
		} finally {
			holder.kill();
		}
	});

	it('takes over a data directory left by a process that died', async () => {
		const { writeFile } = await import('node:fs/promises');
		await writeFile(path.join(dataDir, 'pushmap.pid'), '999999');
		const handle = await openDatabase({ dataDir });
		const rows = await handle.db.select({ email: users.email }).from(users);
		await handle.close();
		expect(rows).toHaveLength(1);
	});
});
