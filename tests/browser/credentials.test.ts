import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { describeInBrowser, isShown, launchBrowser } from '../support/browser';
import { ADMIN, setUpAdmin } from '../support/client';
import { startServer, type RunningServer } from '../support/server';

describeInBrowser('credentials in the browser', () => {
	let server: RunningServer;
	let browser: Browser;

	beforeAll(async () => {
		[server, browser] = await Promise.all([startServer('embedded'), launchBrowser()]);
		await setUpAdmin(server.url);
	});
	afterAll(async () => {
		await browser?.close();
		await server?.destroy();
	});

	it('saves an SMTP server whose password never comes back to the page', async () => {
		const page = await browser.newPage();
		await page.goto(`${server.url}/login`);
		await page.getByLabel('Email').fill(ADMIN.email);
		await page.getByLabel('Password').fill(ADMIN.password);
		await page.getByRole('button', { name: 'Sign in' }).click();
		await page.waitForURL('**/actions');

		await page.goto(`${server.url}/credentials?type=smtp`);
		await page.getByLabel('Name', { exact: true }).fill('mail-relay');
		await page.getByLabel('SMTP host').fill('smtp.example.com');
		await page.getByLabel('Port', { exact: true }).fill('587');
		await page.getByLabel('Username (optional)').fill('relay-user');
		await page.getByLabel('Password (optional)', { exact: true }).fill('relay-password-123');
		await page.getByRole('button', { name: 'Save credential' }).click();

		expect(await isShown(page.getByText('Saved mail-relay.'))).toBe(true);
		expect(await isShown(page.getByRole('cell', { name: 'mail-relay' }))).toBe(true);
		expect(await isShown(page.getByText('host: smtp.example.com'))).toBe(true);
		await page.reload();
		expect(await page.content()).not.toContain('relay-password-123');

		await page.getByLabel('Name', { exact: true }).fill('bad name!');
		await page.getByRole('button', { name: 'Save credential' }).click();
		expect(
			await page
				.getByLabel('Name', { exact: true })
				.evaluate((input: HTMLInputElement) => input.validity.valid)
		).toBe(false);
	});
});
