import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { ADMIN, setUpAdmin } from '../support/client';
import { chromium } from 'playwright-core';
import { chromiumPath, describeInBrowser, isShown, keepScreenshot } from '../support/browser';
import { startServer, type RunningServer } from '../support/server';

const ACTION = /Send renewal invoices\s*Custom/;

/**
 * Headless Chromium's screen is 800 × 600 and window.open sizes are clamped to the screen,
 * so this suite gives it a screen that fits a large window.
 */
function launchLargeScreenBrowser(): Promise<Browser> {
	return chromium.launch({
		executablePath: chromiumPath,
		args: ['--headless', '--no-sandbox', '--disable-gpu', '--screen-info={0,0 1600x1200}']
	});
}

describeInBrowser('the simulator and the action’s window', () => {
	let server: RunningServer;
	let browser: Browser;
	let context: BrowserContext;
	let simulator: Page;

	beforeAll(async () => {
		[server, browser] = await Promise.all([
			startServer('embedded', { PUSHMAP_DEMO: 'on' }),
			launchLargeScreenBrowser()
		]);
		await setUpAdmin(server.url);
		// No viewport emulation, so a popup is as large as window.open asked.
		context = await browser.newContext({ viewport: null });
		simulator = await context.newPage();
		await simulator.setViewportSize({ width: 1280, height: 900 });
		await simulator.goto(server.url + '/login');
		await simulator.getByLabel('Email').fill(ADMIN.email);
		await simulator.getByLabel('Password').fill(ADMIN.password);
		await simulator.getByRole('button', { name: 'Sign in' }).click();
		await simulator.waitForURL((url) => url.pathname !== '/login');
	});
	afterAll(async () => {
		await context?.close();
		await browser?.close();
		await server?.destroy();
	});

	async function openSimulator(options: { way?: string; openIn?: string; size?: string } = {}) {
		await simulator.goto(server.url + '/simulator');
		await simulator
			.getByLabel('Delivery way')
			.selectOption({ label: options.way ?? 'Callback payload' });
		await simulator.getByLabel('Open in').selectOption({ label: options.openIn ?? 'A new window' });
		if (options.size) await simulator.getByLabel('Window size').selectOption(options.size);
	}

	/** Clicks the action in a ⋯ menu and returns the window it opened. */
	async function clickAction(menu: string): Promise<Page> {
		const popup = context.waitForEvent('page');
		await simulator.getByRole('button', { name: menu }).click();
		await simulator.getByRole('menuitem', { name: ACTION }).click();
		const opened = await popup;
		await opened.waitForLoadState();
		return opened;
	}

	/** The window's content size: what window.open's width and height set. */
	async function windowSize(page: Page) {
		return page.evaluate(() => ({ width: window.innerWidth, height: window.innerHeight }));
	}

	/** Chromium may round the height by a pixel. */
	function expectSize(actual: { width: number; height: number }, width: number, height: number) {
		expect(actual.width).toBe(width);
		expect(Math.abs(actual.height - height)).toBeLessThanOrEqual(1);
	}

	async function logText() {
		return (await simulator.locator('.log').textContent()) ?? '';
	}

	it('pushes the renewal answer through each delivery way into a window of the action’s size', async () => {
		const ways = [
			'URL action POST',
			'Callback payload',
			'Legacy Data Push window',
			'REST response'
		];
		for (const way of ways) {
			await openSimulator({ way });
			const popup = await clickAction('More options for the answer');
			expect(
				await isShown(popup.getByRole('heading', { name: 'Review the invoices' }), 10_000),
				way
			).toBe(true);
			expect(await popup.getByLabel('Customer, row 1').inputValue(), way).toBe('Acme Corp');
			expect(await popup.getByLabel('Due, row 3').inputValue(), way).toBe('2024-07-30');
			expectSize(await windowSize(popup), 800, 600);
			await expect.poll(logText, { timeout: 10_000 }).toMatch(/run succeeded \(200\)/);
			await keepScreenshot(popup, `action-window-${way.replace(/\W+/g, '-').toLowerCase()}`);
			await popup.close();
		}
	});

	it('pushes one row from a row’s context menu', async () => {
		await openSimulator();
		const popup = await clickAction('More options for row 2');
		expect(await isShown(popup.getByRole('heading', { name: 'Review the invoices' }), 10_000)).toBe(
			true
		);
		// The context-menu payload carries every selected point; the clicked one is row 2.
		expect(await popup.getByLabel('Customer, row 1').inputValue()).toBe('Acme Corp');
		await expect.poll(logText, { timeout: 10_000 }).toMatch(/asked for the data \(the page\)/);
		await popup.close();
	});

	it('opens small and large windows at their sizes, and lays the form out in each', async () => {
		for (const [size, expected] of [
			['small', { width: 400, height: 300 }],
			['large', { width: 1200, height: 800 }]
		] as const) {
			await openSimulator({ size });
			const popup = await clickAction('More options for the answer');
			const send = popup.getByRole('button', { name: 'Send invoices' });
			expect(await isShown(send, 10_000), size).toBe(true);
			expectSize(await windowSize(popup), expected.width, expected.height);
			const overflow = await popup.evaluate(() => document.body.scrollWidth - window.innerWidth);
			expect(overflow, `${size} window scrolls sideways`).toBeLessThanOrEqual(0);
			await keepScreenshot(popup, `action-window-${size}`);
			await popup.close();
		}
	});

	it('reviews and sends the form in a dialog, and the demo shows the invoices and the emails', async () => {
		await openSimulator({ openIn: 'A dialog on this page', size: 'large' });
		await simulator.getByRole('button', { name: 'More options for the answer' }).click();
		await simulator.getByRole('menuitem', { name: ACTION }).click();
		const frame = simulator.frameLocator('dialog iframe');
		const box = await simulator.locator('dialog iframe').boundingBox();
		expect(box && { width: box.width, height: box.height }).toEqual({ width: 1200, height: 800 });

		const amount = frame.getByLabel('Amount, row 1');
		expect(await isShown(amount, 10_000)).toBe(true);
		await amount.fill('13250');
		await frame.getByRole('button', { name: 'Send invoices' }).click();
		expect(await isShown(frame.getByText('Sent. 6 deliveries are on their way.'), 10_000)).toBe(
			true
		);
		const result = frame.frameLocator('iframe[title="Result"]');
		expect(await isShown(result.getByText('Sent 3 invoices for Renewals due next month.'))).toBe(
			true
		);
		await keepScreenshot(simulator, 'simulator-dialog-sent');
		await simulator.getByRole('button', { name: 'Close' }).click();

		await simulator.goto(server.url + '/demo/sink');
		await expect
			.poll(
				async () => {
					await simulator.reload();
					return simulator.locator('tbody tr').count();
				},
				{ timeout: 15_000 }
			)
			.toBe(3);
		expect(await isShown(simulator.getByRole('cell', { name: /Acme Corp.*13250/ }))).toBe(true);
		await keepScreenshot(simulator, 'demo-billing');

		await simulator.goto(server.url + '/demo/mail');
		await expect
			.poll(
				async () => {
					await simulator.reload();
					return simulator.getByRole('heading', { name: 'Your renewal invoice' }).count();
				},
				{ timeout: 15_000 }
			)
			.toBe(3);
		expect(await isShown(simulator.getByText('To billing@acme.example', { exact: false }))).toBe(
			true
		);
		await keepScreenshot(simulator, 'demo-mailbox');
	});

	it('explains in plain words that a push lacks the Email column', async () => {
		await openSimulator();
		await simulator
			.getByLabel('Sample answer')
			.selectOption({ label: 'Renewals without contacts' });
		const popup = await clickAction('More options for the answer');
		const explanation = popup.getByRole('heading', {
			name: 'This action needs the column “Email”, which this answer does not have.'
		});
		expect(await isShown(explanation, 10_000)).toBe(true);
		expect(
			await isShown(popup.getByText('Add “Email” to your search, then run the action again.'))
		).toBe(true);
		await expect.poll(logText, { timeout: 10_000 }).toMatch(/422 missing-columns/);
		await keepScreenshot(popup, 'action-window-missing-email');
		await popup.close();
	});
});
