/** Building the first request of an attempt from the rendered output. */

import { authHeaders, basicAuthorization, type ResolvedHttpAuth } from './http-auth';
import type { Hop } from './http-exchange';
import { removeHeaders, replaceHeader, setDefaultHeader } from './http-headers';
import { USER_AGENT } from './user-agent';

/** An HTTP output as the mapping engine rendered it. */
export interface HttpRequest {
	method: string;
	url: string;
	headers: Record<string, string>;
	body?: string | null;
	bodyType?: 'json' | 'form' | 'text';
}

const CONTENT_TYPES = {
	json: 'application/json',
	form: 'application/x-www-form-urlencoded',
	text: 'text/plain; charset=utf-8'
};

/**
 * Headers about the connection itself: the agent manages the connection and the body's
 * length, so an action's values for these would only conflict with it.
 */
const CONNECTION_HEADERS = [
	'connection',
	'keep-alive',
	'proxy-connection',
	'transfer-encoding',
	'upgrade',
	'te',
	'trailer',
	'content-length',
	'expect'
];

export type PreparedRequest =
	{ ok: true; hop: Hop; secrets: string[] } | { ok: false; error: string };

/**
 * The first hop: the URL checked, user info moved into Basic auth, and Content-Type,
 * Idempotency-Key, User-Agent and the credential's headers added. The action's own
 * Content-Type, Idempotency-Key and User-Agent are kept when it sets them.
 */
export function prepareRequest(
	request: HttpRequest,
	auth: ResolvedHttpAuth | undefined,
	idempotencyKey: string
): PreparedRequest {
	let url: URL;
	try {
		url = new URL(request.url);
	} catch {
		return { ok: false, error: `"${request.url}" is not a valid absolute URL.` };
	}
	if (url.protocol !== 'http:' && url.protocol !== 'https:') {
		return {
			ok: false,
			error: `Only http and https URLs can be sent to; this one is ${url.protocol}`
		};
	}

	const headers = { ...request.headers };
	removeHeaders(headers, CONNECTION_HEADERS);
	const body = request.body ?? null;
	if (body !== null) {
		setDefaultHeader(headers, 'Content-Type', CONTENT_TYPES[request.bodyType ?? 'json']);
	}
	setDefaultHeader(headers, 'Idempotency-Key', idempotencyKey);
	setDefaultHeader(headers, 'User-Agent', USER_AGENT);
	for (const [name, value] of Object.entries(authHeaders(auth))) {
		replaceHeader(headers, name, value);
	}

	const secrets = moveUserInfo(url, headers, auth === undefined);
	return { ok: true, hop: { method: request.method.toUpperCase(), url, headers, body }, secrets };
}

/** URL user info becomes Basic auth (when no credential is set) and never goes out in the URL. */
function moveUserInfo(url: URL, headers: Record<string, string>, useIt: boolean): string[] {
	if (url.username === '' && url.password === '') {
		return [];
	}
	const username = decodeURIComponent(url.username);
	const password = decodeURIComponent(url.password);
	url.username = '';
	url.password = '';
	if (!useIt) {
		return [password].filter(Boolean);
	}
	const authorization = basicAuthorization(username, password);
	replaceHeader(headers, 'Authorization', authorization);
	return [password, authorization.slice(6)].filter(Boolean);
}
