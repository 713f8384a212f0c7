import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { sendHttpRequest, type HttpSendOptions } from '../../src/lib/outputs/http-send';
import type { HttpRequest } from '../../src/lib/outputs/http-request';
import {
	createOutboundGuard,
	type LookupAddresses,
	type OutboundGuard
} from '../../src/lib/server/outbound';
import { startHttpSink, type HttpSink } from '../support/http-sink';

let sink: HttpSink;
let other: HttpSink;
const guards: OutboundGuard[] = [];

beforeAll(async () => {
	sink = await startHttpSink();
	other = await startHttpSink();
});

afterEach(async () => {
	sink.reset();
	other.reset();
	await Promise.all(guards.splice(0).map((guard) => guard.close()));
});

afterAll(async () => {
	await sink.close();
	await other.close();
});

function guardAllowing(allow: string[], lookup?: LookupAddresses): OutboundGuard {
	const guard = createOutboundGuard(allow, { lookup });
	guards.push(guard);
	return guard;
}

function post(url: string, body: string | null = '{"a":1}'): HttpRequest {
	return { method: 'POST', url, headers: {}, body, bodyType: 'json' };
}

function send(request: HttpRequest, options: Partial<HttpSendOptions> & { guard: OutboundGuard }) {
	return sendHttpRequest(request, { idempotencyKey: 'delivery-1', ...options });
}

describe('the outbound guard on HTTP', () => {
	it('refuses the loopback sink when nothing is allowed, saying what to do', async () => {
		const result = await send(post(`${sink.url}/x`), { guard: guardAllowing([]) });

		expect(result.outcome).toBe('fail');
		expect(result.errorCode).toBe('outbound-refused');
		expect(result.error).toBe(
			`Refused to connect to 127.0.0.1 (loopback) for ${sink.url}/x. ` +
				'Add the host to PUSHMAP_OUTBOUND_ALLOW if this target is intended.'
		);
		expect(sink.requests).toHaveLength(0);
	});

	it('goes through once 127.0.0.1 is allowed', async () => {
		const result = await send(post(`${sink.url}/x`), { guard: guardAllowing(['127.0.0.1']) });

		expect(result.outcome).toBe('success');
		expect(result.responseStatus).toBe(200);
		expect(sink.requests.map((request) => [request.method, request.path, request.body])).toEqual([
			['POST', '/x', '{"a":1}']
		]);
	});

	it('refuses a host name that resolves to loopback', async () => {
		const url = `http://localhost:${sink.port}/x`;
		const result = await send(post(url), { guard: guardAllowing([]) });

		expect(result.outcome).toBe('fail');
		expect(result.error).toContain(`Refused to connect to 127.0.0.1 (loopback) for ${url}.`);
		expect(sink.requests).toHaveLength(0);
	});

	it('allows a name whose resolved address is allowed, on the allowed port only', async () => {
		const guard = guardAllowing([`127.0.0.1:${sink.port}`]);
		const allowed = await send(post(`http://localhost:${sink.port}/x`), { guard });
		const otherPort = await send(post(`http://localhost:${other.port}/x`), { guard });

		expect(allowed.outcome).toBe('success');
		expect(otherPort.errorCode).toBe('outbound-refused');
		expect(other.requests).toHaveLength(0);
	});

	it('allows a host by name, whatever address it resolves to', async () => {
		const result = await send(post(`http://localhost:${sink.port}/x`), {
			guard: guardAllowing(['LOCALHOST'])
		});

		expect(result.outcome).toBe('success');
		expect(sink.requests).toHaveLength(1);
	});

	it.each([
		['hexadecimal', 'http://0x7f.1'],
		['octal', 'http://0177.0.0.1'],
		['decimal', 'http://2130706433'],
		['IPv4-mapped IPv6', 'http://[::ffff:7f00:1]'],
		['IPv6 loopback', 'http://[::1]'],
		['unspecified', 'http://0.0.0.0']
	])('refuses loopback written in %s form', async (_form, base) => {
		const result = await send(post(`${base}:${sink.port}/x`), { guard: guardAllowing([]) });

		expect(result.errorCode).toBe('outbound-refused');
		expect(result.error).toMatch(/\((loopback|unspecified)(, IPv4-mapped)?\)/);
		expect(sink.requests).toHaveLength(0);
	});

	it('checks every redirect hop: an allowed sink cannot redirect to a port that is not allowed', async () => {
		sink.respondWith({ status: 302, headers: { Location: `${other.url}/stolen` } });
		const result = await send(post(`${sink.url}/start`), {
			guard: guardAllowing([`127.0.0.1:${sink.port}`])
		});

		expect(result.outcome).toBe('fail');
		expect(result.error).toContain(
			`Refused to connect to 127.0.0.1 (loopback) for ${other.url}/stolen.`
		);
		expect(result.redirects).toEqual([{ status: 302, url: `${other.url}/stolen` }]);
		expect(sink.requests).toHaveLength(1);
		expect(other.requests).toHaveLength(0);
	});

	it('refuses a redirect to a host name that resolves to a refused address', async () => {
		sink.respondWith({ status: 307, headers: { Location: `http://localhost:${other.port}/x` } });
		const result = await send(post(`${sink.url}/start`), {
			guard: guardAllowing([`127.0.0.1:${sink.port}`])
		});

		expect(result.errorCode).toBe('outbound-refused');
		expect(other.requests).toHaveLength(0);
	});

	it('connects to the address it checked, so a name that rebinds to a refused address is caught', async () => {
		const answers = [['127.0.0.1'], ['127.0.0.2']];
		const lookup: LookupAddresses = async () =>
			(answers.length > 1 ? answers.shift()! : answers[0]).map((address) => ({
				address,
				family: 4
			}));
		const guard = guardAllowing([`127.0.0.1:${sink.port}`], lookup);
		// Closing each connection makes the second request open (and so resolve) again.
		sink.respondWith({ status: 200, headers: { Connection: 'close' } });

		const first = await send(post(`http://rebind.test:${sink.port}/x`), { guard });
		const second = await send(post(`http://rebind.test:${sink.port}/x`), { guard });

		expect(first.outcome).toBe('success');
		expect(sink.requests[0].headers.host).toBe(`rebind.test:${sink.port}`);
		expect(second.outcome).toBe('fail');
		expect(second.error).toContain('Refused to connect to 127.0.0.2 (loopback)');
		expect(sink.requests).toHaveLength(1);
	});
});

describe('sendHttpRequest outcomes', () => {
	it('retries a 500 and succeeds on the 200 that follows', async () => {
		const guard = guardAllowing(['127.0.0.1']);
		sink.respondWith([
			{ status: 500, body: 'down' },
			{ status: 200, body: 'ok' }
		]);

		const first = await send(post(`${sink.url}/x`), { guard });
		const second = await send(post(`${sink.url}/x`), { guard });

		expect([first.outcome, first.responseStatus, first.responseBody]).toEqual([
			'retry',
			500,
			'down'
		]);
		expect(first.errorCode).toBe('status');
		expect([second.outcome, second.responseStatus]).toEqual(['success', 200]);
	});

	it('aborts a slow request at the timeout and retries it', async () => {
		sink.respondWith({ status: 200, delayMs: 1500 });
		const result = await send(post(`${sink.url}/slow`), {
			guard: guardAllowing(['127.0.0.1']),
			timeoutMs: 200
		});

		expect(result.outcome).toBe('retry');
		expect(result.errorCode).toBe('timeout');
		expect(result.error).toBe(`The request to ${sink.url}/slow timed out after 200 ms.`);
		expect(result.durationMs).toBeGreaterThanOrEqual(190);
		expect(result.durationMs).toBeLessThan(1200);
	});

	it('retries a 429 after the seconds in Retry-After', async () => {
		sink.respondWith({ status: 429, headers: { 'Retry-After': '7' } });
		const result = await send(post(`${sink.url}/x`), { guard: guardAllowing(['127.0.0.1']) });

		expect(result.outcome).toBe('retry');
		expect(result.retryAfterMs).toBe(7000);
	});

	it('retries a 429 at the date in Retry-After', async () => {
		const at = new Date(Date.now() + 30_000).toUTCString();
		sink.respondWith({ status: 429, headers: { 'Retry-After': at } });
		const result = await send(post(`${sink.url}/x`), { guard: guardAllowing(['127.0.0.1']) });

		expect(result.outcome).toBe('retry');
		expect(result.retryAfterMs).toBeGreaterThan(25_000);
		expect(result.retryAfterMs).toBeLessThanOrEqual(30_000);
	});

	it('fails a 404 for good and keeps the response', async () => {
		sink.respondWith({ status: 404, headers: { 'X-Trace': 't1' }, body: 'no such invoice' });
		const result = await send(post(`${sink.url}/x`), { guard: guardAllowing(['127.0.0.1']) });

		expect(result.outcome).toBe('fail');
		expect(result.responseStatus).toBe(404);
		expect(result.responseBody).toBe('no such invoice');
		expect(result.responseHeaders?.['x-trace']).toBe('t1');
		expect(result.error).toContain('answered 404');
	});

	it('counts statuses listed as success', async () => {
		sink.respondWith({ status: 409 });
		const result = await send(post(`${sink.url}/x`), {
			guard: guardAllowing(['127.0.0.1']),
			successStatuses: ['2xx', '409']
		});

		expect(result.outcome).toBe('success');
	});

	it('retries a dropped connection', async () => {
		sink.respondWith({ destroy: true });
		const result = await send(post(`${sink.url}/x`), { guard: guardAllowing(['127.0.0.1']) });

		expect(result.outcome).toBe('retry');
		expect(result.errorCode).toBe('network');
	});

	it('retries when the host name does not resolve', async () => {
		const lookup: LookupAddresses = async (hostname) => {
			throw Object.assign(new Error(`getaddrinfo ENOTFOUND ${hostname}`), { code: 'ENOTFOUND' });
		};
		const result = await send(post('http://billing.test/x'), { guard: guardAllowing([], lookup) });

		expect(result.outcome).toBe('retry');
		expect(result.errorCode).toBe('dns');
		expect(result.error).toContain('Could not resolve billing.test (ENOTFOUND)');
	});

	it('fails a URL that is not http or https without sending anything', async () => {
		const result = await send(post('ftp://127.0.0.1/x'), { guard: guardAllowing(['127.0.0.1']) });

		expect(result.outcome).toBe('fail');
		expect(result.errorCode).toBe('invalid-request');
	});
});

describe('sendHttpRequest requests', () => {
	it('sends the Idempotency-Key, a User-Agent and a Content-Type for the body type', async () => {
		const guard = guardAllowing(['127.0.0.1']);
		await send(post(`${sink.url}/json`), { guard, idempotencyKey: 'run-7:invoice:3' });
		await send({ ...post(`${sink.url}/form`, 'a=1'), bodyType: 'form' }, { guard });
		await send({ ...post(`${sink.url}/text`, 'hi'), bodyType: 'text' }, { guard });

		const [json, form, text] = sink.requests;
		expect(json.headers['idempotency-key']).toBe('run-7:invoice:3');
		expect(json.headers['user-agent']).toMatch(/^Pushmap\/\d+\.\d+\.\d+/);
		expect(json.headers['content-type']).toBe('application/json');
		expect(form.headers['content-type']).toBe('application/x-www-form-urlencoded');
		expect(text.headers['content-type']).toBe('text/plain; charset=utf-8');
	});

	it('keeps the Content-Type the action set', async () => {
		const request = {
			...post(`${sink.url}/x`),
			headers: { 'content-type': 'application/vnd.api+json' }
		};
		await send(request, { guard: guardAllowing(['127.0.0.1']) });

		expect(sink.requests[0].headers['content-type']).toBe('application/vnd.api+json');
	});

	it('reuses one kept-alive connection for sequential requests', async () => {
		const guard = guardAllowing(['127.0.0.1']);
		for (let i = 0; i < 4; i++) {
			expect((await send(post(`${sink.url}/x${i}`), { guard })).outcome).toBe('success');
			// Undici hands a socket back to the pool one event-loop turn after a response ends
			// (a guard against servers that close anyway); deliveries from the queue always
			// have that much between them.
			await new Promise((resolve) => setImmediate(resolve));
		}

		expect(new Set(sink.requests.map((request) => request.connection)).size).toBe(1);
	});

	it('follows a 303 as a GET without the body and a 307 as the same POST', async () => {
		const guard = guardAllowing(['127.0.0.1']);
		sink.respondWith((request) =>
			request.path === '/see-other'
				? { status: 303, headers: { Location: '/landed' } }
				: request.path === '/temporary'
					? { status: 307, headers: { Location: `${other.url}/moved` } }
					: { status: 200 }
		);

		const seeOther = await send(post(`${sink.url}/see-other`), { guard });
		const temporary = await send(post(`${sink.url}/temporary`), { guard });

		expect(seeOther.outcome).toBe('success');
		expect(
			sink.requests.slice(1).map((request) => [request.method, request.path, request.body])
		).toEqual([
			['GET', '/landed', ''],
			['POST', '/temporary', '{"a":1}']
		]);
		expect(temporary.redirects).toEqual([{ status: 307, url: `${other.url}/moved` }]);
		expect(other.requests.map((request) => [request.method, request.body])).toEqual([
			['POST', '{"a":1}']
		]);
	});

	it('drops credentials when a redirect leaves the origin', async () => {
		sink.respondWith({ status: 307, headers: { Location: `${other.url}/moved` } });
		await send(post(`${sink.url}/x`), {
			guard: guardAllowing(['127.0.0.1']),
			auth: { type: 'bearer', token: 'bearer-secret-1' }
		});

		expect(sink.requests[0].headers.authorization).toBe('Bearer bearer-secret-1');
		expect(other.requests[0].headers.authorization).toBeUndefined();
		expect(other.requests[0].headers['idempotency-key']).toBe('delivery-1');
	});

	it('gives up after five redirects', async () => {
		sink.respondWith((request) => ({ status: 302, headers: { Location: `${request.path}+` } }));
		const result = await send(post(`${sink.url}/r`), { guard: guardAllowing(['127.0.0.1']) });

		expect(result.outcome).toBe('fail');
		expect(result.errorCode).toBe('too-many-redirects');
		expect(sink.requests).toHaveLength(6);
		expect(result.redirects).toHaveLength(5);
	});
});

describe('sendHttpRequest records', () => {
	it('redacts every secret in the recorded request and response', async () => {
		const secret = 'k3y-value-9f8e';
		sink.respondWith({
			status: 200,
			headers: { 'Set-Cookie': 'sid=abc', 'X-Echo': secret },
			body: `you sent ${secret}`
		});
		const request: HttpRequest = {
			method: 'POST',
			url: `http://ann:url-pass-77@127.0.0.1:${sink.port}/hook?token=query-tok&page=2`,
			headers: { Cookie: 'session=c00kie', 'X-Copy': secret, 'X-Plain': 'visible' },
			body: `{"note":"${secret}"}`,
			bodyType: 'json'
		};

		const result = await send(request, {
			guard: guardAllowing(['127.0.0.1']),
			auth: { type: 'api-key', header: 'X-Partner-Key', value: secret }
		});

		const received = sink.requests[0];
		expect(received.headers['x-partner-key']).toBe(secret);
		expect(received.headers.authorization).toBeUndefined();
		expect(received.headers.cookie).toBe('session=c00kie');

		const recorded = JSON.stringify(result);
		for (const hidden of [secret, 'url-pass-77', 'query-tok', 'c00kie', 'sid=abc']) {
			expect(recorded).not.toContain(hidden);
		}
		expect(result.request.url).toBe(
			`http://127.0.0.1:${sink.port}/hook?token=%5Bredacted%5D&page=2`
		);
		expect(result.request.headers).toMatchObject({
			'X-Partner-Key': '[redacted]',
			Cookie: '[redacted]',
			'X-Copy': '[redacted]',
			'X-Plain': 'visible',
			'Idempotency-Key': 'delivery-1'
		});
		expect(result.request.body).toBe('{"note":"[redacted]"}');
		expect(result.responseBody).toBe('you sent [redacted]');
	});

	it('sends URL user info as Basic auth and records neither', async () => {
		const result = await send(post(`http://ann:pa55word@127.0.0.1:${sink.port}/x`), {
			guard: guardAllowing(['127.0.0.1'])
		});

		const expected = `Basic ${Buffer.from('ann:pa55word').toString('base64')}`;
		expect(sink.requests[0].headers.authorization).toBe(expected);
		expect(result.request.headers.Authorization).toBe('[redacted]');
		expect(JSON.stringify(result)).not.toContain(Buffer.from('ann:pa55word').toString('base64'));
	});

	it('keeps only the first 4 KB of a long response', async () => {
		sink.respondWith({ status: 200, body: 'x'.repeat(10_000) });
		const result = await send(post(`${sink.url}/x`), { guard: guardAllowing(['127.0.0.1']) });

		expect(result.responseBody).toHaveLength(4096);
	});
});

describe('OAuth 2 client credentials', () => {
	const credentials = (scope?: string) => ({
		type: 'oauth2-client-credentials' as const,
		tokenUrl: `${sink.url}/token`,
		clientId: 'pushmap',
		clientSecret: 'client-secret-42',
		scope
	});

	function oauthSink(rejectedTokens: Set<string>) {
		let issued = 0;
		sink.respondWith((request) => {
			if (request.path === '/token') {
				issued++;
				return {
					status: 200,
					headers: { 'Content-Type': 'application/json' },
					body: JSON.stringify({
						access_token: `tok-${issued}`,
						token_type: 'Bearer',
						expires_in: 3600
					})
				};
			}
			const token = request.headers.authorization?.replace('Bearer ', '') ?? '';
			return rejectedTokens.has(token) ? { status: 401 } : { status: 200 };
		});
	}

	it('fetches one token and reuses it for several deliveries', async () => {
		oauthSink(new Set());
		const guard = guardAllowing(['127.0.0.1']);
		for (let i = 0; i < 3; i++) {
			const result = await send(post(`${sink.url}/api`), {
				guard,
				auth: credentials('invoices:write')
			});
			expect(result.outcome).toBe('success');
		}

		const tokenRequests = sink.requests.filter((request) => request.path === '/token');
		expect(tokenRequests).toHaveLength(1);
		expect(tokenRequests[0].body).toBe('grant_type=client_credentials&scope=invoices%3Awrite');
		expect(tokenRequests[0].headers.authorization).toBe(
			`Basic ${Buffer.from('pushmap:client-secret-42').toString('base64')}`
		);
		const apiAuth = sink.requests
			.filter((request) => request.path === '/api')
			.map((request) => request.headers.authorization);
		expect(apiAuth).toEqual(['Bearer tok-1', 'Bearer tok-1', 'Bearer tok-1']);
	});

	it('fetches a new token after a 401 and sends once more', async () => {
		const rejected = new Set<string>();
		oauthSink(rejected);
		const guard = guardAllowing(['127.0.0.1']);
		await send(post(`${sink.url}/api`), { guard, auth: credentials() });
		rejected.add('tok-1');

		const result = await send(post(`${sink.url}/api`), { guard, auth: credentials() });

		expect(result.outcome).toBe('success');
		expect(
			sink.requests.map((request) => [request.path, request.headers.authorization?.slice(0, 12)])
		).toEqual([
			['/token', 'Basic cHVzaG'],
			['/api', 'Bearer tok-1'],
			['/api', 'Bearer tok-1'],
			['/token', 'Basic cHVzaG'],
			['/api', 'Bearer tok-2']
		]);
		expect(JSON.stringify(result)).not.toContain('tok-2');
	});

	it('fails for good when the token endpoint rejects the client', async () => {
		sink.respondWith({
			status: 400,
			headers: { 'Content-Type': 'application/json' },
			body: '{"error":"invalid_client","error_description":"Unknown client"}'
		});
		const result = await send(post(`${sink.url}/api`), {
			guard: guardAllowing(['127.0.0.1']),
			auth: credentials()
		});

		expect(result.outcome).toBe('fail');
		expect(result.errorCode).toBe('oauth2');
		expect(result.error).toBe(
			`The OAuth 2 token endpoint ${sink.url}/token answered 400 (invalid_client: Unknown client). ` +
				"Check the credential's client id, secret and scope."
		);
		expect(sink.requests.map((request) => request.path)).toEqual(['/token']);
	});

	it('refuses a token URL the guard does not allow', async () => {
		const result = await send(post(`${sink.url}/api`), {
			guard: guardAllowing([]),
			auth: credentials()
		});

		expect(result.outcome).toBe('fail');
		expect(result.errorCode).toBe('outbound-refused');
		expect(result.error).toContain(`for ${sink.url}/token`);
	});
});
