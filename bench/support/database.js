/**
 * A fresh PostgreSQL database per bench run, so figures never include leftovers of an
 * earlier run, dropped again at the end (with any connections still open to it).
 */

import postgres from 'postgres';

export const DEFAULT_SERVER_URL = 'postgres://postgres@127.0.0.1:5432/postgres';

/**
 * Creates an empty database named `<prefix>_<time>` on the server at `serverUrl` and
 * returns `{ name, url, drop() }`; `drop` can be called more than once.
 */
export async function createBenchDatabase(prefix, serverUrl = DEFAULT_SERVER_URL) {
	const name = `${prefix}_${Date.now()}`;
	await onServer(serverUrl, (sql) => sql.unsafe(`create database ${name}`));

	const url = new URL(serverUrl);
	url.pathname = `/${name}`;
	let dropped = false;
	return {
		name,
		url: url.toString(),
		async drop() {
			if (dropped) return;
			dropped = true;
			await onServer(serverUrl, (sql) =>
				sql.unsafe(`drop database if exists ${name} with (force)`)
			);
		}
	};
}

async function onServer(serverUrl, statement) {
	const sql = postgres(serverUrl, { max: 1, onnotice: () => {} });
	try {
		await statement(sql);
	} finally {
		await sql.end();
	}
}
