import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { formatIp, parseIp, parseRange, rangeContains } from './ip-address';

describe('parseIp', () => {
	it('reads IPv4 addresses as 32-bit numbers', () => {
		expect(parseIp('127.0.0.1')).toEqual({ family: 4, value: 0x7f000001n });
	});

	it('reads IPv6 addresses with zero runs, brackets, zones and dotted tails', () => {
		expect(parseIp('::1')).toEqual({ family: 6, value: 1n });
		expect(parseIp('[fe80::1%eth0]')).toEqual({ family: 6, value: (0xfe80n << 112n) | 1n });
		expect(parseIp('::ffff:127.0.0.1')).toEqual(parseIp('::ffff:7f00:1'));
		expect(parseIp('1:2:3:4:5:6:1.2.3.4')).toEqual(parseIp('1:2:3:4:5:6:102:304'));
	});

	it('returns null for anything that is not an address', () => {
		expect(parseIp('localhost')).toBeNull();
		expect(parseIp('0x7f.1')).toBeNull();
		expect(parseIp('1.2.3.256')).toBeNull();
		expect(parseIp('')).toBeNull();
	});

	it('reads back every IPv6 address it writes', () => {
		fc.assert(
			fc.property(fc.bigInt({ min: 0n, max: (1n << 128n) - 1n }), (value) => {
				expect(parseIp(formatIp({ family: 6, value }))).toEqual({ family: 6, value });
			})
		);
	});

	it('writes IPv4 addresses dotted and IPv6 addresses with the longest zero run compressed', () => {
		expect(formatIp({ family: 4, value: 0xc0a80101n })).toBe('192.168.1.1');
		expect(formatIp(parseIp('2001:db8:0:0:1:0:0:1')!)).toBe('2001:db8::1:0:0:1');
	});
});

describe('parseRange', () => {
	it('contains exactly the addresses under its prefix', () => {
		const range = parseRange('172.16.0.0/12')!;
		expect(rangeContains(range, parseIp('172.31.255.255')!)).toBe(true);
		expect(rangeContains(range, parseIp('172.32.0.0')!)).toBe(false);
		expect(rangeContains(parseRange('::1/128')!, parseIp('::1')!)).toBe(true);
		expect(rangeContains(parseRange('0.0.0.0/0')!, parseIp('::1')!)).toBe(false);
	});

	it('clears host bits written below the prefix', () => {
		expect(parseRange('10.1.2.3/8')).toEqual(parseRange('10.0.0.0/8'));
	});

	it('rejects prefixes longer than the address', () => {
		expect(parseRange('10.0.0.0/33')).toBeNull();
		expect(parseRange('::/129')).toBeNull();
		expect(parseRange('10.0.0.0')).toBeNull();
	});
});
