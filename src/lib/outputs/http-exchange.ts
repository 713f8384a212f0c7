/** One HTTP request and its response, through the guard's pooled agent. */

import { request, type Dispatcher } from 'undici';

export interface Hop {
	method: string;
	url: URL;
	headers: Record<string, string>;
	body: string | null;
}

export interface HopResponse {
	status: number;
	headers: Record<string, string>;
	/** The first `bodyLimit` bytes of the body, decoded as UTF-8. */
	body: string;
}

/** Bodies past this are not read to the end: the connection is dropped instead of reused. */
const DRAIN_LIMIT = 1024 * 1024;

/** Sends one request without following redirects; network trouble rejects, for the caller to judge. */
export async function exchange(
	hop: Hop,
	dispatcher: Dispatcher,
	signal: AbortSignal,
	bodyLimit: number
): Promise<HopResponse> {
	const response = await request(hop.url, {
		dispatcher,
		method: hop.method as Dispatcher.HttpMethod,
		headers: hop.headers,
		body: hop.body,
		signal
	});
	return {
		status: response.statusCode,
		headers: flattenHeaders(response.headers),
		body: await readPrefix(response.body, bodyLimit)
	};
}

/**
 * Keeps the first `limit` bytes and reads on past them, so a pooled connection is left clean
 * for the next request; a very large body is abandoned instead.
 */
async function readPrefix(body: Dispatcher.ResponseData['body'], limit: number): Promise<string> {
	const kept: Buffer[] = [];
	let keptBytes = 0;
	let seen = 0;
	for await (const chunk of body as AsyncIterable<Buffer>) {
		seen += chunk.length;
		if (keptBytes < limit) {
			const part = chunk.subarray(0, limit - keptBytes);
			kept.push(part);
			keptBytes += part.length;
		}
		if (seen > DRAIN_LIMIT) {
			body.destroy();
			break;
		}
	}
	return Buffer.concat(kept).toString('utf8');
}

function flattenHeaders(
	headers: Record<string, string | string[] | undefined>
): Record<string, string> {
	const flat: Record<string, string> = {};
	for (const [name, value] of Object.entries(headers)) {
		if (value !== undefined) flat[name] = Array.isArray(value) ? value.join(', ') : value;
	}
	return flat;
}
