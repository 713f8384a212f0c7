/**
 * The process-wide runtime: configuration, the database and the secret key. The server
 * starts it once in the `init` hook; the command line starts it per command.
 */

import { loadConfig, type Config } from './config';
import { openDatabase, type Database, type DatabaseHandle } from './db/client';
import { migrateDatabase } from './db/migrate';
import { log } from './log';
import { queueDepthFrom } from './metrics';
import { startDemo, stopDemo } from './demo';
import { createOutboundGuard, type OutboundGuard } from './outbound';
import { queueDepth } from './runs/queue';
import { createSenders } from './runs/senders';
import { startDeliveryWorker, type DeliveryWorker } from './runs/worker';
import { resolveSecretKey } from './secrets/key';

export interface Runtime {
	config: Config;
	database: DatabaseHandle;
	db: Database;
	secretKey: Buffer;
	guard: OutboundGuard;
	/** Present in the server; commands run without one. */
	worker: DeliveryWorker | null;
}

export interface RuntimeOptions {
	/** Send queued deliveries from this process (the server does; commands do not). */
	deliver?: boolean;
}

let current: Runtime | undefined;

export async function startRuntime(
	config: Config = loadConfig(),
	options: RuntimeOptions = {}
): Promise<Runtime> {
	if (current) return current;

	let guard = createOutboundGuard(config.outboundAllow);
	const database = await openDatabase(config);
	try {
		await migrateDatabase(database);
		const secretKey = await resolveSecretKey(config.secretKey, config.dataDir, log);
		// The first-run demo delivers to this machine; it adds exactly its own two targets.
		const demoAllow = options.deliver ? await startDemo(config, database.db, secretKey) : [];
		if (demoAllow.length > 0) guard = createOutboundGuard([...config.outboundAllow, ...demoAllow]);
		const worker = options.deliver ? startWorker(config, database.db, secretKey, guard) : null;
		current = { config, database, db: database.db, secretKey, guard, worker };
	} catch (error) {
		await stopDemo();
		await database.close();
		throw error;
	}
	log.info({ engine: database.engine, location: database.location }, 'database ready');
	return current;
}

function startWorker(config: Config, db: Database, secretKey: Buffer, guard: OutboundGuard) {
	queueDepthFrom(() => queueDepth(db));
	return startDeliveryWorker(db, createSenders(db, secretKey, guard), {
		concurrency: config.deliveryConcurrency,
		batchSize: Math.min(config.deliveryConcurrency, 64),
		pollMs: 250,
		leaseMs: config.deliveryLeaseSeconds * 1000
	});
}

export function runtime(): Runtime {
	if (!current) throw new Error('The Pushmap runtime has not been started.');
	return current;
}

export async function stopRuntime(): Promise<void> {
	const stopping = current;
	current = undefined;
	await stopping?.worker?.stop();
	await stopDemo();
	await stopping?.guard.close();
	await stopping?.database.close();
}
