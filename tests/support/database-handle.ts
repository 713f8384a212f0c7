import { openDatabase, type DatabaseHandle } from '../../src/lib/server/db/client';
import { migrateDatabase } from '../../src/lib/server/db/migrate';
import { createServerDatabase, type Engine } from './databases';

/** A migrated, empty database of the given engine, removed again by `close`. */
export async function openTestDatabase(engine: Engine): Promise<DatabaseHandle> {
	if (engine === 'embedded') {
		const handle = await openDatabase({ dataDir: 'memory://' });
		await migrateDatabase(handle);
		return handle;
	}
	const server = await createServerDatabase();
	const handle = await openDatabase({ databaseUrl: server.url, dataDir: 'memory://' });
	await migrateDatabase(handle);
	return {
		...handle,
		async close() {
			await handle.close();
			await server.drop();
		}
	};
}
