import { execFile } from 'node:child_process';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { renewalInvoicesExample } from '../src/lib/actions/examples/renewal-invoices';
import { createCredential, samplePayload, waitForRun } from './support/actions';
import { Client, setUpAdmin } from './support/client';
import { engines } from './support/databases';
import { startHttpSink, type HttpSink } from './support/http-sink';
import { root, startServer, type RunningServer } from './support/server';

const SAMPLE = samplePayload('callback-answer-menu.json');

describe.each(engines)('the designer’s server side on %s', (engine) => {
	let sink: HttpSink;
	let server: RunningServer;
	let admin: Client;

	beforeAll(async () => {
		sink = await startHttpSink();
		server = await startServer(engine, { PUSHMAP_OUTBOUND_ALLOW: `127.0.0.1:${sink.port}` });
		admin = await setUpAdmin(server.url);
		await createCredential(admin, 'thoughtspot-token', 'bearer', { token: 'push-token' });
	});
	beforeEach(() => sink.reset());
	afterAll(async () => {
		await server?.destroy();
		await sink?.close();
	});

	/** A renewal action whose invoices go to the sink and that sends no email. */
	function invoicesOnly(slug: string) {
		const definition = renewalInvoicesExample();
		definition.slug = slug;
		definition.outputs = definition.outputs.slice(0, 1);
		const invoice = definition.outputs[0];
		if (invoice.type === 'http') {
			invoice.request.url = `${sink.url}/invoices`;
			delete invoice.request.auth;
		}
		return definition;
	}

	async function save(definition: unknown, publish: boolean) {
		const slug = (definition as { slug: string }).slug;
		const response = await admin.sendJson(
			'PUT',
			`/api/actions/${slug}?publish=${publish}`,
			definition
		);
		expect(response.status).toBe(200);
		return response.json();
	}

	it('lists the published versions newest first and exports any of them', async () => {
		const definition = invoicesOnly('versions');
		await save(definition, true);
		definition.label = 'Send renewal invoices, again';
		await save(definition, true);

		const listed = await (await admin.get('/api/actions/versions/versions')).json();
		expect(listed.publishedVersion).toBe(2);
		expect(listed.versions.map((v: { version: number }) => v.version)).toEqual([2, 1]);

		const exported = await admin.get('/api/actions/versions/export?version=1');
		expect(exported.headers.get('content-disposition')).toBe(
			'attachment; filename="versions-v1.json"'
		);
		expect((await exported.json()).label).toBe('Send renewal invoices');
		expect((await (await admin.get('/api/actions/versions/export')).json()).label).toBe(
			'Send renewal invoices, again'
		);
		expect((await admin.get('/api/actions/versions/export?version=7')).status).toBe(404);
	});

	it('dry-runs a posted definition over a sample without recording or sending anything', async () => {
		await save(invoicesOnly('dry'), false);
		const changed = invoicesOnly('dry');
		const invoice = changed.outputs[0];
		if (invoice.type === 'http') invoice.request.body = '{ "who": {{json [Customer Name]}} }';

		const runsBefore = (await (await admin.get('/api/runs')).json()).runs.length;
		const response = await admin.sendJson('POST', '/api/actions/dry/preview', {
			payload: SAMPLE,
			definition: changed
		});
		expect(response.status).toBe(200);
		const result = await response.json();
		expect(result).toMatchObject({ status: 'dry-run', rowCount: 3, rowsKept: 3 });
		expect(result.outputs.map((o: { rendered: { body: string } }) => o.rendered.body)).toEqual([
			'{ "who": "Acme Corp" }',
			'{ "who": "Globex Ltd" }',
			'{ "who": "Initech" }'
		]);
		expect((await (await admin.get('/api/runs')).json()).runs.length).toBe(runsBefore);
		expect(sink.requests).toEqual([]);
	});

	it('sends a test of the draft for real and marks its run as a test', async () => {
		await save(invoicesOnly('tested'), true);
		const draft = invoicesOnly('tested');
		const invoice = draft.outputs[0];
		if (invoice.type === 'http') invoice.request.body = '{ "draft": {{json Email}} }';
		await save(draft, false);

		const response = await admin.sendJson('POST', '/api/actions/tested/test', SAMPLE);
		expect(response.status).toBe(200);
		const { runId } = await response.json();
		const detail = await waitForRun(admin, runId);
		expect(detail.run).toMatchObject({ status: 'succeeded', test: true, actionVersion: null });
		const bodies = (await sink.waitFor(3)).map((request) => JSON.parse(request.body).draft);
		expect(bodies.sort()).toEqual([
			'ap@globex.example',
			'billing@acme.example',
			'finance@initech.example'
		]);

		// A draft equal to the published version records that version.
		await save(invoicesOnly('tested'), true);
		const again = await (await admin.sendJson('POST', '/api/actions/tested/test', SAMPLE)).json();
		expect((await waitForRun(admin, again.runId)).run).toMatchObject({
			test: true,
			actionVersion: 2
		});
	});

	it('refuses to send a test of a draft whose templates do not compile', async () => {
		const draft = invoicesOnly('broken-draft');
		const invoice = draft.outputs[0];
		if (invoice.type === 'http') invoice.request.body = '{{#if Email}} unclosed';
		await save(draft, false);
		const response = await admin.sendJson('POST', '/api/actions/broken-draft/test', SAMPLE);
		expect(response.status).toBe(400);
		const body = await response.json();
		expect(body.error.code).toBe('invalid-mapping');
		expect(body.error.details.problems[0].path).toBe('outputs[0].request.body');
		expect(sink.requests).toEqual([]);
	});

	it('lists each action with its status, last run and success rate, tests aside', async () => {
		await save(invoicesOnly('listed'), true);
		const pushed = await admin.sendJson('POST', '/a/listed', SAMPLE, {
			authorization: 'Bearer push-token'
		});
		await waitForRun(admin, (await pushed.json()).runId);
		const tested = await admin.sendJson('POST', '/api/actions/listed/test', SAMPLE);
		await waitForRun(admin, (await tested.json()).runId);
		await save(invoicesOnly('unpublished'), false);

		const html = await (await admin.get('/actions')).text();
		const row = (slug: string) =>
			html.slice(html.indexOf(`/a/${slug}<`), html.indexOf('</tr>', html.indexOf(`/a/${slug}<`)));
		expect(row('listed')).toContain('published v1');
		expect(row('listed')).toContain('succeeded');
		expect(row('listed')).toContain('100%');
		expect(row('listed')).toContain('1 of 1 finished runs succeeded');
		expect(row('unpublished')).toContain('draft');
		expect(row('unpublished')).toContain('never');
	});

	it('creates an action from the example, and keeps the values of a refused form', async () => {
		const created = await admin.postForm('/actions/new?/create', {
			label: 'Quarterly renewals',
			slug: '',
			start: 'renewal-invoices'
		});
		expect(created.status).toBe(303);
		expect(created.headers.get('location')).toBe('/actions/quarterly-renewals');
		const draft = await (await admin.get('/api/actions/quarterly-renewals')).json();
		expect(draft.publishedVersion).toBeNull();
		expect(draft.definition.label).toBe('Quarterly renewals');
		expect(draft.definition.outputs.map((o: { id: string }) => o.id)).toEqual([
			'invoice',
			'notice'
		]);

		const taken = await admin.postForm('/actions/new?/create', {
			label: 'Again',
			slug: 'quarterly-renewals',
			start: 'blank'
		});
		expect(taken.status).toBe(409);
		const page = await taken.text();
		expect(page).toContain('An action already answers at /a/quarterly-renewals');
		expect(page).toContain('value="Again"');
	});

	it('duplicates, imports and deletes actions from the list', async () => {
		await save(invoicesOnly('original'), true);
		const duplicated = await admin.postForm('/actions?/duplicate', { slug: 'original' });
		expect(duplicated.headers.get('location')).toBe('/actions/original-copy');
		const copy = await (await admin.get('/api/actions/original-copy')).json();
		expect(copy.definition.label).toBe('Send renewal invoices (copy)');

		const imported = await admin.postForm('/actions?/import', {
			json: JSON.stringify(invoicesOnly('imported'))
		});
		expect(imported.headers.get('location')).toBe('/actions/imported');
		const again = await admin.postForm('/actions?/import', {
			json: JSON.stringify(invoicesOnly('imported'))
		});
		expect(again.status).toBe(409);

		const deleted = await admin.postForm('/actions?/delete', { slug: 'original-copy' });
		expect(deleted.status).toBe(200);
		expect((await admin.get('/api/actions/original-copy')).status).toBe(404);
	});

	it('shows a readable diff between versions and rolls back by publishing an old one again', async () => {
		const definition = invoicesOnly('history');
		await save(definition, true);
		definition.expectedColumns.push({ name: 'Region' });
		await save(definition, true);

		const history = await (await admin.get('/actions/history/history')).text();
		expect(history).toContain('expectedColumns › expected column "Region"');

		const rolled = await admin.postForm('/actions/history/history?/rollback', { version: '1' });
		expect(rolled.status).toBe(303);
		const listed = await (await admin.get('/api/actions/history/versions')).json();
		expect(listed.publishedVersion).toBe(3);
		const live = await (await admin.get('/api/actions/history/export?version=3')).json();
		expect(live.expectedColumns.map((c: { name: string }) => c.name)).not.toContain('Region');
	});

	it('prints the ThoughtSpot registration body with npx pushmap register', async () => {
		await save(invoicesOnly('registered'), true);
		// The embedded database has one owner at a time: the command runs with the server stopped.
		await server.stop();
		const { stdout, stderr } = await promisify(execFile)(
			process.execPath,
			[
				path.join(root, 'bin/pushmap.js'),
				'register',
				'registered',
				'--base-url',
				'https://pm.example.com/'
			],
			{ env: { ...process.env, ...server.env }, cwd: root }
		);
		await server.restart();

		const body = JSON.parse(stdout);
		expect(body.name).toBe('Send renewal invoices');
		expect(body.action_details.URL).toEqual({
			url: 'https://pm.example.com/a/registered',
			authentication: { Bearer_Token: '<value of credential "thoughtspot-token">' }
		});
		expect(stderr).toContain('POST /api/rest/2.0/customization/custom-actions');
	});
});
