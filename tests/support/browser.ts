/**
 * Real Chromium for end-to-end suites, from the system's packages (never a downloaded
 * browser). Without one the suites are skipped and say so; with PUSHMAP_REQUIRE_BROWSER=1
 * (as CI sets) a missing browser fails the run instead.
 */

import { existsSync } from 'node:fs';
import { mkdir } from 'node:fs/promises';
import path from 'node:path';
import { chromium, type Browser, type Locator, type Page } from 'playwright-core';
import { describe } from 'vitest';
import { root } from './server';

const CANDIDATES = [process.env.CHROMIUM_PATH, '/usr/bin/chromium', '/usr/bin/chromium-browser'];

export const chromiumPath = CANDIDATES.find((candidate) => candidate && existsSync(candidate));

if (!chromiumPath) {
	if (process.env.PUSHMAP_REQUIRE_BROWSER === '1') {
		throw new Error(
			'PUSHMAP_REQUIRE_BROWSER=1 but no Chromium was found. Install it: apt-get install -y chromium'
		);
	}
	console.warn(
		'Browser tests skipped: no Chromium found (apt-get install -y chromium, or set CHROMIUM_PATH).'
	);
}

/** `describe` for browser suites: skipped, with a warning above, when there is no Chromium. */
export const describeInBrowser = chromiumPath ? describe : describe.skip;

export function launchBrowser(): Promise<Browser> {
	return chromium.launch({
		executablePath: chromiumPath,
		args: [
			'--headless',
			'--no-sandbox',
			'--disable-gpu',
			'--disable-background-networking',
			'--disable-component-update',
			'--no-first-run'
		]
	});
}

export const screenshotDir = path.join(root, 'test-results', 'screenshots');

/** Keeps a screenshot as a test artifact under test-results/screenshots. */
export async function keepScreenshot(page: Page, name: string): Promise<string> {
	await mkdir(screenshotDir, { recursive: true });
	const file = path.join(screenshotDir, `${name}.png`);
	await page.screenshot({ path: file, fullPage: true });
	return file;
}

/** Waits for an element to show, and says whether it did (Vitest has no locator matchers). */
export async function isShown(locator: Locator, timeout = 5000): Promise<boolean> {
	try {
		await locator.waitFor({ state: 'visible', timeout });
		return true;
	} catch {
		return false;
	}
}
