import type { Browser, Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, beforeEach, expect, it } from 'vitest';
import { createCredential, samplePayload } from '../support/actions';
import { describeInBrowser, isShown, keepScreenshot, launchBrowser } from '../support/browser';
import { ADMIN, Client, setUpAdmin } from '../support/client';
import { startHttpSink, type HttpSink } from '../support/http-sink';
import { startServer, type RunningServer } from '../support/server';
import { startSmtpSink, type SmtpSink } from '../support/smtp-sink';
import { copyFile } from 'node:fs/promises';
import path from 'node:path';
import { root } from '../support/server';

const SAMPLE = JSON.stringify(samplePayload('callback-answer-menu.json'), null, 2);
const CUSTOMERS = ['Acme Corp', 'Globex Ltd', 'Initech'];
const EMAILS = ['billing@acme.example', 'ap@globex.example', 'finance@initech.example'];

describeInBrowser('the designer in the browser', () => {
	let sink: HttpSink;
	let mail: SmtpSink;
	let server: RunningServer;
	let api: Client;
	let browser: Browser;

	beforeAll(async () => {
		[sink, mail, browser] = await Promise.all([startHttpSink(), startSmtpSink(), launchBrowser()]);
		server = await startServer('embedded', {
			PUSHMAP_OUTBOUND_ALLOW: `127.0.0.1:${sink.port},127.0.0.1:${mail.port}`
		});
		api = await setUpAdmin(server.url);
		await createCredential(api, 'mail', 'smtp', { host: '127.0.0.1', port: mail.port });
	});
	beforeEach(() => {
		sink.reset();
		mail.messages.length = 0;
	});
	afterAll(async () => {
		await browser?.close();
		await server?.destroy();
		await Promise.all([sink?.close(), mail?.close()]);
	});

	async function signIn(): Promise<Page> {
		const page = await browser.newPage({ viewport: { width: 1600, height: 1000 } });
		await page.goto(server.url + '/login');
		await page.getByLabel('Email').fill(ADMIN.email);
		await page.getByLabel('Password').fill(ADMIN.password);
		await page.getByRole('button', { name: 'Sign in' }).click();
		await page.waitForURL('**/actions');
		return page;
	}

	/** Pushes the sample as ThoughtSpot would, and waits for its three rows to be delivered. */
	async function pushAndCollect(slug: string) {
		const pushed = await fetch(`${server.url}/a/${slug}`, {
			method: 'POST',
			headers: { 'content-type': 'application/json' },
			body: SAMPLE
		});
		expect(pushed.status).toBe(200);
		const [requests, messages] = await Promise.all([sink.waitFor(3), mail.waitFor(3)]);
		const bodies = requests.map((request) => JSON.parse(request.body));
		expect(bodies.map((body) => body.customer).sort()).toEqual(CUSTOMERS);
		expect(bodies.find((body) => body.customer === 'Acme Corp')).toEqual({
			customer: 'Acme Corp',
			due: '2024-07-15'
		});
		expect(requests.every((request) => request.path === '/invoices')).toBe(true);
		expect(messages.flatMap((message) => message.to).sort()).toEqual([...EMAILS].sort());
	}

	function outputCard(page: Page, id: string): Locator {
		return page.getByRole('region', { name: `Output ${id}` });
	}

	function editor(scope: Locator, label: string): Locator {
		return scope.getByRole('textbox', { name: label, exact: true });
	}

	async function previewBody(page: Page): Promise<string> {
		return (await page.getByLabel('Body of http').textContent()) ?? '';
	}

	it('maps a pasted sample by dragging columns, publishes, and delivers the push', async () => {
		const page = await signIn();
		await page.getByRole('link', { name: 'New action', exact: true }).click();
		await page.getByLabel('Label').fill('Renewal notices');
		await page.getByRole('button', { name: 'Create and open the designer' }).click();
		await page.waitForURL('**/actions/renewal-notices');

		await page.getByLabel('Paste a push').fill(SAMPLE);
		await page.getByRole('button', { name: 'Use this sample' }).click();
		expect(await isShown(page.getByRole('listbox', { name: 'Sample rows (3)' }))).toBe(true);

		await page.getByRole('button', { name: 'HTTP request' }).click();
		const http = outputCard(page, 'http');
		await editor(http, 'URL').fill(`${sink.url}/invoices`);
		const body = editor(http, 'Body');
		await body.fill('{ "customer": ');
		await dropAtEnd(page.locator('[data-column="Customer Name"]'), body);
		await body.press('End');
		await body.pressSequentially(', "due": ');
		await dropAtEnd(page.locator('[data-column="Renewal Date"]'), body);
		await body.press('End');
		await body.pressSequentially(' }');
		expect(await body.textContent()).toBe(
			'{ "customer": {{json [Customer Name]}}, "due": {{json [Renewal Date]}} }'
		);
		await expect.poll(() => previewBody(page)).toContain('"customer": "Acme Corp"');

		await page.getByRole('option', { name: /Globex/ }).click();
		await expect.poll(() => previewBody(page)).toContain('"customer": "Globex Ltd"');

		await page.getByRole('button', { name: 'Email', exact: true }).click();
		const email = outputCard(page, 'email');
		await dropAtEnd(page.locator('[data-column="Email"]'), editor(email, 'To'));
		expect(await editor(email, 'To').textContent()).toBe('{{Email}}');
		await editor(email, 'Text').fill('Hello {{[Customer Name]}}');
		await expect
			.poll(async () => page.getByLabel('To of email').textContent())
			.toBe('ap@globex.example');

		expect(await isShown(email.getByText('"Email" is neither an expected column'))).toBe(true);
		const expected = page.getByRole('group', { name: 'Expected columns' });
		for (const column of ['Customer Name', 'Email', 'Renewal Date']) {
			await page.locator(`[data-column="${column}"]`).dragTo(expected);
		}
		expect(await expected.getByLabel('Name of expected column 3').inputValue()).toBe(
			'Renewal Date'
		);
		expect(await expected.getByLabel('Type of Renewal Date').inputValue()).toBe('date');
		await expect.poll(() => email.getByText('is neither an expected column').count()).toBe(0);

		await page
			.locator('[data-column="Email"]')
			.dragTo(page.getByRole('group', { name: 'Bindings' }));
		expect(await page.getByLabel('JSONPath of email').inputValue()).toBe('$.Email');
		expect(await page.getByLabel('Value of email').textContent()).toBe('ap@globex.example');

		// The picture for the README: the body the drags built, beside its preview.
		await body.scrollIntoViewIfNeeded();
		await keepScreenshot(page, 'designer-mapped');
		await copyFile(
			path.join(root, 'test-results/screenshots/designer-mapped.png'),
			path.join(root, 'docs/designer.png')
		);

		await page.getByRole('button', { name: 'Publish' }).click();
		expect(await isShown(page.getByText('Published version 1'))).toBe(true);
		await pushAndCollect('renewal-notices');
	});

	it('does the same journey with the keyboard alone', async () => {
		const page = await signIn();
		await tabTo(page, page.getByRole('link', { name: 'New action', exact: true }));
		await page.keyboard.press('Enter');
		await page.waitForURL('**/actions/new');
		await tabTo(page, page.getByLabel('Label'));
		await page.keyboard.type('Keyboard notices');
		await tabTo(page, page.getByRole('button', { name: 'Create and open the designer' }));
		await page.keyboard.press('Enter');
		await page.waitForURL('**/actions/keyboard-notices');

		await tabTo(page, page.getByLabel('Paste a push'));
		await page.keyboard.insertText(SAMPLE);
		await tabTo(page, page.getByRole('button', { name: 'Use this sample' }));
		await page.keyboard.press('Enter');
		await tabTo(page, page.getByRole('button', { name: 'HTTP request' }));
		await page.keyboard.press('Enter');

		const http = outputCard(page, 'http');
		await tabTo(page, editor(http, 'URL'));
		await page.keyboard.press('ControlOrMeta+a');
		await page.keyboard.type(`${sink.url}/invoices`);
		const body = editor(http, 'Body');
		await tabTo(page, body);
		await page.keyboard.press('ControlOrMeta+a');
		await page.keyboard.type('{ "customer": ');
		await insertPicked(
			page,
			'Customer Name',
			http.getByRole('button', { name: 'Insert Customer Name into Body' })
		);
		await page.keyboard.type(', "due": ');
		await insertPicked(
			page,
			'Renewal Date',
			http.getByRole('button', { name: 'Insert Renewal Date into Body' })
		);
		await page.keyboard.type(' }');
		expect(await body.textContent()).toBe(
			'{ "customer": {{json [Customer Name]}}, "due": {{json [Renewal Date]}} }'
		);
		await expect.poll(() => previewBody(page)).toContain('"due": "2024-07-15"');

		await tabTo(page, page.getByRole('button', { name: 'Email', exact: true }));
		await page.keyboard.press('Enter');
		const email = outputCard(page, 'email');
		await insertPicked(page, 'Email', email.getByRole('button', { name: 'Insert Email into To' }));
		await tabTo(page, page.getByRole('button', { name: 'Expect Email' }));
		await page.keyboard.press('Enter');
		expect(await page.getByLabel('Name of expected column 1').inputValue()).toBe('Email');
		await tabTo(page, editor(email, 'Text'));
		await page.keyboard.type('Hello');
		await expect
			.poll(async () => page.getByLabel('To of email').textContent())
			.toBe('billing@acme.example');
		await keepScreenshot(page, 'designer-keyboard');

		const order = () =>
			page
				.locator('[data-output]')
				.evaluateAll((cards) => cards.map((card) => card.getAttribute('data-output')));
		expect(await order()).toEqual(['http', 'email']);
		await tabTo(page, page.getByRole('button', { name: 'Move email up' }));
		await page.keyboard.press('Enter');
		expect(await order()).toEqual(['email', 'http']);
		expect(await editor(email, 'To').textContent()).toBe('{{Email}}');

		await tabTo(page, page.getByRole('button', { name: 'Publish' }));
		await page.keyboard.press('Enter');
		expect(await isShown(page.getByText('Published version 1'))).toBe(true);
		await pushAndCollect('keyboard-notices');
	});
});

/** Drags a column chip onto the end of a template field, as a mouse would. */
async function dropAtEnd(chip: Locator, field: Locator) {
	const box = (await field.boundingBox())!;
	await chip.dragTo(field, { targetPosition: { x: box.width - 4, y: box.height - 4 } });
}

/** Presses Tab until `target` has the focus, as a keyboard user moves through the page. */
async function tabTo(page: Page, target: Locator, limit = 400) {
	const handle = await target.elementHandle();
	for (let i = 0; i < limit; i++) {
		if (await handle!.evaluate((element) => element === document.activeElement)) return;
		await page.keyboard.press('Tab');
	}
	throw new Error(`Tab never reached ${target}`);
}

/** Picks a column chip with the keyboard, then inserts it with the field's Insert button. */
async function insertPicked(page: Page, column: string, insert: Locator) {
	await tabTo(page, page.locator(`[data-column="${column}"]`));
	await page.keyboard.press('Enter');
	await tabTo(page, insert);
	await page.keyboard.press('Enter');
}
