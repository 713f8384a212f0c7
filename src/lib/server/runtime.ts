/**
 * The process-wide runtime: configuration, the database and the secret key. The server
 * starts it once in the `init` hook; the command line starts it per command.
 */

import { loadConfig, type Config } from './config';
import { openDatabase, type Database, type DatabaseHandle } from './db/client';
import { migrateDatabase } from './db/migrate';
import { log } from './log';
import { resolveSecretKey } from './secrets/key';

export interface Runtime {
	config: Config;
	database: DatabaseHandle;
	db: Database;
	secretKey: Buffer;
}

let current: Runtime | undefined;

export async function startRuntime(config: Config = loadConfig()): Promise<Runtime> {
	if (current) return current;

	const database = await openDatabase(config);
	try {
		await migrateDatabase(database);
		const secretKey = await resolveSecretKey(config.secretKey, config.dataDir, log);
		current = { config, database, db: database.db, secretKey };
	} catch (error) {
		await database.close();
		throw error;
	}
	log.info({ engine: database.engine, location: database.location }, 'database ready');
	return current;
}

export function runtime(): Runtime {
	if (!current) throw new Error('The Pushmap runtime has not been started.');
	return current;
}

export async function stopRuntime(): Promise<void> {
	const stopping = current;
	current = undefined;
	await stopping?.database.close();
}
