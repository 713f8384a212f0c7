/**
 * The bare baseline for the intake bench: the least a push endpoint can do and still keep
 * the push. It reads the body, parses it as JSON, inserts it into one table and answers
 * `{ "id": … }`; nothing else (no auth, limits, shapes, runs). Pushmap's throughput is read
 * as a share of this one's, measured on the same machine, database and client.
 *
 * Environment: PORT, HOST (default 127.0.0.1), DATABASE_URL. `GET /readyz` answers 200
 * once the table exists.
 */

import { createServer } from 'node:http';
import postgres from 'postgres';

const sql = postgres(requiredEnv('DATABASE_URL'), { max: 10, onnotice: () => {} });

await sql`
	create table if not exists pushes (
		id bigserial primary key,
		received_at timestamptz default now(),
		body jsonb
	)
`;

const server = createServer((request, response) => {
	if (request.method === 'GET' && request.url === '/readyz') return reply(response, 200, {});
	if (request.method !== 'POST') return reply(response, 405, { error: 'POST a JSON body.' });
	receivePush(request, response).catch((error) => reply(response, 500, { error: error.message }));
});
server.listen(Number(requiredEnv('PORT')), process.env.HOST ?? '127.0.0.1');

process.once('SIGTERM', () => {
	server.close();
	server.closeAllConnections();
	sql.end({ timeout: 1 }).then(() => process.exit(0));
});

async function receivePush(request, response) {
	const text = await readBody(request);

	let value;
	try {
		value = JSON.parse(text);
	} catch {
		return reply(response, 400, { error: 'The body is not JSON.' });
	}

	const [row] = await sql`insert into pushes (body) values (${sql.json(value)}) returning id`;
	reply(response, 200, { id: row.id });
}

async function readBody(request) {
	const chunks = [];
	for await (const chunk of request) chunks.push(chunk);
	return Buffer.concat(chunks).toString('utf8');
}

function reply(response, status, body) {
	const text = JSON.stringify(body);
	response.writeHead(status, {
		'content-type': 'application/json',
		'content-length': Buffer.byteLength(text)
	});
	response.end(text);
}

function requiredEnv(name) {
	const value = process.env[name];
	if (!value) throw new Error(`${name} is not set; the intake bench starts this server with it.`);
	return value;
}
