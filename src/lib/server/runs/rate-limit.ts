/**
 * A per-action push rate limit: a token bucket per action, refilled continuously. It is
 * kept per instance; several instances behind a load balancer each allow the full rate,
 * which is what an operator sizing instances would expect.
 */

interface Bucket {
	tokens: number;
	updated: number;
}

const buckets = new Map<string, Bucket>();

/** Takes one push from the action's allowance; returns 0, or seconds until one is free. */
export function takePush(actionId: string, perMinute: number, now = Date.now()): number {
	const ratePerMs = perMinute / 60_000;
	const bucket = buckets.get(actionId) ?? { tokens: perMinute, updated: now };
	bucket.tokens = Math.min(perMinute, bucket.tokens + (now - bucket.updated) * ratePerMs);
	bucket.updated = now;
	buckets.set(actionId, bucket);

	if (bucket.tokens >= 1) {
		bucket.tokens -= 1;
		return 0;
	}
	return Math.max(1, Math.ceil((1 - bucket.tokens) / ratePerMs / 1000));
}
