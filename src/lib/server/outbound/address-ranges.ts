/**
 * Which addresses count as public. Everything that reaches this machine, its network, a
 * cloud's metadata service or no one at all is refused unless allowed; the ranges follow the
 * IANA special-purpose address registries for IPv4 and IPv6.
 */

import {
	embeddedIpv4,
	parseRange,
	rangeContains,
	type IpAddress,
	type IpRange
} from './ip-address';

export type AddressKind =
	| 'public'
	| 'unspecified'
	| 'this-network'
	| 'loopback'
	| 'private'
	| 'link-local'
	| 'shared'
	| 'multicast'
	| 'broadcast'
	| 'documentation'
	| 'benchmarking'
	| 'reserved';

export interface AddressClass {
	kind: AddressKind;
	/** Words for a person, e.g. `loopback` or `link-local, the cloud metadata service`. */
	label: string;
}

interface SpecialRange {
	range: IpRange;
	kind: AddressKind;
	label: string;
}

function special(cidr: string, kind: AddressKind, label: string = kind): SpecialRange {
	return { range: builtInRange(cidr), kind, label };
}

function builtInRange(cidr: string): IpRange {
	const range = parseRange(cidr);
	if (!range) {
		throw new Error(`The built-in range ${cidr} does not parse.`);
	}
	return range;
}

// Order matters: the first range that contains an address names it, so narrower ranges
// (the metadata address, the broadcast address) come before the wider ones around them.
const IPV4_RANGES: SpecialRange[] = [
	special('0.0.0.0/32', 'unspecified'),
	special('0.0.0.0/8', 'this-network', '"this network"'),
	special('10.0.0.0/8', 'private'),
	special('100.64.0.0/10', 'shared', 'carrier-grade NAT'),
	special('127.0.0.0/8', 'loopback'),
	special('169.254.169.254/32', 'link-local', 'link-local, the cloud metadata service'),
	special('169.254.0.0/16', 'link-local'),
	special('172.16.0.0/12', 'private'),
	special('192.0.0.0/24', 'reserved', 'reserved for IETF protocols'),
	special('192.0.2.0/24', 'documentation'),
	special('192.88.99.0/24', 'reserved', 'reserved, former 6to4 relays'),
	special('192.168.0.0/16', 'private'),
	special('198.18.0.0/15', 'benchmarking'),
	special('198.51.100.0/24', 'documentation'),
	special('203.0.113.0/24', 'documentation'),
	special('224.0.0.0/4', 'multicast'),
	special('255.255.255.255/32', 'broadcast'),
	special('240.0.0.0/4', 'reserved')
];

const IPV6_RANGES: SpecialRange[] = [
	special('::/128', 'unspecified'),
	special('::1/128', 'loopback'),
	special('64:ff9b:1::/48', 'private', 'private, local-use NAT64'),
	special('100::/64', 'reserved', 'reserved, discard-only'),
	special('2001:db8::/32', 'documentation'),
	special('2001::/23', 'reserved', 'reserved for IETF protocols, Teredo among them'),
	special('2002::/16', 'reserved', 'reserved, deprecated 6to4'),
	special('3fff::/20', 'documentation'),
	special('5f00::/16', 'reserved', 'reserved, segment routing'),
	special('fc00::/7', 'private', 'private, unique local'),
	special('fe80::/10', 'link-local'),
	special('fec0::/10', 'private', 'private, deprecated site-local'),
	special('ff00::/8', 'multicast')
];

/** IPv6 prefixes whose last 32 bits are an IPv4 address that the packets really go to. */
const IPV4_CARRIERS: { range: IpRange; name: string }[] = [
	{ range: builtInRange('::ffff:0:0/96'), name: 'IPv4-mapped' },
	{ range: builtInRange('64:ff9b::/96'), name: 'NAT64' }
];

/** Only 2000::/3 is handed out as global unicast; everything else in IPv6 is not public. */
const GLOBAL_UNICAST = builtInRange('2000::/3');

/**
 * Names the kind of an address. IPv4-mapped and NAT64 addresses are judged as the IPv4
 * address they carry, so `::ffff:127.0.0.1` is loopback like `127.0.0.1`.
 */
export function classifyAddress(address: IpAddress): AddressClass {
	if (address.family === 4) {
		return findSpecial(IPV4_RANGES, address) ?? { kind: 'public', label: 'public' };
	}

	const carrier = IPV4_CARRIERS.find(({ range }) => rangeContains(range, address));
	if (carrier) {
		const inner = classifyAddress(embeddedIpv4(address.value));
		const label = inner.kind === 'public' ? 'public' : `${inner.label}, ${carrier.name}`;
		return { kind: inner.kind, label };
	}

	const found = findSpecial(IPV6_RANGES, address);
	if (found) {
		return found;
	}
	if (!rangeContains(GLOBAL_UNICAST, address)) {
		return { kind: 'reserved', label: 'reserved, not global unicast' };
	}
	return { kind: 'public', label: 'public' };
}

function findSpecial(ranges: SpecialRange[], address: IpAddress): AddressClass | null {
	const found = ranges.find(({ range }) => rangeContains(range, address));
	return found ? { kind: found.kind, label: found.label } : null;
}
