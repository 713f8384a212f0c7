/**
 * IP addresses as numbers, so ranges can be compared with plain arithmetic. Validation is left
 * to Node's `net.isIP`; this file only turns a valid address into a number and back.
 */

import { isIPv4, isIPv6 } from 'node:net';

export type IpFamily = 4 | 6;

export interface IpAddress {
	family: IpFamily;
	/** The address as an unsigned 32-bit (IPv4) or 128-bit (IPv6) number. */
	value: bigint;
}

/** Parses an IPv4 or IPv6 address (brackets and an IPv6 zone such as `%eth0` are dropped). */
export function parseIp(text: string): IpAddress | null {
	const bare = text.replace(/^\[(.*)\]$/, '$1').replace(/%.*$/, '');
	if (isIPv4(bare)) {
		return { family: 4, value: ipv4Value(bare) };
	}
	if (isIPv6(bare)) {
		return { family: 6, value: ipv6Value(bare) };
	}
	return null;
}

function ipv4Value(text: string): bigint {
	return text.split('.').reduce((value, octet) => (value << 8n) | BigInt(Number(octet)), 0n);
}

function ipv6Value(text: string): bigint {
	const groups = ipv6Groups(text);
	return groups.reduce((value, group) => (value << 16n) | BigInt(group), 0n);
}

/** The eight 16-bit groups of an IPv6 address, with `::` expanded and a dotted tail converted. */
function ipv6Groups(text: string): number[] {
	const hex = text.replace(/(\d+\.\d+\.\d+\.\d+)$/, (dotted) => {
		const v4 = Number(ipv4Value(dotted));
		return `${(v4 >>> 16).toString(16)}:${(v4 & 0xffff).toString(16)}`;
	});
	const [left, right] = hex.includes('::') ? hex.split('::') : [hex, ''];
	const leftGroups = groupsOf(left);
	const rightGroups = groupsOf(right);
	const zeros = new Array(8 - leftGroups.length - rightGroups.length).fill(0);
	return [...leftGroups, ...zeros, ...rightGroups];
}

function groupsOf(part: string): number[] {
	return part === '' ? [] : part.split(':').map((group) => parseInt(group, 16));
}

/** The IPv4 address held in the low 32 bits of an IPv6 value, in dotted form. */
export function embeddedIpv4(value: bigint): IpAddress {
	return { family: 4, value: value & 0xffffffffn };
}

/** Writes an address the way people read it: dotted IPv4, or IPv6 groups without zero runs. */
export function formatIp(address: IpAddress): string {
	if (address.family === 4) {
		return [24n, 16n, 8n, 0n].map((shift) => String((address.value >> shift) & 0xffn)).join('.');
	}
	const groups: string[] = [];
	for (let shift = 112n; shift >= 0n; shift -= 16n) {
		groups.push(((address.value >> shift) & 0xffffn).toString(16));
	}
	return compressZeros(groups);
}

function compressZeros(groups: string[]): string {
	let bestStart = -1;
	let bestLength = 0;
	for (let start = 0; start < groups.length; start++) {
		let length = 0;
		while (groups[start + length] === '0') length++;
		if (length > bestLength && length > 1) {
			bestStart = start;
			bestLength = length;
		}
	}
	if (bestStart === -1) {
		return groups.join(':');
	}
	const left = groups.slice(0, bestStart).join(':');
	const right = groups.slice(bestStart + bestLength).join(':');
	return `${left}::${right}`;
}

/** A network: every address whose first `prefix` bits equal those of `network`. */
export interface IpRange {
	family: IpFamily;
	network: bigint;
	prefix: number;
}

/** Parses `10.0.0.0/8` or `fc00::/7`; host bits set below the prefix are cleared. */
export function parseRange(text: string): IpRange | null {
	const match = /^(.+)\/(\d{1,3})$/.exec(text);
	if (!match) {
		return null;
	}
	const address = parseIp(match[1]);
	const prefix = Number(match[2]);
	if (!address || prefix > bitsOf(address.family)) {
		return null;
	}
	return { family: address.family, network: maskOf(address.value, address.family, prefix), prefix };
}

/** Whether the address lies in the range; an IPv4 address never lies in an IPv6 range. */
export function rangeContains(range: IpRange, address: IpAddress): boolean {
	if (range.family !== address.family) {
		return false;
	}
	return maskOf(address.value, address.family, range.prefix) === range.network;
}

function maskOf(value: bigint, family: IpFamily, prefix: number): bigint {
	const bits = BigInt(bitsOf(family));
	const hostBits = bits - BigInt(prefix);
	return (value >> hostBits) << hostBits;
}

function bitsOf(family: IpFamily): number {
	return family === 4 ? 32 : 128;
}
