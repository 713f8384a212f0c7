/**
 * Child processes for benchmarks: a server started with its own environment, its output
 * kept for the report, ready once a URL answers 200, and stopped however the bench ends.
 */

import { spawn } from 'node:child_process';
import { readFile } from 'node:fs/promises';
import { createServer } from 'node:net';

const READY_TIMEOUT_MS = 60_000;

/** Asks the operating system for a port nobody listens on. */
export function freePort() {
	return new Promise((resolve, reject) => {
		const probe = createServer();
		probe.once('error', reject);
		probe.listen(0, '127.0.0.1', () => {
			const { port } = probe.address();
			probe.close(() => resolve(port));
		});
	});
}

/**
 * Starts `node <args>` with `env` and waits until `readyUrl` answers 200. Returns
 * `{ pid, output(), stop() }`; throws with the process's output if it never gets ready.
 */
export async function startServer(name, args, env, readyUrl) {
	const child = spawn(process.execPath, args, { env, stdio: ['ignore', 'pipe', 'pipe'] });
	let output = '';
	child.stdout.on('data', (chunk) => (output += chunk));
	child.stderr.on('data', (chunk) => (output += chunk));

	const server = { name, pid: child.pid, output: () => output, stop: () => stopChild(child) };
	try {
		await waitUntilReady(name, child, readyUrl, () => output);
	} catch (error) {
		await server.stop();
		throw error;
	}
	return server;
}

async function waitUntilReady(name, child, url, output) {
	const deadline = Date.now() + READY_TIMEOUT_MS;
	while (Date.now() < deadline) {
		if (child.exitCode !== null || child.signalCode !== null) {
			throw new Error(`${name} exited (${child.exitCode ?? child.signalCode}):\n${output()}`);
		}
		if (await answersOk(url)) return;
		await sleep(100);
	}
	throw new Error(`${name} was not ready within ${READY_TIMEOUT_MS / 1000} s:\n${output()}`);
}

async function answersOk(url) {
	try {
		const response = await fetch(url);
		await response.body?.cancel();
		return response.ok;
	} catch {
		// Not listening yet.
		return false;
	}
}

/** Sends SIGTERM, and SIGKILL if the process has not gone within five seconds. */
function stopChild(child) {
	if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
	return new Promise((resolve) => {
		const force = setTimeout(() => child.kill('SIGKILL'), 5_000);
		child.once('exit', () => {
			clearTimeout(force);
			resolve();
		});
		child.kill('SIGTERM');
	});
}

/**
 * The resident memory of a process in bytes, from /proc (Linux): `rss` now and `peak`,
 * the highest it has been in the process's whole life (VmHWM, never reset).
 */
export async function readMemory(pid) {
	const status = await readFile(`/proc/${pid}/status`, 'utf8');
	return {
		rss: kilobytesField(status, 'VmRSS') * 1024,
		peak: kilobytesField(status, 'VmHWM') * 1024
	};
}

function kilobytesField(status, field) {
	const match = new RegExp(`^${field}:\\s+(\\d+) kB`, 'm').exec(status);
	if (!match)
		throw new Error(`/proc status has no ${field} line; memory can only be read on Linux.`);
	return Number(match[1]);
}

/** Resolves after `ms` milliseconds. */
export function sleep(ms) {
	return new Promise((resolve) => setTimeout(resolve, ms));
}

/**
 * The lines of a server's output at warn level or above: pino JSON lines from level 40 up,
 * and any other text except the adapter's "Listening on" line.
 */
export function problemLines(output) {
	return output
		.split('\n')
		.filter((line) => line.trim() !== '' && !line.startsWith('Listening on '))
		.filter((line) => {
			try {
				return JSON.parse(line).level >= 40;
			} catch {
				// Not a log line: anything printed outside the logger is worth seeing.
				return true;
			}
		});
}
