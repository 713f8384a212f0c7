import { describe, expect, it } from 'vitest';
import { matchesStatus, outcomeOfStatus, parseRetryAfter } from './http-status';

describe('matchesStatus', () => {
	it('matches status classes and exact statuses', () => {
		expect(matchesStatus(204, ['2xx'])).toBe(true);
		expect(matchesStatus(304, ['2xx', '304'])).toBe(true);
		expect(matchesStatus(301, ['2xx', '304'])).toBe(false);
		expect(matchesStatus(404, ['4XX'])).toBe(true);
		expect(matchesStatus(200, ['20x', 'ok'])).toBe(false);
	});
});

describe('outcomeOfStatus', () => {
	it.each([
		[200, 'success'],
		[302, 'fail'],
		[400, 'fail'],
		[401, 'fail'],
		[404, 'fail'],
		[408, 'retry'],
		[409, 'fail'],
		[429, 'retry'],
		[500, 'retry'],
		[503, 'retry']
	])('treats %i as %s by default', (status, outcome) => {
		expect(outcomeOfStatus(status, ['2xx'])).toBe(outcome);
	});

	it('lets an output count a 4xx as success', () => {
		expect(outcomeOfStatus(409, ['2xx', '409'])).toBe('success');
	});
});

describe('parseRetryAfter', () => {
	const now = Date.parse('2024-05-01T12:00:00Z');

	it('reads seconds', () => {
		expect(parseRetryAfter('120', now)).toBe(120_000);
		expect(parseRetryAfter(' 0 ', now)).toBe(0);
	});

	it('reads an HTTP date as the time left until it', () => {
		expect(parseRetryAfter('Wed, 01 May 2024 12:00:30 GMT', now)).toBe(30_000);
		expect(parseRetryAfter('Wed, 01 May 2024 11:00:00 GMT', now)).toBe(0);
	});

	it('ignores what it cannot read', () => {
		expect(parseRetryAfter(undefined, now)).toBeUndefined();
		expect(parseRetryAfter('soon', now)).toBeUndefined();
		expect(parseRetryAfter('-5', now)).toBeUndefined();
	});
});
