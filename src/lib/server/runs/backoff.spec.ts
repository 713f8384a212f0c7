import { describe, expect, it } from 'vitest';
import { DEFAULT_ATTEMPTS, maxAttempts, retryDelayMs } from './backoff';

describe('retry backoff', () => {
	it('doubles the wait after each try, within half of the schedule', () => {
		const policy = { initialDelaySeconds: 10 };
		expect(retryDelayMs(policy, 1, undefined, () => 0)).toBe(5_000);
		expect(retryDelayMs(policy, 1, undefined, () => 1)).toBe(10_000);
		expect(retryDelayMs(policy, 3, undefined, () => 0)).toBe(20_000);
		expect(retryDelayMs(policy, 3, undefined, () => 1)).toBe(40_000);
	});

	it('spreads the default five tries over about an hour', () => {
		let longest = 0;
		for (let attempt = 1; attempt < DEFAULT_ATTEMPTS; attempt++) {
			longest += retryDelayMs(undefined, attempt, undefined, () => 1);
		}
		expect(longest / 60_000).toBe(60);
		expect(maxAttempts(undefined)).toBe(5);
		expect(maxAttempts({ attempts: 2 })).toBe(2);
	});

	it('waits at least as long as the server asked', () => {
		expect(retryDelayMs({ initialDelaySeconds: 1 }, 1, 30_000, () => 0.5)).toBe(30_000);
		expect(retryDelayMs({ initialDelaySeconds: 100 }, 1, 1_000, () => 0)).toBe(50_000);
	});
});
