/**
 * Checks that a push comes from whom the action trusts, with the methods ThoughtSpot offers
 * (none, Basic, Bearer, an API key in a header or a query parameter) and an HMAC signature
 * for senders that can sign. Secrets are compared in constant time. A failure says nothing
 * about which part was wrong.
 */

import { createHash, createHmac, timingSafeEqual } from 'node:crypto';
import type { EndpointAuth } from '../../actions/definition';

export type AuthCheck = { ok: true; method: string } | { ok: false; reason: string };

export interface PushCredentials {
	headers: Headers;
	url: URL;
	/** The raw body, for HMAC signatures. */
	body: string;
	now: number;
	/** Looks up a credential's secret by name; null when it does not exist. */
	secret(name: string): Promise<string | null>;
	/** Records a signature; false when it was seen before (a replay). */
	firstSighting(signature: string): Promise<boolean>;
}

export const DEFAULT_HMAC_TOLERANCE_SECONDS = 300;

export async function checkPushAuth(auth: EndpointAuth, push: PushCredentials): Promise<AuthCheck> {
	switch (auth.type) {
		case 'none':
			return { ok: true, method: 'none' };
		case 'basic':
			return checkBasic(push, auth.username, await push.secret(auth.secret));
		case 'bearer':
			return checkBearer(push, await push.secret(auth.secret));
		case 'api-key-header':
			return checkValue(
				push.headers.get(auth.header ?? 'x-api-key'),
				await push.secret(auth.secret),
				'api-key-header'
			);
		case 'api-key-query':
			return checkValue(
				push.url.searchParams.get(auth.param),
				await push.secret(auth.secret),
				'api-key-query'
			);
		case 'hmac':
			return checkHmac(
				push,
				auth.toleranceSeconds ?? DEFAULT_HMAC_TOLERANCE_SECONDS,
				await push.secret(auth.secret)
			);
	}
}

function checkBasic(push: PushCredentials, username: string, password: string | null): AuthCheck {
	const header = push.headers.get('authorization') ?? '';
	if (!header.toLowerCase().startsWith('basic ')) return refuse('no basic credentials');
	const decoded = Buffer.from(header.slice(6).trim(), 'base64').toString('utf8');
	const colon = decoded.indexOf(':');
	if (colon < 0) return refuse('malformed basic credentials');
	// Both parts are always compared, so timing does not tell which one was wrong.
	const userMatches = safeEqual(decoded.slice(0, colon), username);
	const passwordMatches = password !== null && safeEqual(decoded.slice(colon + 1), password);
	return userMatches && passwordMatches
		? { ok: true, method: 'basic' }
		: refuse('wrong basic credentials');
}

function checkBearer(push: PushCredentials, token: string | null): AuthCheck {
	const header = push.headers.get('authorization') ?? '';
	if (!header.toLowerCase().startsWith('bearer ')) return refuse('no bearer token');
	return checkValue(header.slice(7).trim(), token, 'bearer');
}

function checkValue(given: string | null, expected: string | null, method: string): AuthCheck {
	if (!given) return refuse(`no ${method} value`);
	if (expected === null) return refuse('the action’s credential does not exist');
	return safeEqual(given, expected) ? { ok: true, method } : refuse(`wrong ${method} value`);
}

/**
 * The signature is HMAC-SHA256 over "<id>.<timestamp>.<body>", sent base64-encoded as
 * `webhook-signature: v1,<signature>` with `webhook-id` and `webhook-timestamp` (Unix
 * seconds); several space-separated signatures are allowed while a key is rotated.
 */
async function checkHmac(
	push: PushCredentials,
	toleranceSeconds: number,
	key: string | null
): Promise<AuthCheck> {
	const id = push.headers.get('webhook-id');
	const timestamp = push.headers.get('webhook-timestamp');
	const signatures = push.headers.get('webhook-signature');
	if (!id || !timestamp || !signatures) return refuse('missing signature headers');
	if (key === null) return refuse('the action’s credential does not exist');

	const seconds = Number(timestamp);
	if (!Number.isInteger(seconds) || Math.abs(push.now / 1000 - seconds) > toleranceSeconds) {
		return refuse('signature timestamp outside the tolerance');
	}

	const expected = signPush(key, id, timestamp, push.body);
	const given = signatures.split(' ').map((s) => s.replace(/^v1,/, ''));
	if (!given.some((signature) => safeEqual(signature, expected))) return refuse('wrong signature');
	if (!(await push.firstSighting(expected))) return refuse('replayed signature');
	return { ok: true, method: 'hmac' };
}

/** The signature a sender computes; exported for senders' documentation and tests. */
export function signPush(key: string, id: string, timestamp: string, body: string): string {
	return createHmac('sha256', key).update(`${id}.${timestamp}.${body}`).digest('base64');
}

/** Constant-time equality for strings of any length: compares their digests. */
function safeEqual(a: string, b: string): boolean {
	const digest = (value: string) => createHash('sha256').update(value).digest();
	return timingSafeEqual(digest(a), digest(b));
}

function refuse(reason: string): AuthCheck {
	return { ok: false, reason };
}
