import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { signPush } from '../src/lib/server/runs/endpoint-auth';
import {
	createAction,
	createCredential,
	RENEWAL_COLUMNS,
	SAMPLE_PAYLOADS,
	samplePayload
} from './support/actions';
import { Client, setUpAdmin } from './support/client';
import { engines } from './support/databases';
import { startServer, type RunningServer } from './support/server';

const ROWS = [
	{
		'Customer Name': 'Acme',
		'E-mail': 'ap@acme.test',
		'Renewal Date': '2026-12-01',
		'Contract Value': '1,200.50'
	},
	{
		'Customer Name': 'Globex',
		'E-mail': 'billing@globex.test',
		'Renewal Date': 1767225600,
		'Contract Value': 'n/a'
	}
];

describe.each(engines)('pushes on %s', (engine) => {
	let server: RunningServer;
	let admin: Client;
	let sender: Client;

	beforeAll(async () => {
		server = await startServer(engine, { PUSHMAP_CORS_ORIGINS: 'https://bi.example.com' });
		admin = await setUpAdmin(server.url);
		sender = new Client(server.url);

		await createAction(admin, 'open');
		await createAction(admin, 'strict', {
			expectedColumns: RENEWAL_COLUMNS,
			onMissingColumns: 'reject'
		});
		await createAction(admin, 'lenient', {
			expectedColumns: RENEWAL_COLUMNS,
			onMissingColumns: 'warn'
		});
		await createAction(admin, 'small', { limits: { maxPushBytes: 1024 } });
		await createAction(admin, 'flood', { limits: { pushesPerMinute: 3 } });

		await createCredential(admin, 'ts-password', 'secret', { value: 's3cret-pass' });
		await createCredential(admin, 'ts-token', 'bearer', { token: 'tok-123456' });
		await createCredential(admin, 'ts-key', 'api-key', { value: 'key-abcdef' });
		await createCredential(admin, 'ts-hmac', 'secret', { value: 'hmac-key-0123456789' });
		await createAction(admin, 'basic', {
			auth: { type: 'basic', username: 'thoughtspot', secret: 'ts-password' }
		});
		await createAction(admin, 'bearer', { auth: { type: 'bearer', secret: 'ts-token' } });
		await createAction(admin, 'key-header', { auth: { type: 'api-key-header', secret: 'ts-key' } });
		await createAction(admin, 'key-query', {
			auth: { type: 'api-key-query', secret: 'ts-key', param: 'key' }
		});
		await createAction(admin, 'signed', { auth: { type: 'hmac', secret: 'ts-hmac' } });
	});
	afterAll(() => server?.destroy());

	const push = (slug: string, body: unknown, headers: Record<string, string> = {}) =>
		sender.sendJson('POST', `/a/${slug}`, body, headers);

	async function runOf(runId: string) {
		const response = await admin.get(`/api/runs/${runId}`);
		expect(response.status).toBe(200);
		const detail = await response.json();
		return { ...detail.run, table: detail.canonicalTable.table };
	}

	it.each(SAMPLE_PAYLOADS)('accepts the %s sample and records its run', async (file) => {
		const response = await push('strict', samplePayload(file));
		const body = await response.json();
		expect(response.status, JSON.stringify(body)).toBe(200);
		expect(body).toMatchObject({
			status: 'succeeded',
			outputs: [],
			page: { html: expect.stringMatching(/^<p>\d+ rows<\/p>$/) }
		});
		expect(body.rowCount).toBeGreaterThan(0);

		const run = await runOf(body.runId);
		expect(run).toMatchObject({
			status: 'succeeded',
			actionVersion: 1,
			rowCount: body.rowCount,
			authMethod: 'none'
		});
		expect(run.table.columns.map((c: { name: string }) => c.name)).toEqual(
			expect.arrayContaining(['Customer Name', 'Email', 'Renewal Date'])
		);
		expect(JSON.parse(run.payload)).toEqual(samplePayload(file));
	});

	it('reads JSON sent as text/plain and as a form field', async () => {
		const asText = await sender.request('/a/open', {
			method: 'POST',
			headers: { 'content-type': 'text/plain;charset=UTF-8' },
			body: JSON.stringify(ROWS)
		});
		expect((await asText.json()).rowCount).toBe(2);
		// A script's form post; a browser's (preferring text/html) gets the action's page instead.
		const asForm = await sender.postForm(
			'/a/open',
			{ payload: JSON.stringify({ rows: ROWS }) },
			{ accept: 'application/json' }
		);
		expect(asForm.status).toBe(200);
		expect((await asForm.json()).rowCount).toBe(2);
	});

	it('refuses an unknown shape with the shapes it accepts, and records the rejected run', async () => {
		const response = await push('open', { hello: 'world' });
		expect(response.status).toBe(400);
		const { error } = await response.json();
		expect(error.code).toMatch(/unrecognised/);
		expect(error.message).toMatch(/REST|rows|callback/i);
		const run = await runOf(error.details.runId);
		expect(run).toMatchObject({ status: 'rejected', payload: '{"hello":"world"}' });
		expect(run.error.code).toBe(error.code);
	});

	it('explains bodies that are not JSON, empty, or of another media type', async () => {
		const broken = await sender.request('/a/open', {
			method: 'POST',
			headers: { 'content-type': 'application/json' },
			body: '{"rows": [1, 2'
		});
		expect(broken.status).toBe(400);
		expect((await broken.json()).error).toMatchObject({ code: 'invalid-json' });

		const empty = await sender.request('/a/open', {
			method: 'POST',
			headers: { 'content-type': 'application/json' }
		});
		expect((await empty.json()).error.code).toBe('empty-body');

		const xml = await sender.request('/a/open', {
			method: 'POST',
			headers: { 'content-type': 'application/xml' },
			body: '<rows/>'
		});
		expect(xml.status).toBe(415);
		expect((await xml.json()).error.message).toContain('application/json');
	});

	it('refuses a push over the action’s size limit with 413', async () => {
		const response = await push('small', { rows: [{ note: 'x'.repeat(2000) }] });
		expect(response.status).toBe(413);
		const { error } = await response.json();
		expect(error).toMatchObject({ code: 'payload-too-large' });
		expect(error.message).toContain('1 KB');
	});

	it('rejects a push without a required column, naming it and the nearest that arrived', async () => {
		const response = await push('strict', ROWS);
		expect(response.status).toBe(422);
		const { error } = await response.json();
		expect(error.code).toBe('missing-columns');
		expect(error.message).toContain("'Email'");
		expect(error.details.missing).toEqual([
			expect.objectContaining({
				name: 'Email',
				didYouMean: 'E-mail',
				message: expect.stringContaining('search')
			})
		]);
		expect(error.details.arrived).toEqual([
			'Customer Name',
			'E-mail',
			'Renewal Date',
			'Contract Value'
		]);
		expect((await runOf(error.details.runId)).status).toBe('rejected');
	});

	it('lets the run go on with a warning when the action says so, and coerces declared types', async () => {
		const response = await push('lenient', ROWS);
		expect(response.status).toBe(200);
		const body = await response.json();
		expect(body.warnings.map((w: { code: string }) => w.code)).toContain('missing-columns');

		const run = await runOf(body.runId);
		const [acme, globex] = run.table.rows;
		expect(acme['Contract Value']).toBe(1200.5);
		expect(globex['Renewal Date']).toBe('2026-01-01');
		expect(globex['Contract Value']).toBe('n/a');
		expect(body.warnings).toEqual(
			expect.arrayContaining([expect.objectContaining({ column: 'Contract Value' })])
		);
	});

	it('answers a repeated Idempotency-Key with the first response and no second run', async () => {
		const headers = { 'idempotency-key': `retry-${engine}` };
		const first = await push('open', ROWS, headers);
		const second = await push('open', ROWS, headers);
		const [a, b] = [await first.json(), await second.json()];
		expect(b).toEqual(a);
		expect(second.headers.get('idempotent-replayed')).toBe('true');

		const list = await (await admin.get('/api/runs')).json();
		expect(list.runs.filter((r: { id: string }) => r.id === a.runId)).toHaveLength(1);
	});

	it('holds back a flood with 429 and Retry-After', async () => {
		const statuses: number[] = [];
		let retryAfter: string | null = null;
		for (let i = 0; i < 4; i++) {
			const response = await push('flood', [{ n: i }]);
			statuses.push(response.status);
			retryAfter ??= response.headers.get('retry-after');
		}
		expect(statuses).toEqual([200, 200, 200, 429]);
		expect(Number(retryAfter)).toBeGreaterThan(0);
	});

	it('answers an unknown action with 404 and what to check', async () => {
		const response = await push('no-such-action', ROWS);
		expect(response.status).toBe(404);
		expect((await response.json()).error.message).toContain('Check the URL');
	});

	describe('endpoint authentication', () => {
		const basic = (user: string, password: string) => ({
			authorization: 'Basic ' + Buffer.from(`${user}:${password}`).toString('base64')
		});

		it.each([
			['basic', basic('thoughtspot', 's3cret-pass'), basic('thoughtspot', 'wrong'), ''],
			['bearer', { authorization: 'Bearer tok-123456' }, { authorization: 'Bearer tok-12345' }, ''],
			['key-header', { 'x-api-key': 'key-abcdef' }, { 'x-api-key': 'key-abcdeF' }, ''],
			['key-query', {}, {}, '?key=key-abcdef']
		])(
			'accepts %s with the right secret and refuses a wrong or missing one',
			async (slug, right, wrong, query) => {
				const ok = await sender.sendJson('POST', `/a/${slug}${query}`, ROWS, right);
				expect(ok.status).toBe(200);
				const { runId } = await ok.json();
				expect((await runOf(runId)).authMethod).toBe(
					slug === 'key-header' ? 'api-key-header' : slug === 'key-query' ? 'api-key-query' : slug
				);

				const refused = [
					await sender.sendJson('POST', `/a/${slug}${query ? '?key=nope' : ''}`, ROWS, wrong),
					await sender.sendJson('POST', `/a/${slug}`, ROWS)
				];
				for (const response of refused) {
					expect(response.status).toBe(401);
					expect((await response.json()).error).toEqual({
						code: 'unauthorized',
						message:
							'This action needs valid credentials. Check the authentication set on the custom action in your BI tool.'
					});
				}
			}
		);

		it('accepts a fresh HMAC signature once, and refuses a replayed, stale or wrong one', async () => {
			const body = JSON.stringify(ROWS);
			const sign = (id: string, at: number, key = 'hmac-key-0123456789') => ({
				'content-type': 'application/json',
				'webhook-id': id,
				'webhook-timestamp': String(at),
				'webhook-signature': `v1,${signPush(key, id, String(at), body)}`
			});
			const send = (headers: Record<string, string>) =>
				sender.request('/a/signed', { method: 'POST', headers, body });
			const now = Math.floor(Date.now() / 1000);

			const fresh = sign(`msg-${engine}-1`, now);
			expect((await send(fresh)).status).toBe(200);
			expect((await send(fresh)).status).toBe(401);
			expect((await send(sign(`msg-${engine}-2`, now - 600))).status).toBe(401);
			expect((await send(sign(`msg-${engine}-3`, now, 'another-key-123456'))).status).toBe(401);
			expect((await send({ 'content-type': 'application/json' })).status).toBe(401);
			const tampered = sign(`msg-${engine}-4`, now);
			const altered = await sender.request('/a/signed', {
				method: 'POST',
				headers: tampered,
				body: body + ' '
			});
			expect(altered.status).toBe(401);
		});

		it('keeps refused pushes out of the run log and counts them', async () => {
			const before = (await (await admin.get('/api/runs')).json()).runs.length;
			await sender.sendJson('POST', '/a/bearer', ROWS, { authorization: 'Bearer nope' });
			const after = (await (await admin.get('/api/runs')).json()).runs.length;
			expect(after).toBe(before);
			const metrics = await (await sender.get('/metrics')).text();
			expect(metrics).toMatch(/pushmap_push_auth_failures_total\{action="bearer"\} [3-9]/);
			expect(server.output()).toContain('push refused: authentication failed');
			expect(server.output()).not.toContain('tok-123456');
		});
	});

	it('lets the configured BI origin push from a browser, and no other', async () => {
		const preflight = await sender.request('/a/open', {
			method: 'OPTIONS',
			headers: { origin: 'https://bi.example.com', 'access-control-request-method': 'POST' }
		});
		expect(preflight.status).toBe(204);
		expect(preflight.headers.get('access-control-allow-origin')).toBe('https://bi.example.com');
		expect(preflight.headers.get('access-control-allow-headers')).toContain('authorization');

		const pushed = await push('open', ROWS, { origin: 'https://bi.example.com' });
		expect(pushed.headers.get('access-control-allow-origin')).toBe('https://bi.example.com');
		const other = await push('open', ROWS, { origin: 'https://elsewhere.example' });
		expect(other.headers.get('access-control-allow-origin')).toBeNull();
	});
});
