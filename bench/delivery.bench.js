/**
 * Delivery bench: how fast queued deliveries leave Pushmap, end to end.
 *
 * What it measures, in one run, on the built server (`pushmap serve`) over a fresh
 * PostgreSQL database:
 * - HTTP: one push of 5,000 rows to an action with a per-row HTTP output, to a sink on
 *   loopback that answers 200 at once; deliveries per second from the push's answer to the
 *   last request received. Every delivery is claimed, sent, and recorded with its attempt.
 * - Email: one push of 1,000 rows to an action with a per-row email output, to an SMTP
 *   server on loopback; emails per second, the same way.
 *
 * How to read it: the sink and the SMTP server run in this process and share the 2 cores
 * with Pushmap and PostgreSQL, so the figures are a floor. Goals: ≥ 1,000 HTTP
 * deliveries/s and ≥ 200 emails/s.
 */

import { createServer } from 'node:http';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { SMTPServer } from 'smtp-server';
import { isBuilt, startPushmap } from './intake/servers.js';
import { cleanupOnExit } from './support/cleanup.js';
import { createBenchDatabase } from './support/database.js';
import { renewalRow } from './support/payloads.js';
import { formatNumber, formatTable } from './support/table.js';

const HTTP_ROWS = 5_000;
const EMAIL_ROWS = 1_000;
const GOALS = { http: 1_000, email: 200 };

process.exitCode = await main();

async function main() {
	if (!isBuilt()) {
		console.error('The server is not built: run npm run build first.');
		return 1;
	}
	const cleanup = cleanupOnExit();
	try {
		const sink = await startCountingSink();
		cleanup.add(() => sink.close());
		const mail = await startCountingSmtp();
		cleanup.add(() => mail.close());

		const database = await createBenchDatabase('pushmap_delivery_bench');
		cleanup.add(() => database.drop());
		const dataDir = await mkdtemp(path.join(tmpdir(), 'pushmap-bench-'));
		cleanup.add(() => rm(dataDir, { recursive: true, force: true }));
		const pushmap = await startPushmap({
			databaseUrl: database.url,
			dataDir,
			env: { PUSHMAP_OUTBOUND_ALLOW: `127.0.0.1:${sink.port},127.0.0.1:${mail.port}` }
		});
		cleanup.add(() => pushmap.stop());

		const api = await signIn(pushmap.url);
		await api('POST', '/api/credentials', {
			name: 'bench-smtp',
			type: 'smtp',
			fields: { host: '127.0.0.1', port: mail.port }
		});
		await api('POST', '/api/actions', action('http-bench', httpOutput(sink.url)));
		await api('POST', '/api/actions', action('mail-bench', emailOutput()));

		const http = await measure(pushmap.url, 'http-bench', HTTP_ROWS, sink);
		const email = await measure(pushmap.url, 'mail-bench', EMAIL_ROWS, mail);
		report(http, email);
		return 0;
	} catch (error) {
		console.error(`The delivery bench failed: ${error.message}`);
		return 1;
	} finally {
		await cleanup.run();
	}
}

function action(slug, output) {
	return { slug, label: slug, outputs: [output], limits: { pushesPerMinute: 1_000_000 } };
}

function httpOutput(url) {
	return {
		id: 'invoice',
		type: 'http',
		mode: 'per-row',
		request: {
			method: 'POST',
			url: `${url}/invoices`,
			body: '{ "customer": {{json [Customer Name]}}, "due": {{json [Renewal Date]}} }'
		}
	};
}

function emailOutput() {
	return {
		id: 'notice',
		type: 'email',
		mode: 'per-row',
		smtp: 'bench-smtp',
		email: {
			from: 'billing@example.com',
			to: '{{Email}}',
			subject: 'Your renewal',
			text: 'Hello {{[Customer Name]}}, your renewal is due on {{[Renewal Date]}}.'
		}
	};
}

/** Pushes `rows` rows and times until the receiver has seen one delivery per row. */
async function measure(url, slug, rows, receiver) {
	const body = JSON.stringify(Array.from({ length: rows }, (_, i) => renewalRow(i)));
	const started = performance.now();
	const response = await fetch(`${url}/a/${slug}`, {
		method: 'POST',
		headers: { 'content-type': 'application/json' },
		body
	});
	const reply = await response.json();
	if (response.status !== 200)
		throw new Error(`The push answered ${response.status}: ${JSON.stringify(reply)}`);
	const accepted = performance.now();

	await receiver.waitFor(rows, 120_000);
	const finished = performance.now();
	return {
		rows,
		pushMs: accepted - started,
		deliverMs: finished - accepted,
		perSecond: rows / ((finished - accepted) / 1000)
	};
}

function report(http, email) {
	console.log(
		formatTable(
			['deliveries', 'count', 'push answered (ms)', 'all delivered (ms)', 'per second', 'goal'],
			[row('HTTP', http, GOALS.http), row('email', email, GOALS.email)]
		)
	);
}

function row(name, result, goal) {
	return [
		name,
		formatNumber(result.rows),
		formatNumber(result.pushMs),
		formatNumber(result.deliverMs),
		formatNumber(result.perSecond),
		`≥ ${formatNumber(goal)} ${result.perSecond >= goal ? 'met' : 'MISSED'}`
	];
}

/** A receiver that answers 200 at once and counts what it received. */
async function startCountingSink() {
	const counter = makeCounter();
	const server = createServer((request, response) => {
		request.resume();
		request.on('end', () => {
			response.end('ok');
			counter.add();
		});
	});
	await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
	const { port } = server.address();
	return {
		port,
		url: `http://127.0.0.1:${port}`,
		waitFor: counter.waitFor,
		close: () => new Promise((resolve) => server.close(resolve))
	};
}

async function startCountingSmtp() {
	const counter = makeCounter();
	const server = new SMTPServer({
		logger: false,
		disableReverseLookup: true,
		disabledCommands: ['STARTTLS', 'AUTH'],
		onData(stream, _session, callback) {
			stream.resume();
			stream.on('end', () => {
				counter.add();
				callback();
			});
		}
	});
	await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
	return {
		port: server.server.address().port,
		waitFor: counter.waitFor,
		close: () => new Promise((resolve) => server.close(resolve))
	};
}

function makeCounter() {
	let count = 0;
	let waiter = null;
	return {
		add() {
			count++;
			if (waiter && count >= waiter.target) waiter.resolve();
		},
		waitFor(target, timeoutMs) {
			if (count >= target) return Promise.resolve();
			return new Promise((resolve, reject) => {
				const timer = setTimeout(
					() => reject(new Error(`only ${count} of ${target} arrived within ${timeoutMs} ms`)),
					timeoutMs
				);
				waiter = { target, resolve: () => (clearTimeout(timer), resolve()) };
			});
		}
	};
}

/** Completes the setup form and returns a JSON API caller with the session it opened. */
async function signIn(url) {
	const response = await fetch(`${url}/setup`, {
		method: 'POST',
		redirect: 'manual',
		headers: {
			'content-type': 'application/x-www-form-urlencoded',
			accept: 'text/html',
			origin: url
		},
		body: new URLSearchParams({ email: 'bench@example.com', password: 'bench-password-1234' })
	});
	await response.body?.cancel();
	const cookie = response.headers
		.getSetCookie()
		.find((c) => c.startsWith('pushmap_session='))
		?.split(';')[0];
	if (!cookie) throw new Error(`Setup answered ${response.status} without a session.`);

	return async (method, apiPath, body) => {
		const answer = await fetch(url + apiPath, {
			method,
			headers: { 'content-type': 'application/json', cookie, origin: url },
			body: JSON.stringify(body)
		});
		if (answer.status >= 300)
			throw new Error(`${method} ${apiPath} answered ${answer.status}: ${await answer.text()}`);
		return answer.json();
	};
}
