import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { describeInBrowser, isShown, keepScreenshot, launchBrowser } from '../support/browser';
import { startServer, type RunningServer } from '../support/server';

describeInBrowser('a new admin in the browser', () => {
	let server: RunningServer;
	let browser: Browser;

	beforeAll(async () => {
		[server, browser] = await Promise.all([startServer('embedded'), launchBrowser()]);
	});
	afterAll(async () => {
		await browser?.close();
		await server?.destroy();
	});

	it('sets up Pushmap, invites a reviewer, and the reviewer sees only the run log', async () => {
		const admin = await browser.newPage({ viewport: { width: 1280, height: 800 } });
		await admin.goto(server.url + '/');
		expect(new URL(admin.url()).pathname).toBe('/setup');

		await admin.getByLabel('Name').fill('Ada Admin');
		await admin.getByLabel('Email').fill('ada@example.com');
		await admin.getByLabel('Password').fill('correct horse battery');
		await admin.getByRole('button', { name: 'Create admin account' }).click();
		await admin.waitForURL('**/actions');

		const nav = admin.getByRole('navigation', { name: 'Main' });
		for (const section of ['Actions', 'Runs', 'Credentials', 'Users', 'Simulator']) {
			expect(await isShown(nav.getByRole('link', { name: section }))).toBe(true);
		}
		expect(await isShown(admin.getByText('No actions yet.'))).toBe(true);
		await keepScreenshot(admin, 'actions-empty');

		await nav.getByRole('link', { name: 'Users' }).click();
		await admin.getByLabel('Email').fill('rex@example.com');
		await admin.getByRole('button', { name: 'Create invitation' }).click();
		const link = await admin.locator('.notice code').textContent();
		expect(link).toMatch(/\/invite\/[\w-]+$/);
		expect(await isShown(admin.getByRole('cell', { name: /rex@example\.com/ }))).toBe(true);

		const reviewerContext = await browser.newContext();
		const reviewer = await reviewerContext.newPage();
		await reviewer.goto(link!);
		expect(await isShown(reviewer.getByText('Choose a password for rex@example.com.'))).toBe(true);
		await reviewer.getByLabel('Password').fill('reviewer pass phrase');
		await reviewer.getByRole('button', { name: 'Set password and sign in' }).click();
		await reviewer.waitForURL('**/runs');

		const reviewerNav = reviewer.getByRole('navigation', { name: 'Main' });
		expect(await isShown(reviewerNav.getByRole('link', { name: 'Runs' }))).toBe(true);
		expect(await reviewerNav.getByRole('link', { name: 'Users' }).count()).toBe(0);
		const forbidden = await reviewer.goto(server.url + '/users');
		expect(forbidden?.status()).toBe(403);

		await reviewer.goto(server.url + '/runs');
		await reviewerNav.getByRole('button', { name: 'Sign out' }).click();
		await reviewer.waitForURL('**/login');
		await reviewerContext.close();
	});
});
