/** The next hop of a redirect, following the Fetch standard's rules for method and headers. */

import type { Hop } from './http-exchange';
import { removeHeaders } from './http-headers';

const BODY_HEADERS = ['content-type', 'content-encoding', 'content-language', 'content-location'];

/**
 * The request to send after a redirect to `location`, or an error when it cannot be followed.
 * 303 (and 301/302 after a POST) continue as a GET without the body; 307 and 308 repeat the
 * request as it was. Credentials are dropped when the redirect leaves the origin, so a
 * receiver cannot hand them to another host by redirecting.
 */
export function nextHop(
	hop: Hop,
	status: number,
	location: string,
	credentialHeaders: string[]
): { ok: true; hop: Hop } | { ok: false; error: string } {
	let url: URL;
	try {
		url = new URL(location, hop.url);
	} catch {
		return { ok: false, error: `The redirect location "${location}" is not a valid URL.` };
	}
	if (url.protocol !== 'http:' && url.protocol !== 'https:') {
		return {
			ok: false,
			error: `The redirect pointed to a ${url.protocol} URL; only http and https are followed.`
		};
	}

	const headers = { ...hop.headers };
	let { method, body } = hop;
	const becomesGet =
		status === 303 ? method !== 'HEAD' : (status === 301 || status === 302) && method === 'POST';
	if (becomesGet) {
		method = 'GET';
		body = null;
		removeHeaders(headers, BODY_HEADERS);
	}
	if (url.origin !== hop.url.origin) {
		removeHeaders(headers, [
			'authorization',
			'proxy-authorization',
			'cookie',
			...credentialHeaders
		]);
	}
	return { ok: true, hop: { method, url, headers, body } };
}
