/**
 * Only one process may open an embedded database. The process that opens it leaves its pid
 * in the data directory; another process that finds a live pid there is told plainly who
 * holds the database and what to do instead, rather than corrupting it.
 */

import fs from 'node:fs/promises';
import path from 'node:path';

export class DatabaseBusyError extends Error {
	constructor(
		readonly dataDir: string,
		readonly pid: number
	) {
		super(
			`The embedded database in ${dataDir} is open in another Pushmap process (pid ${pid}), ` +
				'usually the server. Stop that process and try again, or run the command through the ' +
				'server, or set DATABASE_URL so both use a PostgreSQL server.'
		);
	}
}

const lockFile = (dataDir: string) => path.join(dataDir, 'pushmap.pid');

export async function claimDataDir(dataDir: string): Promise<void> {
	await fs.mkdir(dataDir, { recursive: true });
	const holder = await readHolder(dataDir);
	if (holder && holder !== process.pid && isAlive(holder)) {
		throw new DatabaseBusyError(dataDir, holder);
	}
	await fs.writeFile(lockFile(dataDir), String(process.pid));
}

export async function releaseDataDir(dataDir: string): Promise<void> {
	if ((await readHolder(dataDir)) === process.pid) await fs.rm(lockFile(dataDir), { force: true });
}

async function readHolder(dataDir: string): Promise<number | null> {
	try {
		const pid = Number((await fs.readFile(lockFile(dataDir), 'utf8')).trim());
		return Number.isInteger(pid) && pid > 0 ? pid : null;
	} catch {
		return null;
	}
}

function isAlive(pid: number): boolean {
	try {
		process.kill(pid, 0);
		return true;
	} catch (error) {
		// EPERM: the process exists but belongs to someone else.
		return (error as NodeJS.ErrnoException).code === 'EPERM';
	}
}
