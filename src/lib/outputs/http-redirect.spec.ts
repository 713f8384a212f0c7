import { describe, expect, it } from 'vitest';
import type { Hop } from './http-exchange';
import { nextHop } from './http-redirect';

const post: Hop = {
	method: 'POST',
	url: new URL('https://a.example/start'),
	headers: {
		Authorization: 'Bearer t',
		'X-Key': 'k',
		'Content-Type': 'application/json',
		'Idempotency-Key': 'd1'
	},
	body: '{}'
};

function next(status: number, location: string, hop: Hop = post) {
	const result = nextHop(hop, status, location, ['x-key']);
	if (!result.ok) throw new Error(result.error);
	return result.hop;
}

describe('nextHop', () => {
	it('turns a POST into a GET without body on 301, 302 and 303', () => {
		for (const status of [301, 302, 303]) {
			const hop = next(status, '/next');
			expect([hop.method, hop.body, hop.headers['Content-Type']]).toEqual(['GET', null, undefined]);
			expect(hop.url.href).toBe('https://a.example/next');
		}
	});

	it('repeats the request as it was on 307 and 308', () => {
		for (const status of [307, 308]) {
			const hop = next(status, '/next');
			expect([hop.method, hop.body, hop.headers.Authorization]).toEqual(['POST', '{}', 'Bearer t']);
		}
	});

	it('keeps a PUT a PUT on 302', () => {
		expect(next(302, '/next', { ...post, method: 'PUT' }).method).toBe('PUT');
	});

	it('drops credentials but keeps the Idempotency-Key when leaving the origin', () => {
		const hop = next(307, 'https://b.example/x');
		expect(hop.headers).toEqual({ 'Content-Type': 'application/json', 'Idempotency-Key': 'd1' });
	});

	it('refuses to follow to another scheme', () => {
		const result = nextHop(post, 302, 'file:///etc/passwd', []);
		expect(!result.ok && result.error).toContain('only http and https are followed');
	});
});
