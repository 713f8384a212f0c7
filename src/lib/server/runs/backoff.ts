/**
 * When to try a failed delivery again: exponential backoff with full jitter, so that many
 * deliveries failing together (a target down) do not all come back at the same moment.
 */

import type { RetryPolicy } from '../../actions/definition';

export const DEFAULT_ATTEMPTS = 5;
/** With doubling, five tries span about an hour: 4 + 8 + 16 + 32 minutes. */
export const DEFAULT_INITIAL_DELAY_SECONDS = 240;

export function maxAttempts(policy: RetryPolicy | undefined): number {
	return policy?.attempts ?? DEFAULT_ATTEMPTS;
}

/**
 * The wait before try number `attempt + 1`, after `attempt` tries. A server's Retry-After
 * wins when it asks for longer.
 */
export function retryDelayMs(
	policy: RetryPolicy | undefined,
	attempt: number,
	retryAfterMs?: number,
	random: () => number = Math.random
): number {
	const base = (policy?.initialDelaySeconds ?? DEFAULT_INITIAL_DELAY_SECONDS) * 1000;
	const ceiling = base * 2 ** Math.max(0, attempt - 1);
	// Half fixed, half random: never sooner than half the schedule, never all at once.
	const delay = ceiling / 2 + random() * (ceiling / 2);
	return Math.max(delay, retryAfterMs ?? 0);
}
