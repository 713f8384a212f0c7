/**
 * CORS for action endpoints: ThoughtSpot's URL actions can call them from the browser, so
 * the BI host origins the operator lists (PUSHMAP_CORS_ORIGINS) may push. Nothing else is
 * opened to other origins.
 */

const ALLOWED_HEADERS = [
	'authorization',
	'content-type',
	'idempotency-key',
	'x-api-key',
	'webhook-id',
	'webhook-timestamp',
	'webhook-signature'
].join(', ');

export function corsHeaders(origin: string | null, allowed: string[]): Record<string, string> {
	if (!origin || !(allowed.includes('*') || allowed.includes(origin))) return {};
	return {
		'access-control-allow-origin': origin,
		'access-control-allow-credentials': 'true',
		'access-control-expose-headers': 'retry-after, idempotent-replayed, x-request-id',
		vary: 'Origin'
	};
}

export function preflightHeaders(origin: string | null, allowed: string[]): Record<string, string> {
	const headers = corsHeaders(origin, allowed);
	if (!headers['access-control-allow-origin']) return { vary: 'Origin' };
	return {
		...headers,
		'access-control-allow-methods': 'POST, GET, OPTIONS',
		// Custom API-key headers are named per action; allow what the browser asks for.
		'access-control-allow-headers': ALLOWED_HEADERS,
		'access-control-max-age': '600'
	};
}
