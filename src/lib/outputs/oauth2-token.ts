/**
 * OAuth 2 client-credentials tokens (RFC 6749 §4.4), fetched through the outbound guard and
 * cached per guard until shortly before they expire, so a burst of deliveries shares one token.
 */

import { createHash } from 'node:crypto';
import type { OutboundGuard } from '../server/outbound/guard';
import type { ResolvedHttpAuth } from './http-auth';
import { judgeNetworkError, type ErrorVerdict } from './http-errors';
import { exchange } from './http-exchange';
import { outcomeOfStatus, parseRetryAfter } from './http-status';
import { redactUrl } from './redact';
import { USER_AGENT } from './user-agent';

export type OAuth2Auth = Extract<ResolvedHttpAuth, { type: 'oauth2-client-credentials' }>;

export type TokenResult =
	{ ok: true; token: string } | { ok: false; verdict: ErrorVerdict & { retryAfterMs?: number } };

export interface TokenContext {
	guard: OutboundGuard;
	signal: AbortSignal;
	timeoutMs: number;
}

interface CachedToken {
	token: string;
	refreshAt: number;
}

interface TokenCache {
	tokens: Map<string, CachedToken>;
	/** Fetches in flight, so concurrent deliveries wait for one fetch instead of starting many. */
	pending: Map<string, Promise<TokenResult>>;
}

/** Without `expires_in`, a token is kept this long; a 401 refreshes it sooner anyway. */
const DEFAULT_LIFETIME_MS = 5 * 60_000;
const MAX_EARLY_REFRESH_MS = 60_000;

const caches = new WeakMap<OutboundGuard, TokenCache>();

/** A cached token that is not about to expire, or a freshly fetched one. */
export async function getAccessToken(
	auth: OAuth2Auth,
	context: TokenContext
): Promise<TokenResult> {
	const cache = cacheFor(context.guard);
	const key = cacheKey(auth);
	const cached = cache.tokens.get(key);
	if (cached && cached.refreshAt > Date.now()) {
		return { ok: true, token: cached.token };
	}

	let pending = cache.pending.get(key);
	if (!pending) {
		pending = fetchToken(auth, context).finally(() => cache.pending.delete(key));
		cache.pending.set(key, pending);
	}
	return pending;
}

/** Drops a token the receiver rejected, unless another delivery already replaced it. */
export function forgetAccessToken(auth: OAuth2Auth, guard: OutboundGuard, token: string): void {
	const cache = cacheFor(guard);
	const key = cacheKey(auth);
	if (cache.tokens.get(key)?.token === token) {
		cache.tokens.delete(key);
	}
}

function cacheFor(guard: OutboundGuard): TokenCache {
	let cache = caches.get(guard);
	if (!cache) {
		cache = { tokens: new Map(), pending: new Map() };
		caches.set(guard, cache);
	}
	return cache;
}

/** The secret is part of the key (hashed) so a changed credential never reuses an old token. */
function cacheKey(auth: OAuth2Auth): string {
	const secret = createHash('sha256').update(auth.clientSecret).digest('hex');
	return [auth.tokenUrl, auth.clientId, auth.scope ?? '', secret].join('\n');
}

async function fetchToken(auth: OAuth2Auth, context: TokenContext): Promise<TokenResult> {
	const shownUrl = redactUrl(auth.tokenUrl, [auth.clientSecret]);
	let url: URL;
	try {
		url = new URL(auth.tokenUrl);
	} catch {
		return failed('fail', `The OAuth 2 token URL "${shownUrl}" is not a valid absolute URL.`);
	}

	let response;
	try {
		response = await exchange(
			tokenRequest(auth, url),
			context.guard.dispatcher,
			context.signal,
			16_384
		);
	} catch (error) {
		const verdict = judgeNetworkError(error, {
			url: shownUrl,
			timeoutMs: context.timeoutMs,
			timedOut: context.signal.aborted
		});
		return {
			ok: false,
			verdict: { ...verdict, error: `Fetching an OAuth 2 token: ${verdict.error}` }
		};
	}

	const outcome = outcomeOfStatus(response.status, ['2xx']);
	if (outcome !== 'success') {
		const retryAfterMs =
			outcome === 'retry' ? parseRetryAfter(response.headers['retry-after']) : undefined;
		const reason = `The OAuth 2 token endpoint ${shownUrl} answered ${response.status}${oauthError(response.body)}.`;
		const advice = outcome === 'fail' ? " Check the credential's client id, secret and scope." : '';
		return failed(outcome, reason + advice, retryAfterMs);
	}
	return storeToken(auth, context.guard, response.body, shownUrl);
}

function tokenRequest(auth: OAuth2Auth, url: URL) {
	const form = new URLSearchParams({ grant_type: 'client_credentials' });
	if (auth.scope) form.set('scope', auth.scope);
	// RFC 6749 §2.3.1: client id and secret are form-encoded before Basic encoding.
	const id = encodeURIComponent(auth.clientId);
	const secret = encodeURIComponent(auth.clientSecret);
	return {
		method: 'POST',
		url,
		headers: {
			Authorization: `Basic ${Buffer.from(`${id}:${secret}`).toString('base64')}`,
			'Content-Type': 'application/x-www-form-urlencoded',
			Accept: 'application/json',
			'User-Agent': USER_AGENT
		},
		body: form.toString()
	};
}

function storeToken(
	auth: OAuth2Auth,
	guard: OutboundGuard,
	body: string,
	shownUrl: string
): TokenResult {
	const parsed = parseJson(body);
	const token = parsed?.access_token;
	if (typeof token !== 'string' || token === '') {
		return failed(
			'fail',
			`The OAuth 2 token endpoint ${shownUrl} answered without an access_token.`
		);
	}
	const lifetimeMs = lifetimeOf(parsed?.expires_in);
	const earlyMs = Math.min(MAX_EARLY_REFRESH_MS, lifetimeMs / 10);
	cacheFor(guard).tokens.set(cacheKey(auth), {
		token,
		refreshAt: Date.now() + lifetimeMs - earlyMs
	});
	return { ok: true, token };
}

function lifetimeOf(expiresIn: unknown): number {
	const seconds = Number(expiresIn);
	return expiresIn !== undefined && Number.isFinite(seconds) && seconds > 0
		? seconds * 1000
		: DEFAULT_LIFETIME_MS;
}

/** The `error` and `error_description` of an RFC 6749 §5.2 answer, when there are any. */
function oauthError(body: string): string {
	const parsed = parseJson(body);
	const parts = [parsed?.error, parsed?.error_description].filter(
		(part) => typeof part === 'string'
	);
	return parts.length > 0 ? ` (${parts.join(': ')})` : '';
}

function parseJson(text: string): Record<string, unknown> | null {
	try {
		const value = JSON.parse(text);
		return value && typeof value === 'object' ? value : null;
	} catch {
		return null;
	}
}

function failed(outcome: 'retry' | 'fail', error: string, retryAfterMs?: number): TokenResult {
	return { ok: false, verdict: { outcome, errorCode: 'oauth2', error, retryAfterMs } };
}
