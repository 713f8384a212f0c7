/**
 * Starts the built Pushmap server as a child process, on its own port, data directory and
 * database, the way `npm start` runs it (`pushmap serve`). Suites talk to it over HTTP.
 */

import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { createServerDatabase, type Engine, type ServerDatabase } from './databases';

export const root = path.resolve(import.meta.dirname, '../..');

export interface RunningServer {
	url: string;
	engine: Engine;
	dataDir: string;
	env: NodeJS.ProcessEnv;
	/** Everything the server printed, for assertions on logs. */
	output(): string;
	/** Stops the process (SIGTERM, or SIGKILL to simulate a crash) and keeps its data. */
	stop(signal?: NodeJS.Signals): Promise<void>;
	/** Starts the process again on the same port, data and database. */
	restart(): Promise<void>;
	/** Stops it and removes its data. */
	destroy(): Promise<void>;
}

export async function startServer(
	engine: Engine,
	extraEnv: NodeJS.ProcessEnv = {}
): Promise<RunningServer> {
	const dataDir = await mkdtemp(path.join(tmpdir(), 'pushmap-test-'));
	// A caller that passes DATABASE_URL shares that database (several instances, one server).
	const shared = Boolean(extraEnv.DATABASE_URL);
	const database: ServerDatabase | null =
		engine === 'postgres' && !shared ? await createServerDatabase() : null;
	const port = await freePort();
	const url = `http://127.0.0.1:${port}`;
	const env: NodeJS.ProcessEnv = {
		...process.env,
		PORT: String(port),
		HOST: '127.0.0.1',
		ORIGIN: url,
		PUSHMAP_DATA_DIR: dataDir,
		PUSHMAP_SECRET_KEY: 'test-secret-key-with-enough-length',
		LOG_LEVEL: 'info',
		DATABASE_URL: database?.url ?? '',
		// Suites make their own data; the first-run demo would add an action to each of them.
		PUSHMAP_DEMO: 'off',
		...extraEnv
	};

	let child: ChildProcess | undefined;
	let output = '';

	async function launch() {
		child = spawn(process.execPath, [path.join(root, 'bin/pushmap.js'), 'serve'], {
			env,
			stdio: ['ignore', 'pipe', 'pipe']
		});
		child.stdout!.on('data', (chunk) => (output += chunk));
		child.stderr!.on('data', (chunk) => (output += chunk));
		await waitUntilReady(url, child, () => output);
	}

	async function stop(signal: NodeJS.Signals = 'SIGTERM') {
		const running = child;
		if (!running || running.exitCode !== null) return;
		const exited = new Promise((resolve) => running.once('exit', resolve));
		running.kill(signal);
		await exited;
	}

	await launch();
	return {
		url,
		engine,
		dataDir,
		env,
		output: () => output,
		stop,
		restart: launch,
		async destroy() {
			await stop();
			await database?.drop();
			await rm(dataDir, { recursive: true, force: true });
		}
	};
}

async function waitUntilReady(url: string, child: ChildProcess, output: () => string) {
	const deadline = Date.now() + 60_000;
	while (Date.now() < deadline) {
		if (child.exitCode !== null) {
			throw new Error(`The server exited with ${child.exitCode}:\n${output()}`);
		}
		try {
			const response = await fetch(`${url}/readyz`);
			if (response.ok) return;
		} catch {
			// Not listening yet.
		}
		await new Promise((resolve) => setTimeout(resolve, 100));
	}
	throw new Error(`The server was not ready within 60 s:\n${output()}`);
}

export function freePort(): Promise<number> {
	return new Promise((resolve, reject) => {
		const probe = createServer();
		probe.once('error', reject);
		probe.listen(0, '127.0.0.1', () => {
			const { port } = probe.address() as { port: number };
			probe.close(() => resolve(port));
		});
	});
}
