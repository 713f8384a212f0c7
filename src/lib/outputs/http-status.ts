/** Reading response statuses: success patterns, redirects and Retry-After. */

import type { AttemptOutcome } from './attempt';

/** Whether `status` matches one of the patterns, each an exact status (`304`) or a class (`2xx`). */
export function matchesStatus(status: number, patterns: string[]): boolean {
	return patterns.some((pattern) => {
		const text = pattern.trim().toLowerCase();
		if (/^[1-5]xx$/.test(text)) {
			return Math.floor(status / 100) === Number(text[0]);
		}
		return /^\d{3}$/.test(text) && Number(text) === status;
	});
}

/**
 * Success per the output's patterns; 408, 429 and 5xx are worth retrying; anything else (other
 * 4xx, a 3xx that was not followed) would get the same answer again, so it is final.
 */
export function outcomeOfStatus(status: number, successStatuses: string[]): AttemptOutcome {
	if (matchesStatus(status, successStatuses)) return 'success';
	if (status === 408 || status === 429 || status >= 500) return 'retry';
	return 'fail';
}

const REDIRECTS = new Set([301, 302, 303, 307, 308]);

export function isRedirect(status: number): boolean {
	return REDIRECTS.has(status);
}

/** Retry-After as milliseconds from `now`: either whole seconds or an HTTP date. */
export function parseRetryAfter(value: string | undefined, now = Date.now()): number | undefined {
	if (value === undefined) return undefined;
	const text = value.trim();
	if (/^\d+$/.test(text)) {
		return Number(text) * 1000;
	}
	// Every HTTP date format starts with the day's name; Date.parse alone would read "-5" as a year.
	const date = /^[a-z]{3,9},? /i.test(text) ? Date.parse(text) : NaN;
	if (Number.isNaN(date)) return undefined;
	return Math.max(0, date - now);
}
