import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { actionDefinition, createAction } from '../support/actions';
import { addReviewer, Client, REVIEWER, setUpAdmin } from '../support/client';
import { describeInBrowser, isShown, keepScreenshot, launchBrowser } from '../support/browser';
import { startHttpSink, type HttpSink } from '../support/http-sink';
import { startServer, type RunningServer } from '../support/server';

describeInBrowser('a reviewer in the run log', () => {
	let sink: HttpSink;
	let server: RunningServer;
	let browser: Browser;
	let admin: Client;
	let page: Page;

	function billing(body: string) {
		return actionDefinition('billing', {
			outputs: [
				{
					id: 'invoice',
					type: 'http',
					mode: 'per-row',
					retry: { attempts: 1 },
					request: { method: 'POST', url: `${sink.url}/invoices`, body }
				}
			]
		});
	}

	beforeAll(async () => {
		sink = await startHttpSink();
		[server, browser] = await Promise.all([
			startServer('embedded', { PUSHMAP_OUTBOUND_ALLOW: `127.0.0.1:${sink.port}` }),
			launchBrowser()
		]);
		admin = await setUpAdmin(server.url);
		await addReviewer(admin);
		const { outputs } = billing('{ "customer": {{json Customer}} }');
		await createAction(admin, 'billing', { outputs });
		await createAction(admin, 'other', { outputs: [] });

		page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
		await page.goto(`${server.url}/login`);
		await page.getByLabel('Email').fill(REVIEWER.email);
		await page.getByLabel('Password').fill(REVIEWER.password);
		await page.getByRole('button', { name: 'Sign in' }).click();
		await page.waitForURL('**/runs');
	});
	afterAll(async () => {
		await browser?.close();
		await server?.destroy();
		await sink?.close();
	});

	async function push(slug: string, customer: string) {
		const response = await new Client(server.url).sendJson('POST', `/a/${slug}`, [
			{ Customer: customer }
		]);
		return ((await response.json()) as { runId: string }).runId;
	}

	it('finds a failed run, reads why, retries it once the target recovers, and sees it succeed', async () => {
		await push('billing', 'Acme');
		await push('other', 'Initech');
		sink.respondWith({ status: 500, body: 'billing is down for maintenance' });
		const failedRun = await push('billing', 'Globex');
		await sink.waitFor(2);

		await page.goto(`${server.url}/runs`);
		await page.getByLabel('Status', { exact: true }).selectOption('failed');
		await page.getByRole('button', { name: 'Apply filters' }).click();
		await page.waitForURL('**/runs?*status=failed*');
		const rows = page.locator('table.runs tbody tr');
		expect(await rows.count()).toBe(1);
		expect(await rows.first().getAttribute('data-run')).toBe(failedRun);
		await keepScreenshot(page, 'runlog-failed-filter');

		await rows.first().getByRole('link').click();
		await page.waitForURL(`**/runs/${failedRun}`);
		expect(await isShown(page.getByText(/The receiver answered 500/).first())).toBe(true);
		await page.getByText(/Attempt 1 at .*answered 500/).click();
		expect(await isShown(page.getByText('billing is down for maintenance'))).toBe(true);
		await keepScreenshot(page, 'runlog-failed-run');

		sink.respondWith({ status: 201, body: 'invoice created' });
		await page.getByRole('button', { name: 'Retry failed deliveries (1)' }).click();
		const heading = page.getByRole('heading', { level: 1 });
		expect(await isShown(heading.getByText('Succeeded'), 15_000)).toBe(true);
		expect(await isShown(page.getByText(/Attempt 2 at .*answered 201/))).toBe(true);
		expect(JSON.parse(sink.requests.at(-1)!.body)).toEqual({ customer: 'Globex' });
	});

	it('compares a replay on a new version, reads the difference, then replays', async () => {
		sink.respondWith({ status: 200 });
		const runId = await push('billing', 'Hooli');
		await sink.waitFor(sink.requests.length + 1);
		const republished = await admin.sendJson(
			'PUT',
			'/api/actions/billing',
			billing('{ "customer": {{json Customer}}, "currency": "EUR" }')
		);
		expect(republished.status).toBeLessThan(300);

		await page.goto(`${server.url}/runs/${runId}`);
		await page.getByLabel('Replay on').selectOption('current');
		await page.getByRole('button', { name: 'Compare without sending' }).click();
		const comparison = page.getByRole('region', { name: 'Replay comparison' });
		expect(await isShown(comparison.getByText('1 differ'))).toBe(true);
		const added = comparison.locator('.added');
		expect(await added.allTextContents()).toContainEqual(
			expect.stringContaining('"currency": "EUR"')
		);
		await keepScreenshot(page, 'runlog-replay-diff');

		const before = sink.requests.length;
		await page.getByRole('button', { name: 'Replay', exact: true }).click();
		await page.waitForURL(
			(url) => url.pathname.startsWith('/runs/') && !url.pathname.endsWith(runId)
		);
		expect(await isShown(page.getByText('A replay of'))).toBe(true);
		await sink.waitFor(before + 1);
		expect(JSON.parse(sink.requests[before].body)).toEqual({ customer: 'Hooli', currency: 'EUR' });
	});
});
