/**
 * The two servers the intake bench compares, each started as a child process of the bench
 * with the same treatment: Pushmap as `npm start` runs it, and the bare baseline.
 */

import { existsSync } from 'node:fs';
import path from 'node:path';
import { freePort, startServer } from '../support/processes.js';

export const projectRoot = path.resolve(import.meta.dirname, '../..');

/** Whether `npm run build` has produced the server that `pushmap serve` runs. */
export function isBuilt() {
	return existsSync(path.join(projectRoot, 'build', 'index.js'));
}

/**
 * Starts `pushmap serve` on a free port with its own data directory and database, logging
 * at warn so that log writing does not weigh on the figures. Returns the server and its URL.
 */
export async function startPushmap({ databaseUrl, dataDir, env: extraEnv = {} }) {
	const port = await freePort();
	const url = `http://127.0.0.1:${port}`;
	const env = {
		...process.env,
		PORT: String(port),
		HOST: '127.0.0.1',
		ORIGIN: url,
		DATABASE_URL: databaseUrl,
		PUSHMAP_DATA_DIR: dataDir,
		PUSHMAP_SECRET_KEY: 'bench-secret-key-that-is-long-enough',
		LOG_LEVEL: 'warn',
		...extraEnv
	};
	const args = [path.join(projectRoot, 'bin', 'pushmap.js'), 'serve'];
	const server = await startServer('Pushmap', args, env, `${url}/readyz`);
	return { ...server, url };
}

/** Starts bench/baseline-server.js on a free port, on the same database as Pushmap. */
export async function startBaseline({ databaseUrl }) {
	const port = await freePort();
	const url = `http://127.0.0.1:${port}`;
	const env = { ...process.env, PORT: String(port), HOST: '127.0.0.1', DATABASE_URL: databaseUrl };
	const args = [path.join(projectRoot, 'bench', 'baseline-server.js')];
	const server = await startServer('The baseline server', args, env, `${url}/readyz`);
	return { ...server, url };
}
