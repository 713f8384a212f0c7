import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createAction, waitForRun, type RunDetail } from './support/actions';
import { Client, setUpAdmin } from './support/client';
import { engines } from './support/databases';
import { startHttpSink, type HttpSink } from './support/http-sink';
import { startServer, type RunningServer } from './support/server';

const rows = (count: number) =>
	Array.from({ length: count }, (_, i) => ({ Customer: `Customer ${i + 1}` }));

function perRowOutput(sink: HttpSink) {
	return {
		id: 'invoice',
		type: 'http',
		mode: 'per-row',
		retry: { attempts: 5, initialDelaySeconds: 0.2 },
		request: {
			method: 'POST',
			url: `${sink.url}/invoices`,
			body: '{ "customer": {{json Customer}} }'
		}
	};
}

/** The delivery ids the sink saw, from the Idempotency-Key each request carried. */
const keysSeen = (sink: HttpSink) =>
	new Set(sink.requests.map((r) => r.headers['idempotency-key']));

function delivered(detail: RunDetail): Set<string> {
	return new Set(detail.deliveries.filter((d) => d.status === 'succeeded').map((d) => d.id));
}

describe.each(engines)('a crash on %s', (engine) => {
	let sink: HttpSink;
	let server: RunningServer;

	beforeAll(async () => {
		sink = await startHttpSink();
		sink.respondWith({ status: 200, delayMs: 150 });
		server = await startServer(engine, {
			PUSHMAP_OUTBOUND_ALLOW: `127.0.0.1:${sink.port}`,
			PUSHMAP_DELIVERY_CONCURRENCY: '8',
			PUSHMAP_DELIVERY_LEASE_SECONDS: '2'
		});
	});
	afterAll(async () => {
		await server?.destroy();
		await sink?.close();
	});

	it('loses no delivery when the server is killed half-way, and the run log agrees with the sink', async () => {
		let admin = await setUpAdmin(server.url);
		await createAction(admin, 'crash', { outputs: [perRowOutput(sink)] });
		const pushed = await new Client(server.url).sendJson('POST', '/a/crash', rows(500));
		const { runId } = await pushed.json();

		await sink.waitFor(120, 60_000);
		await server.stop('SIGKILL');
		const beforeRestart = keysSeen(sink).size;
		expect(beforeRestart).toBeLessThan(500);

		await server.restart();
		admin = new Client(server.url);
		await admin.postForm('/login', { email: 'ada@example.com', password: 'correct horse battery' });
		const detail = await waitForRun(admin, runId, 120_000);

		expect(detail.run.status).toBe('succeeded');
		expect(detail.deliveries).toHaveLength(500);
		expect(keysSeen(sink)).toEqual(delivered(detail));
		expect(delivered(detail).size).toBe(500);
	});
});

describe.runIf(engines.includes('postgres'))('two servers on one PostgreSQL', () => {
	let sink: HttpSink;
	let first: RunningServer;
	let second: RunningServer;

	beforeAll(async () => {
		sink = await startHttpSink();
		const env = {
			PUSHMAP_OUTBOUND_ALLOW: `127.0.0.1:${sink.port}`,
			PUSHMAP_DELIVERY_CONCURRENCY: '16'
		};
		first = await startServer('postgres', env);
		second = await startServer('postgres', { ...env, DATABASE_URL: first.env.DATABASE_URL });
	});
	afterAll(async () => {
		await second?.destroy();
		await first?.destroy();
		await sink?.close();
	});

	it('share 1,000 deliveries and send each exactly once', async () => {
		const admin = await setUpAdmin(first.url);
		await createAction(admin, 'shared', { outputs: [perRowOutput(sink)] });
		const pushed = await new Client(second.url).sendJson('POST', '/a/shared', rows(1000));
		const { runId } = await pushed.json();

		const detail = await waitForRun(admin, runId, 120_000);
		expect(detail.run.status).toBe('succeeded');
		expect(sink.requests).toHaveLength(1000);
		expect(keysSeen(sink)).toEqual(delivered(detail));

		const sentBy = (server: RunningServer) =>
			server
				.output()
				.split('\n')
				.filter((l) => l.includes('"delivery attempt"')).length;
		expect(sentBy(first) + sentBy(second)).toBe(1000);
		expect(sentBy(first)).toBeGreaterThan(0);
		expect(sentBy(second)).toBeGreaterThan(0);
	});
});
