/**
 * Designer bench: does the editor stay responsive with a 10,000-row, 50-column sample?
 *
 * What it does: starts the built server (`pushmap serve`, embedded database, temporary data
 * directory), creates an admin and an action with an HTTP output, opens the designer in
 * Chromium from the system's packages, uploads a 10,000-row, 50-column sample, then types
 * 40 characters, one at a time, into the HTTP body's template and times each keystroke
 * from its keydown to the frame where the preview shows the change. It also times the
 * sample's upload (until the row list is drawn), a row selection, and counts the row
 * elements drawn, to show the list is virtualised.
 *
 * Goal: median and p95 typing-to-preview latency under 100 ms. A missed goal prints MISSED
 * and exits 0; errors exit 1. Environment: CHROMIUM_PATH (default /usr/bin/chromium),
 * BENCH_ROWS (default 10,000), BENCH_COLUMNS (default 50).
 */

import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { chromium, type Page } from 'playwright-core';
import { cleanupOnExit } from './support/cleanup.js';
import { freePort, startServer } from './support/processes.js';
import { formatNumber, formatTable } from './support/table.js';

const ROWS = Number(process.env.BENCH_ROWS ?? 10_000);
const COLUMNS = Number(process.env.BENCH_COLUMNS ?? 50);
const KEYSTROKES = 40;
const GOAL_MS = 100;
const ADMIN = { name: 'Bench', email: 'bench@example.com', password: 'bench pass phrase' };
const root = path.resolve(import.meta.dirname, '..');

process.exitCode = await main();

async function main(): Promise<number> {
	const cleanup = cleanupOnExit();
	try {
		const baseUrl = await startPushmap(cleanup);
		const cookie = await setUp(baseUrl);
		const browser = await chromium.launch({
			executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
			args: ['--headless', '--no-sandbox', '--disable-gpu']
		});
		cleanup.add(() => browser.close());
		const context = await browser.newContext({ viewport: { width: 1600, height: 1000 } });
		await context.addCookies([{ ...cookie, url: baseUrl }]);
		const page = await context.newPage();
		await page.goto(`${baseUrl}/actions/bench`);
		await page.getByRole('button', { name: 'Use this sample' }).waitFor();

		const upload = await uploadSample(page);
		const typing = await measureTyping(page);
		const selection = await measureRowSelection(page);
		const drawn = await page.getByRole('option').count();
		report(upload, typing, selection, drawn);
		return 0;
	} catch (error) {
		console.error(error);
		return 1;
	} finally {
		await cleanup.run();
	}
}

async function startPushmap(cleanup: ReturnType<typeof cleanupOnExit>): Promise<string> {
	const dataDir = await mkdtemp(path.join(tmpdir(), 'pushmap-designer-bench-'));
	cleanup.add(() => rm(dataDir, { recursive: true, force: true }));
	const port = await freePort();
	const url = `http://127.0.0.1:${port}`;
	const env = {
		...process.env,
		PORT: String(port),
		HOST: '127.0.0.1',
		ORIGIN: url,
		PUSHMAP_DATA_DIR: dataDir,
		PUSHMAP_SECRET_KEY: 'bench-secret-key-long-enough',
		LOG_LEVEL: 'warn',
		DATABASE_URL: ''
	};
	const server = await startServer(
		'pushmap',
		[path.join(root, 'bin/pushmap.js'), 'serve'],
		env,
		`${url}/readyz`
	);
	cleanup.add(() => server.stop());
	return url;
}

/** Creates the admin (one-time setup) and the action; returns the session cookie. */
async function setUp(baseUrl: string) {
	const setup = await fetch(`${baseUrl}/setup`, {
		method: 'POST',
		redirect: 'manual',
		headers: {
			origin: baseUrl,
			accept: 'text/html',
			'content-type': 'application/x-www-form-urlencoded'
		},
		body: new URLSearchParams(ADMIN).toString()
	});
	const [name, value] = setup.headers.getSetCookie()[0].split(';')[0].split('=');
	const created = await fetch(`${baseUrl}/api/actions?publish=false`, {
		method: 'POST',
		headers: { origin: baseUrl, cookie: `${name}=${value}`, 'content-type': 'application/json' },
		body: JSON.stringify({
			slug: 'bench',
			label: 'Designer bench',
			outputs: [
				{
					id: 'http',
					type: 'http',
					mode: 'per-row',
					request: {
						method: 'POST',
						url: 'https://example.com/{{[Column 1]}}',
						body: '{ "first": {{json [Column 1]}}, "marker": "" }'
					}
				}
			]
		})
	});
	if (created.status !== 201) throw new Error(`Creating the action: ${await created.text()}`);
	return { name, value };
}

/** Rows of 50 columns of text, numbers, dates and booleans. */
function sampleJson(): string {
	const rows = Array.from({ length: ROWS }, (_, r) => {
		const row: Record<string, string | number | boolean> = {};
		for (let c = 1; c <= COLUMNS; c++) {
			const kind = c % 4;
			row[`Column ${c}`] =
				kind === 0
					? r * c
					: kind === 1
						? `value ${r}-${c}`
						: kind === 2
							? '2024-07-15'
							: r % 2 === 0;
		}
		return row;
	});
	return JSON.stringify(rows);
}

async function uploadSample(page: Page) {
	const json = sampleJson();
	const started = Date.now();
	await page
		.locator('input[type=file]')
		.first()
		.setInputFiles({
			name: 'sample.json',
			mimeType: 'application/json',
			buffer: Buffer.from(json)
		});
	await page.getByRole('listbox', { name: `Sample rows (${ROWS})` }).waitFor();
	await page.getByLabel('Body of http').waitFor();
	return { ms: Date.now() - started, bytes: json.length };
}

/**
 * Types into the body template, a character at a time, and times each one in the page:
 * from the keydown to the first animation frame in which the preview shows the new text.
 */
async function measureTyping(page: Page): Promise<number[]> {
	const body = page.getByRole('region', { name: 'Output http' }).getByRole('textbox', {
		name: 'Body',
		exact: true
	});
	await body.click();
	await page.keyboard.press('End');
	for (let i = 0; i < 3; i++) await page.keyboard.press('ArrowLeft');

	const times: number[] = [];
	let typed = '';
	for (let i = 0; i < KEYSTROKES; i++) {
		const key = String.fromCharCode(97 + (i % 26));
		typed += key;
		await armTiming(page, `"marker": "${typed}"`);
		await page.keyboard.press(key);
		times.push(await page.evaluate(() => (window as unknown as Timed).timing));
	}
	return times;
}

interface Timed {
	timing: Promise<number>;
}

/**
 * Arms `window.timing` in the page: it resolves with the ms from the next keydown until the
 * first animation frame in which the preview shows `expected`. Armed before the key is
 * pressed, so none is missed. Written as text because tsx would wrap a function passed to
 * the page in helpers that exist only here.
 */
function armTiming(page: Page, expected: string): Promise<void> {
	return page.evaluate(`
		window.timing = new Promise((resolve) => {
			document.addEventListener('keydown', (event) => {
				const start = event.timeStamp;
				const check = () => {
					const preview = document.querySelector('[aria-label="Body of http"]');
					if ((preview?.textContent ?? '').includes(${JSON.stringify(expected)})) {
						resolve(performance.now() - start);
					} else requestAnimationFrame(check);
				};
				requestAnimationFrame(check);
			}, { once: true, capture: true });
		});
		// The script's value must not be the promise, or evaluating it would wait for it.
		undefined;
	`);
}

/** Selects a row far down the list and times until the preview shows that row. */
async function measureRowSelection(page: Page): Promise<number> {
	const list = page.getByRole('listbox', { name: `Sample rows (${ROWS})` });
	await list.focus();
	await armTiming(page, `"first": "value ${ROWS - 1}-1"`);
	await page.keyboard.press('End');
	return page.evaluate(() => (window as unknown as Timed).timing);
}

function percentile(values: number[], p: number): number {
	const sorted = [...values].sort((a, b) => a - b);
	return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)];
}

function report(
	upload: { ms: number; bytes: number },
	typing: number[],
	selection: number,
	drawn: number
) {
	const median = percentile(typing, 50);
	const p95 = percentile(typing, 95);
	console.log(
		`Sample: ${formatNumber(ROWS)} rows × ${COLUMNS} columns, ${formatNumber(upload.bytes / 1e6, 1)} MB of JSON.\n`
	);
	console.log(
		formatTable(
			['measure', 'ms'],
			[
				['upload and read the sample', formatNumber(upload.ms)],
				[`typing to preview, median of ${typing.length}`, formatNumber(median, 1)],
				['typing to preview, p95', formatNumber(p95, 1)],
				['typing to preview, max', formatNumber(Math.max(...typing), 1)],
				['select the last row to preview', formatNumber(selection, 1)]
			]
		)
	);
	console.log(`\nRow elements drawn for ${formatNumber(ROWS)} rows: ${drawn} (virtualised list).`);
	const met = median < GOAL_MS && p95 < GOAL_MS;
	console.log(
		`Goal: typing to preview under ${GOAL_MS} ms (median and p95): ${met ? 'met' : 'MISSED'}.`
	);
}
