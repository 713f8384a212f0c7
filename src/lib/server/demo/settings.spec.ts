import { describe, expect, it } from 'vitest';
import { demoEnabled, ownAddress } from './settings';

describe('the demo settings', () => {
	it('runs the demo unless PUSHMAP_DEMO is off, and refuses other values', () => {
		expect(demoEnabled({})).toBe(true);
		expect(demoEnabled({ PUSHMAP_DEMO: 'on' })).toBe(true);
		expect(demoEnabled({ PUSHMAP_DEMO: ' OFF ' })).toBe(false);
		expect(() => demoEnabled({ PUSHMAP_DEMO: 'no' })).toThrow(
			'PUSHMAP_DEMO must be "on" or "off"; it is "no".'
		);
	});

	it('reaches this server on loopback unless it is bound to one IPv4 address', () => {
		expect(ownAddress('0.0.0.0', 3000)).toEqual({ host: '127.0.0.1', port: 3000 });
		expect(ownAddress('::', 3000)).toEqual({ host: '127.0.0.1', port: 3000 });
		expect(ownAddress('10.1.2.3', 8080)).toEqual({ host: '10.1.2.3', port: 8080 });
	});
});
