import { describe, expect, it } from 'vitest';
import { classifyAddress, type AddressKind } from './address-ranges';
import { parseIp } from './ip-address';

function kindOf(text: string): AddressKind {
	const address = parseIp(text);
	if (!address) throw new Error(`test address ${text} does not parse`);
	return classifyAddress(address).kind;
}

function labelOf(text: string): string {
	return classifyAddress(parseIp(text)!).label;
}

describe('classifyAddress', () => {
	const table: [string, AddressKind][] = [
		['8.8.8.8', 'public'],
		['1.1.1.1', 'public'],
		['93.184.216.34', 'public'],
		['0.0.0.0', 'unspecified'],
		['0.1.2.3', 'this-network'],
		['10.0.0.1', 'private'],
		['10.255.255.255', 'private'],
		['100.63.255.255', 'public'],
		['100.64.0.1', 'shared'],
		['100.127.255.255', 'shared'],
		['100.128.0.0', 'public'],
		['127.0.0.1', 'loopback'],
		['127.255.255.254', 'loopback'],
		['169.254.0.1', 'link-local'],
		['169.254.169.254', 'link-local'],
		['172.15.255.255', 'public'],
		['172.16.0.1', 'private'],
		['172.31.255.255', 'private'],
		['172.32.0.0', 'public'],
		['192.0.0.8', 'reserved'],
		['192.0.2.10', 'documentation'],
		['192.88.99.1', 'reserved'],
		['192.168.1.1', 'private'],
		['198.18.0.1', 'benchmarking'],
		['198.19.255.255', 'benchmarking'],
		['198.51.100.7', 'documentation'],
		['203.0.113.9', 'documentation'],
		['224.0.0.1', 'multicast'],
		['239.255.255.250', 'multicast'],
		['240.0.0.1', 'reserved'],
		['255.255.255.255', 'broadcast'],
		['2606:4700:4700::1111', 'public'],
		['2001:4860:4860::8888', 'public'],
		['::', 'unspecified'],
		['::1', 'loopback'],
		['::ffff:127.0.0.1', 'loopback'],
		['::ffff:7f00:1', 'loopback'],
		['::ffff:10.1.2.3', 'private'],
		['::ffff:169.254.169.254', 'link-local'],
		['::ffff:8.8.8.8', 'public'],
		['64:ff9b::127.0.0.1', 'loopback'],
		['64:ff9b::c0a8:101', 'private'],
		['64:ff9b::8.8.8.8', 'public'],
		['64:ff9b:1::1', 'private'],
		['::127.0.0.1', 'reserved'],
		['100::1', 'reserved'],
		['2001::1', 'reserved'],
		['2001:db8::1', 'documentation'],
		['2002:7f00:1::1', 'reserved'],
		['3fff::1', 'documentation'],
		['fc00::1', 'private'],
		['fd12:3456::1', 'private'],
		['fe80::1', 'link-local'],
		['fe80::1%eth0', 'link-local'],
		['fec0::1', 'private'],
		['ff02::1', 'multicast'],
		['4000::1', 'reserved']
	];

	it.each(table)('classifies %s as %s', (address, kind) => {
		expect(kindOf(address)).toBe(kind);
	});

	it('names the cloud metadata address in its label', () => {
		expect(labelOf('169.254.169.254')).toBe('link-local, the cloud metadata service');
	});

	it('says an IPv4-mapped address was judged by the IPv4 address it carries', () => {
		expect(labelOf('::ffff:127.0.0.1')).toBe('loopback, IPv4-mapped');
		expect(labelOf('64:ff9b::a00:1')).toBe('private, NAT64');
	});
});
