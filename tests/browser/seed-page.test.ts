import { readFileSync } from 'node:fs';
import path from 'node:path';
import { chromium, type Browser, type BrowserContext } from 'playwright-core';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { ADMIN, setUpAdmin } from '../support/client';
import { chromiumPath, describeInBrowser, isShown, keepScreenshot } from '../support/browser';
import { root, startServer, type RunningServer } from '../support/server';

/** The sample page of ThoughtSpot's Data Push API documentation, copied unchanged. */
const SAMPLE_PAGE = readFileSync(path.join(root, 'tests/fixtures/seed/data-push-sample.html'));
const ANGULAR_CDN = 'https://ajax.googleapis.com/ajax/libs/angularjs/1.6.9/angular.min.js';
const ANGULAR = readFileSync(path.join(root, 'node_modules/angular/angular.min.js'));

describeInBrowser('a page written for the legacy Data Push API', () => {
	let server: RunningServer;
	let browser: Browser;
	let context: BrowserContext;
	const outside: string[] = [];

	beforeAll(async () => {
		[server, browser] = await Promise.all([
			startServer('embedded', { PUSHMAP_DEMO: 'on' }),
			chromium.launch({ executablePath: chromiumPath, args: ['--headless', '--no-sandbox'] })
		]);
		await setUpAdmin(server.url);
		context = await browser.newContext({ viewport: null });

		// No CDN is reachable: anything that would leave this machine is refused and remembered,
		// except AngularJS, which comes from the npm package. (The last route added is tried first.)
		await context.route(/^https?:\/\/(?!127\.0\.0\.1)/, (route) => {
			outside.push(route.request().url());
			return route.abort();
		});
		await context.route(ANGULAR_CDN, (route) =>
			route.fulfill({ body: ANGULAR, contentType: 'text/javascript' })
		);
		// The billing system's page, hosted at the action's URL; its api/api.js is Pushmap's.
		await context.route(`${server.url}/a/renewal-invoices/`, (route) =>
			route.fulfill({ body: SAMPLE_PAGE, contentType: 'text/html' })
		);
	});
	afterAll(async () => {
		await context?.close();
		await browser?.close();
		await server?.destroy();
	});

	it('shows the pushed data after its button is clicked, opened from the simulator', async () => {
		const simulator = await context.newPage();
		await simulator.goto(server.url + '/login');
		await simulator.getByLabel('Email').fill(ADMIN.email);
		await simulator.getByLabel('Password').fill(ADMIN.password);
		await simulator.getByRole('button', { name: 'Sign in' }).click();
		await simulator.waitForURL((url) => url.pathname !== '/login');

		await simulator.goto(server.url + '/simulator');
		await simulator.getByLabel('Delivery way').selectOption({ label: 'Legacy Data Push window' });
		await simulator.getByLabel('Page to open').fill('/a/renewal-invoices/');
		const opened = context.waitForEvent('page');
		await simulator.getByRole('button', { name: 'More options for the answer' }).click();
		await simulator.getByRole('menuitem', { name: /Send renewal invoices/ }).click();
		const sample = await opened;

		const button = sample.getByRole('button', { name: 'Click here for latest exported data' });
		expect(await isShown(button, 10_000)).toBe(true);
		await expect
			.poll(() => simulator.locator('.log').textContent(), { timeout: 10_000 })
			.toContain('window.thoughtspot.getCurrentData');
		await button.click();

		const shown = sample.locator('.display-data');
		expect(await isShown(shown)).toBe(true);
		const data = JSON.parse((await shown.textContent()) ?? '');
		expect(
			data.data.columnsAndData.columns.map((c: { column: { name: string } }) => c.column.name)
		).toEqual(['Customer Name', 'Email', 'Product', 'Renewal Date', 'Contract Value']);
		const values = data.data.columnsAndData.data.columnDataLite.flatMap(
			(column: { dataValue: unknown[] }) => column.dataValue
		);
		expect(values).toEqual(expect.arrayContaining(['Acme Corp', 'finance@initech.example', 15300]));
		expect(outside).toEqual([]);
		await keepScreenshot(sample, 'seed-sample-page');
	});
});
