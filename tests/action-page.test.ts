import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createAction, samplePayload, waitForRun } from './support/actions';
import { Client, setUpAdmin } from './support/client';
import { engines } from './support/databases';
import { startHttpSink, type HttpSink } from './support/http-sink';
import { startServer, type RunningServer } from './support/server';

const ROWS = [
	{ 'Customer Name': 'Acme Corp', Email: 'billing@acme.example', 'Contract Value': 12000 },
	{ 'Customer Name': 'Globex Ltd', Email: 'ap@globex.example', 'Contract Value': 8500 }
];

function reviewAction(sinkUrl: string) {
	return {
		expectedColumns: [
			{ name: 'Customer Name', required: true },
			{ name: 'Email', required: true },
			{ name: 'Contract Value', type: 'number' }
		],
		onMissingColumns: 'reject',
		bindings: [],
		outputs: [
			{
				id: 'review',
				type: 'form',
				mode: 'once',
				form: {
					title: 'Review the invoices',
					layout: 'table',
					fields: [
						{
							name: 'Customer Name',
							label: 'Customer',
							type: 'text',
							required: true,
							value: '{{[Customer Name]}}'
						},
						{
							name: 'Contract Value',
							label: 'Amount',
							type: 'number',
							value: '{{[Contract Value]}}'
						},
						{ name: 'Email', label: 'Email', type: 'email', value: '{{Email}}' }
					],
					submitLabel: 'Send invoices',
					submitTo: ['invoice']
				}
			},
			{
				id: 'invoice',
				type: 'http',
				mode: 'per-row',
				request: {
					method: 'POST',
					url: `${sinkUrl}/invoices`,
					body: '{ "customer": {{json [Customer Name]}}, "amount": {{json [Contract Value]}}, "email": {{json Email}} }'
				}
			}
		],
		page: { template: '<p>Sent {{rowCount}} invoices.</p>' }
	};
}

/** The form fields a person sends back: the pushed rows, with their edits. */
function reviewed(rows: Record<string, string>[]) {
	const fields: Record<string, string> = {};
	rows.forEach((row, index) => {
		for (const [name, value] of Object.entries(row)) fields[`${index}:${name}`] = value;
	});
	return fields;
}

describe.each(engines)('the action page on %s', (engine) => {
	let sink: HttpSink;
	let server: RunningServer;
	let admin: Client;
	let browser: Client;

	beforeAll(async () => {
		sink = await startHttpSink();
		server = await startServer(engine, { PUSHMAP_OUTBOUND_ALLOW: `127.0.0.1:${sink.port}` });
		admin = await setUpAdmin(server.url);
		browser = new Client(server.url);
		await createAction(admin, 'review', reviewAction(sink.url));
	});
	beforeEach(() => sink.reset());
	afterAll(async () => {
		await server?.destroy();
		await sink?.close();
	});

	async function pushJson(rows: unknown) {
		const response = await browser.sendJson('POST', '/a/review', rows, { accept: '*/*' });
		return { status: response.status, body: await response.json() };
	}

	it('answers scripts with JSON and a browser opening the window with a form POST with the page', async () => {
		const script = await pushJson(ROWS);
		expect(script.status).toBe(200);
		const form = script.body.outputs.find((o: { id: string }) => o.id === 'review');
		expect(form.rendered[0].records).toEqual([
			{ 'Customer Name': 'Acme Corp', 'Contract Value': '12000', Email: 'billing@acme.example' },
			{ 'Customer Name': 'Globex Ltd', 'Contract Value': '8500', Email: 'ap@globex.example' }
		]);

		const opened = await browser.postForm('/a/review', { payload: JSON.stringify(ROWS) });
		expect(opened.status).toBe(200);
		expect(opened.headers.get('content-type')).toMatch(/^text\/html/);
		const html = await opened.text();
		expect(html).toContain('Review the invoices');
		expect(html).toMatch(/name="0:Customer Name"[^>]*value="Acme Corp"/);
		expect(html).toMatch(/name="1:Contract Value"[^>]*value="8500"/);
	});

	it('holds back the outputs a form feeds until the form is sent', async () => {
		const { body } = await pushJson(ROWS);
		const invoice = body.outputs.find((o: { id: string }) => o.id === 'invoice');
		expect(invoice.deliveries).toBe(0);
		const run = await waitForRun(admin, body.runId);
		expect(run.run.status).toBe('succeeded');
		expect(run.deliveries).toEqual([]);
		expect(sink.requests).toEqual([]);
	});

	it('explains a missing column in plain words to the window and as JSON to scripts', async () => {
		const noEmail = ROWS.map(({ Email: _email, ...row }) => row);
		const opened = await browser.postForm('/a/review', { payload: JSON.stringify(noEmail) });
		expect(opened.status).toBe(422);
		const html = await opened.text();
		expect(html).toContain(
			'This action needs the column “Email”, which this answer does not have.'
		);
		expect(html).toContain('Add “Email” to your search, then run the action again.');
		expect(html).toContain('Your answer has: Customer Name, Contract Value.');

		const script = await pushJson(noEmail);
		expect(script.status).toBe(422);
		expect(script.body.error.code).toBe('missing-columns');
	});

	it('sends the reviewed values, as edited, to the outputs the form names, once', async () => {
		const { body } = await pushJson(ROWS);
		const edited = reviewed([
			{
				'Customer Name': 'Acme Corporation',
				'Contract Value': '13000',
				Email: 'billing@acme.example'
			},
			{ 'Customer Name': 'Globex Ltd', 'Contract Value': '8500', Email: 'ap@globex.example' }
		]);
		const sent = await browser.postForm(`/a/review?submit=${body.runId}`, edited);
		expect(sent.status).toBe(200);
		const html = await sent.text();
		expect(html).toContain('Sent. 2');
		expect(html).toContain('Sent 2 invoices.');

		const requests = await sink.waitFor(2);
		expect(requests.map((r) => JSON.parse(r.body)).sort((a, b) => a.amount - b.amount)).toEqual([
			{ customer: 'Globex Ltd', amount: 8500, email: 'ap@globex.example' },
			{ customer: 'Acme Corporation', amount: 13000, email: 'billing@acme.example' }
		]);

		const again = await browser.postForm(`/a/review?submit=${body.runId}`, edited);
		expect(await again.text()).toContain('this form had already been sent');
		await new Promise((resolve) => setTimeout(resolve, 500));
		expect(sink.requests).toHaveLength(2);

		const runId = /Run <code>([0-9a-f-]{36})<\/code>/.exec(html)?.[1];
		expect(runId).toBeDefined();
		const run = await waitForRun(admin, runId!);
		expect(run.run.status).toBe('succeeded');
		expect(run.run.authMethod).toBe('form');
		expect(run.deliveries.map((d) => [d.outputId, d.rowIndex])).toEqual([
			['invoice', 0],
			['invoice', 1]
		]);
	});

	it('refuses values that do not fit the form, naming each and keeping what was typed', async () => {
		const { body } = await pushJson(ROWS);
		const sent = await browser.postForm(
			`/a/review?submit=${body.runId}`,
			reviewed([
				{ 'Customer Name': '', 'Contract Value': '12000', Email: 'billing@acme.example' },
				{ 'Customer Name': 'Globex Ltd', 'Contract Value': 'lots', Email: 'nobody' }
			])
		);
		expect(sent.status).toBe(400);
		const html = await sent.text();
		expect(html).toContain('Customer is required.');
		expect(html).toContain('Amount must be a number.');
		expect(html).toContain('Email must be an email address.');
		expect(html).toMatch(/name="1:Email"[^>]*value="nobody"/);
		expect(sink.requests).toEqual([]);
	});

	it('refuses a submission for a form it never showed', async () => {
		const other = await browser.postForm(
			'/a/review?submit=00000000-0000-4000-8000-000000000000',
			reviewed([{ 'Customer Name': 'Acme' }])
		);
		expect(other.status).toBe(404);
		expect(await other.text()).toContain('This form is not known here.');
	});

	it('serves the legacy api/api.js beside the page, for pages at /a/<slug>/', async () => {
		const response = await browser.get('/a/review/api/api.js');
		expect(response.status).toBe(200);
		expect(response.headers.get('content-type')).toMatch(/^text\/javascript/);
		const script = await response.text();
		expect(script).toContain('window.thoughtspot.getCurrentData = function (callback)');
		expect(script).toContain('var SLUG = "review";');
		expect(new URL('api/api.js', `${server.url}/a/review/`).pathname).toBe('/a/review/api/api.js');
	});

	it('says plainly when no published action has the slug', async () => {
		const response = await browser.get('/a/no-such-action', { accept: 'text/html' });
		expect(response.status).toBe(404);
		expect(await response.text()).toContain('No published action has the slug');
	});

	it('seeds no demo when PUSHMAP_DEMO is off', async () => {
		const listed = await (await admin.get('/api/actions')).json();
		const slugs = listed.actions.map((a: { slug: string }) => a.slug);
		expect(slugs).toEqual(['review']);
	});
});

describe.each(engines)('the first-run demo on %s', (engine) => {
	let server: RunningServer;
	let other: HttpSink;
	let admin: Client;
	const pusher = () => new Client(server.url);

	beforeAll(async () => {
		other = await startHttpSink();
		server = await startServer(engine, { PUSHMAP_DEMO: 'on' });
		admin = await setUpAdmin(server.url);
	});
	afterAll(async () => {
		await server?.destroy();
		await other?.close();
	});

	async function pushAndSend(): Promise<string> {
		const pushed = await pusher().sendJson(
			'POST',
			'/a/renewal-invoices',
			samplePayload('callback-answer-menu.json')
		);
		expect(pushed.status).toBe(200);
		const body = await pushed.json();
		const form = body.outputs.find((o: { id: string }) => o.id === 'review');
		const sent = await pusher().postForm(
			`/a/renewal-invoices?submit=${body.runId}`,
			reviewed(form.rendered[0].records)
		);
		expect(sent.status).toBe(200);
		return body.runId;
	}

	async function pageText(path: string, expected: string) {
		const deadline = Date.now() + 15_000;
		for (;;) {
			const text = await (await admin.get(path)).text();
			if (text.includes(expected) || Date.now() > deadline) return text;
			await new Promise((resolve) => setTimeout(resolve, 200));
		}
	}

	it('adds the renewal-invoice action, open to pushes, aimed at the built-in sink and mail catcher', async () => {
		const { definition } = await (await admin.get('/api/actions/renewal-invoices')).json();
		expect(definition.auth).toEqual({ type: 'none' });
		const invoice = definition.outputs.find((o: { id: string }) => o.id === 'invoice');
		expect(invoice.request.url).toBe(`${server.url}/demo/sink/invoices`);
		const credentials = await (await admin.get('/api/credentials')).json();
		const smtp = credentials.credentials.find((c: { name: string }) => c.name === 'billing-smtp');
		expect(smtp.publicFields.host).toBe('127.0.0.1');
	});

	it('shows the invoices in the demo billing page and the emails in the mail view', async () => {
		await pushAndSend();
		const billing = await pageText('/demo/sink', 'finance@initech.example');
		for (const customer of ['Acme Corp', 'Globex Ltd', 'Initech'])
			expect(billing).toContain(customer);
		const mail = await pageText('/demo/mail', 'finance@initech.example');
		expect(mail.match(/<h2[^>]*>Your renewal invoice<\/h2>/g)).toHaveLength(3);
		expect(mail).toContain('Hello Acme Corp, your renewal is due on 2024-07-15.');
	});

	it('keeps the demo sink closed to people without an admin session', async () => {
		const anonymous = await pusher().get('/demo/sink');
		expect(anonymous.status).toBe(303);
		const received = await pusher().sendJson('POST', '/demo/sink/invoices', { customer: 'x' });
		expect(received.status).toBe(201);
	});

	it('opens the outbound guard for the demo’s own targets only', async () => {
		await createAction(admin, 'elsewhere', {
			outputs: [
				{
					id: 'call',
					type: 'http',
					mode: 'once',
					retry: { attempts: 1 },
					request: { method: 'POST', url: `${other.url}/x`, body: '{}' }
				}
			]
		});
		const pushed = await pusher().sendJson('POST', '/a/elsewhere', [{ a: 1 }]);
		const run = await waitForRun(admin, (await pushed.json()).runId);
		expect(run.run.status).toBe('failed');
		expect(run.deliveries[0].lastError).toMatch(/refused|loopback|private/i);
		expect(other.requests).toEqual([]);
	});

	it('still delivers to its mail catcher after a restart', async () => {
		await server.stop();
		await server.restart();
		const runId = await pushAndSend();
		expect(runId).toMatch(/^[0-9a-f-]{36}$/);
		const mail = await pageText('/demo/mail', 'finance@initech.example');
		expect(mail.match(/<h2[^>]*>Your renewal invoice<\/h2>/g)).toHaveLength(3);
	});
});
