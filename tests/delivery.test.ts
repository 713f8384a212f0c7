import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { renewalInvoicesExample } from '../src/lib/actions/examples/renewal-invoices';
import { createAction, createCredential, samplePayload, waitForRun } from './support/actions';
import { Client, setUpAdmin } from './support/client';
import { engines } from './support/databases';
import { startHttpSink, type HttpSink } from './support/http-sink';
import { startServer, type RunningServer } from './support/server';
import { startSmtpSink, type SmtpSink } from './support/smtp-sink';

const SAMPLE = 'callback-answer-menu.json';
const ROWS = [
	{ Customer: 'Acme', Email: 'ap@acme.test' },
	{ Customer: 'Globex', Email: 'billing@globex.test' }
];

describe.each(engines)('deliveries on %s', (engine) => {
	let sink: HttpSink;
	let mail: SmtpSink;
	let server: RunningServer;
	let admin: Client;
	let sender: Client;

	beforeAll(async () => {
		[sink, mail] = await Promise.all([startHttpSink(), startSmtpSink()]);
		server = await startServer(engine, {
			PUSHMAP_OUTBOUND_ALLOW: `127.0.0.1:${sink.port},127.0.0.1:${mail.port}`
		});
		admin = await setUpAdmin(server.url);
		sender = new Client(server.url);
		await createCredential(admin, 'thoughtspot-token', 'bearer', { token: 'push-token' });
		await createCredential(admin, 'billing-token', 'bearer', { token: 'billing-secret-token' });
		await createCredential(admin, 'billing-smtp', 'smtp', { host: '127.0.0.1', port: mail.port });
	});
	beforeEach(() => sink.reset());
	afterAll(async () => {
		await server?.destroy();
		await Promise.all([sink?.close(), mail?.close()]);
	});

	function httpOutput(
		id: string,
		extra: Record<string, unknown> = {},
		request: Record<string, unknown> = {}
	) {
		return {
			id,
			type: 'http',
			mode: 'per-row',
			retry: { attempts: 4, initialDelaySeconds: 0.1 },
			request: {
				method: 'POST',
				url: `${sink.url}/${id}`,
				body: '{ "customer": {{json Customer}} }',
				...request
			},
			...extra
		};
	}

	async function pushRows(slug: string) {
		const response = await sender.sendJson('POST', `/a/${slug}`, ROWS);
		expect(response.status).toBe(200);
		return (await response.json()) as { runId: string; status: string };
	}

	it('delivers the renewal example: an invoice request and an email per customer', async () => {
		const example = renewalInvoicesExample();
		const invoice = example.outputs[0];
		if (invoice.type === 'http') invoice.request.url = `${sink.url}/api/invoices`;
		const response = await admin.sendJson('POST', '/api/actions', example);
		expect(response.status).toBe(201);

		const pushed = await sender.sendJson('POST', '/a/renewal-invoices', samplePayload(SAMPLE), {
			authorization: 'Bearer push-token'
		});
		const body = await pushed.json();
		expect(body).toMatchObject({ status: 'running', rowCount: 3 });
		expect(body.outputs).toEqual([
			expect.objectContaining({ id: 'invoice', deliveries: 3, failed: 0 }),
			expect.objectContaining({ id: 'notice', deliveries: 3, failed: 0 })
		]);

		const detail = await waitForRun(admin, body.runId);
		expect(detail.run.status).toBe('succeeded');
		const requests = await sink.waitFor(3);
		const customers = requests.map((r) => JSON.parse(r.body).customer).sort();
		expect(customers).toEqual(['Acme Corp', 'Globex Ltd', 'Initech']);
		for (const request of requests) {
			expect(request.headers.authorization).toBe('Bearer billing-secret-token');
			expect(request.headers['content-type']).toContain('application/json');
			expect(detail.deliveries.map((d) => d.id)).toContain(request.headers['idempotency-key']);
			expect(JSON.parse(request.body).due).toMatch(/^\d{4}-\d{2}-\d{2}$/);
		}

		const messages = await mail.waitFor(3);
		expect(messages.map((m) => m.envelope.to[0]).sort()).toEqual([
			'ap@globex.example',
			'billing@acme.example',
			'finance@initech.example'
		]);
		expect(messages[0].subject).toBe('Your renewal invoice');
		expect(messages.find((m) => m.envelope.to[0] === 'billing@acme.example')?.text).toContain(
			'Hello Acme Corp'
		);

		const recorded = JSON.stringify(
			detail.deliveries.flatMap((d) => d.attempts.map((a) => a.request))
		);
		expect(recorded).not.toContain('billing-secret-token');
		expect(recorded).toContain('[redacted]');
	});

	it('retries a target that fails three times, then succeeds', async () => {
		await createAction(admin, 'flaky', { outputs: [httpOutput('flaky', { mode: 'once' })] });
		sink.respondWith([{ status: 500 }, { status: 502 }, { status: 503 }, { status: 200 }]);
		const { runId } = await pushRows('flaky');
		const detail = await waitForRun(admin, runId);
		expect(detail.run.status).toBe('succeeded');
		expect(detail.deliveries[0].attempts.map((a) => a.responseStatus)).toEqual([
			500, 502, 503, 200
		]);
		const keys = new Set(sink.requests.map((r) => r.headers['idempotency-key']));
		expect(keys.size).toBe(1);
	});

	it('gives up on a 404 at once and says why', async () => {
		await createAction(admin, 'missing', { outputs: [httpOutput('missing', { mode: 'once' })] });
		sink.respondWith({ status: 404, body: 'no such invoice endpoint' });
		const detail = await waitForRun(admin, (await pushRows('missing')).runId);
		expect(detail.run.status).toBe('failed');
		expect(detail.deliveries[0]).toMatchObject({ status: 'dead', attemptCount: 1 });
		expect(detail.deliveries[0].lastError).toMatch(/404/);
	});

	it('honours Retry-After on a 429', async () => {
		await createAction(admin, 'busy', { outputs: [httpOutput('busy', { mode: 'once' })] });
		sink.respondWith([{ status: 429, headers: { 'retry-after': '1' } }, { status: 201 }]);
		const detail = await waitForRun(admin, (await pushRows('busy')).runId);
		expect(detail.run.status).toBe('succeeded');
		const [first, second] = sink.requests;
		expect(second.receivedAt.getTime() - first.receivedAt.getTime()).toBeGreaterThanOrEqual(950);
	});

	it('retries a target that does not answer in time, until the tries run out', async () => {
		await createAction(admin, 'slow', {
			outputs: [
				httpOutput(
					'slow',
					{ mode: 'once', retry: { attempts: 2, initialDelaySeconds: 0.1 } },
					{ timeoutMs: 200 }
				)
			]
		});
		sink.respondWith({ status: 200, delayMs: 1_000 });
		const detail = await waitForRun(admin, (await pushRows('slow')).runId);
		expect(detail.run.status).toBe('failed');
		expect(detail.deliveries[0].attempts).toHaveLength(2);
		expect(detail.deliveries[0].attempts[0].error).toMatch(/timed out after 200 ms/);
	});

	it('refuses a redirect to a loopback address that is not allowed', async () => {
		await createAction(admin, 'redirected', {
			outputs: [httpOutput('redirected', { mode: 'once' })]
		});
		sink.respondWith({ status: 302, headers: { location: 'http://127.0.0.1:9/admin' } });
		const detail = await waitForRun(admin, (await pushRows('redirected')).runId);
		expect(detail.run.status).toBe('failed');
		expect(detail.deliveries[0].attemptCount).toBe(1);
		expect(detail.deliveries[0].lastError).toMatch(
			/Refused to connect to 127\.0\.0\.1.*PUSHMAP_OUTBOUND_ALLOW/s
		);
	});

	it('fails only the row whose body does not parse, naming the row and the parser’s message', async () => {
		await createAction(admin, 'half-broken', {
			outputs: [httpOutput('half', {}, { body: '{ "customer": {{Customer}} }' })]
		});
		const response = await sender.sendJson('POST', '/a/half-broken', [
			{ Customer: 42 },
			{ Customer: 'Globex' }
		]);
		const body = await response.json();
		expect(body.outputs[0]).toMatchObject({ deliveries: 2, failed: 1 });
		const detail = await waitForRun(admin, body.runId);
		expect(detail.run.status).toBe('partly-failed');
		const dead = detail.deliveries.find((d) => d.status === 'dead');
		expect(dead?.rowIndex).toBe(1);
		expect(dead?.lastError).toMatch(/row 2/i);
		expect(dead?.lastError).toMatch(/JSON/);
		expect(sink.requests.map((r) => r.body)).toEqual(['{ "customer": 42 }']);
	});

	it('renders without sending or recording on a dry run', async () => {
		await createAction(admin, 'preview', { outputs: [httpOutput('preview')] });
		const before = (await (await admin.get('/api/runs')).json()).runs.length;
		const response = await sender.sendJson('POST', '/a/preview?dryRun=1', ROWS);
		const body = await response.json();
		expect(body.status).toBe('dry-run');
		expect(body.outputs.map((o: { rendered: { body: string } }) => o.rendered.body)).toEqual([
			'{ "customer": "Acme" }',
			'{ "customer": "Globex" }'
		]);
		await new Promise((resolve) => setTimeout(resolve, 300));
		expect(sink.requests).toHaveLength(0);
		expect((await (await admin.get('/api/runs')).json()).runs.length).toBe(before);
	});

	it('refuses to publish an action whose templates cannot compile', async () => {
		const response = await admin.sendJson('POST', '/api/actions', {
			slug: 'broken-template',
			label: 'Broken',
			outputs: [httpOutput('broken', {}, { body: '{{#if Customer}}unclosed' })]
		});
		expect(response.status).toBe(400);
		const { error } = await response.json();
		expect(error.code).toBe('invalid-mapping');
		expect(error.details.problems[0].path).toBe('outputs[0].request.body');
	});
});
