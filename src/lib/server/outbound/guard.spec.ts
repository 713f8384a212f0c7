import { describe, expect, it } from 'vitest';
import { createOutboundGuard, OutboundAllowError, type LookupAddresses } from './guard';
import { OutboundRefusedError } from './refusal';

function staged(answers: Record<string, string[][]>): LookupAddresses {
	return async (hostname) => {
		const queue = answers[hostname];
		if (!queue || queue.length === 0) {
			throw Object.assign(new Error(`getaddrinfo ENOTFOUND ${hostname}`), { code: 'ENOTFOUND' });
		}
		const next = queue.length > 1 ? queue.shift()! : queue[0];
		return next.map((address) => ({ address, family: address.includes(':') ? 6 : 4 }));
	};
}

describe('createOutboundGuard', () => {
	it('refuses to start on an entry it cannot read, naming the variable', () => {
		expect(() => createOutboundGuard(['10.0.0.0/40'])).toThrow(OutboundAllowError);
		expect(() => createOutboundGuard(['10.0.0.0/40'])).toThrow(/PUSHMAP_OUTBOUND_ALLOW/);
	});

	it('lets public addresses through and refuses others with a reason', () => {
		const guard = createOutboundGuard([]);
		expect(guard.check({ host: 'example.com', port: 443, address: '93.184.216.34' })).toBeNull();
		expect(guard.check({ host: 'localhost', port: 8080, address: '127.0.0.1' })).toEqual({
			code: 'outbound-refused',
			host: 'localhost',
			port: 8080,
			address: '127.0.0.1',
			label: 'loopback'
		});
	});

	it('lets an allowed address through', () => {
		const guard = createOutboundGuard(['127.0.0.1']);
		expect(guard.check({ host: 'localhost', port: 8080, address: '127.0.0.1' })).toBeNull();
		expect(guard.check({ host: 'localhost', port: 8080, address: '::1' })?.label).toBe('loopback');
	});
});

describe('guard.resolve', () => {
	it('checks the address a name resolves to on every call, so a rebinding name is caught', async () => {
		const guard = createOutboundGuard([], {
			lookup: staged({ 'rebind.example': [['93.184.216.34'], ['127.0.0.1']] })
		});
		expect(await guard.resolve('rebind.example', 80)).toEqual({
			ok: true,
			address: '93.184.216.34',
			family: 4
		});

		const second = await guard.resolve('rebind.example', 80);
		expect(second.ok).toBe(false);
		const error = !second.ok ? second.error : null;
		expect(error).toBeInstanceOf(OutboundRefusedError);
		expect(error?.message).toBe(
			'Refused to connect to 127.0.0.1 (loopback) for rebind.example:80. ' +
				'Add the host to PUSHMAP_OUTBOUND_ALLOW if this target is intended.'
		);
	});

	it('picks the first allowed address of a name that has several', async () => {
		const guard = createOutboundGuard([], {
			lookup: staged({ 'mixed.example': [['10.0.0.5', '93.184.216.34']] })
		});
		expect(await guard.resolve('mixed.example', 443)).toMatchObject({ address: '93.184.216.34' });
	});

	it('refuses address literals without looking anything up', async () => {
		const guard = createOutboundGuard([], { lookup: staged({}) });
		const result = await guard.resolve('[::ffff:169.254.169.254]', 80);
		expect(!result.ok && result.error.message).toContain(
			'::ffff:169.254.169.254 (link-local, the cloud metadata service, IPv4-mapped)'
		);
	});

	it('passes DNS failures on as they are, for the sender to retry', async () => {
		const guard = createOutboundGuard([], { lookup: staged({}) });
		const result = await guard.resolve('missing.example', 80);
		expect(!result.ok && (result.error as NodeJS.ErrnoException).code).toBe('ENOTFOUND');
	});
});
