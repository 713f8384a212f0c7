/**
 * The operator's exceptions to the public-only rule, from `PUSHMAP_OUTBOUND_ALLOW`.
 *
 * Entry syntax (comma-separated in the variable, case-insensitive):
 * - `billing.internal` — a host name, as written in URLs; any address it resolves to is allowed.
 * - `*.corp.example` — every subdomain of a name (not the name itself).
 * - `10.1.2.3`, `::1`, `[::1]` — one address.
 * - `10.0.0.0/8`, `fc00::/7` — a CIDR range.
 * - Names and single addresses may end in `:port` (`127.0.0.1:8025`, `[::1]:8443`,
 *   `mail.internal:25`) to allow that port only. Ranges always cover every port.
 *
 * Ports matter because allowing `127.0.0.1` opens every service on this machine, the
 * Pushmap server itself included; `127.0.0.1:8025` opens only the intended one.
 */

import { isIPv4, isIPv6 } from 'node:net';
import type { Problem } from '../../payload/types';
import {
	embeddedIpv4,
	parseIp,
	parseRange,
	rangeContains,
	type IpAddress,
	type IpRange
} from './ip-address';

export type AllowRule =
	| { kind: 'name'; name: string; port: number | null; entry: string }
	| { kind: 'subdomains'; suffix: string; port: number | null; entry: string }
	| { kind: 'range'; range: IpRange; port: number | null; entry: string };

/** Where a connection is going: the name from the URL and the address it resolved to. */
export interface OutboundTarget {
	host: string;
	port: number;
	address: IpAddress;
}

/** Parses every entry; entries that do not parse come back as problems, the rest as rules. */
export function parseAllowList(entries: string[]): { rules: AllowRule[]; problems: Problem[] } {
	const rules: AllowRule[] = [];
	const problems: Problem[] = [];
	for (const raw of entries) {
		const entry = raw.trim().toLowerCase();
		if (entry === '') continue;
		const rule = parseEntry(entry);
		if (rule) {
			rules.push(rule);
		} else {
			problems.push(invalidEntry(raw.trim()));
		}
	}
	return { rules, problems };
}

function invalidEntry(entry: string): Problem {
	return {
		code: 'outbound-allow-invalid',
		message:
			`PUSHMAP_OUTBOUND_ALLOW entry "${entry}" is not a host name, an IP address or a CIDR ` +
			'range. Write entries like mail.internal, *.corp.example, 127.0.0.1:8025, [::1]:8443 ' +
			'or 10.0.0.0/8, separated by commas.',
		details: { entry }
	};
}

function parseEntry(entry: string): AllowRule | null {
	if (entry.includes('/')) {
		const range = parseRange(entry.replace(/^\[(.*)\](\/\d+)$/, '$1$2'));
		return range ? { kind: 'range', range, port: null, entry } : null;
	}
	if (isIPv6(entry)) {
		return singleAddress(entry, null, entry);
	}

	const match = /^(\[[^\]]+\]|[^:]+)(?::(\d{1,5}))?$/.exec(entry);
	if (!match) {
		return null;
	}
	const port = match[2] === undefined ? null : Number(match[2]);
	if (port !== null && (port < 1 || port > 65535)) {
		return null;
	}
	return hostRule(match[1], port, entry);
}

function hostRule(host: string, port: number | null, entry: string): AllowRule | null {
	if (host.startsWith('[')) {
		return singleAddress(host, port, entry);
	}
	if (host.startsWith('*.')) {
		const suffix = normalizeName(host.slice(2));
		return suffix && !isIPv4(suffix) ? { kind: 'subdomains', suffix, port, entry } : null;
	}
	const name = normalizeName(host);
	if (name === null) {
		return null;
	}
	return isIPv4(name) ? singleAddress(name, port, entry) : { kind: 'name', name, port, entry };
}

function singleAddress(text: string, port: number | null, entry: string): AllowRule | null {
	const address = parseIp(text);
	if (!address) {
		return null;
	}
	const range: IpRange = {
		family: address.family,
		network: address.value,
		prefix: address.family === 4 ? 32 : 128
	};
	return { kind: 'range', range, port, entry };
}

/**
 * A host name the way the WHATWG URL parser writes it (lower case, punycode, and odd IPv4
 * spellings such as `0x7f.1` made dotted), so entries compare equal to URL host names.
 */
export function normalizeName(host: string): string | null {
	try {
		const hostname = new URL(`http://${host}/`).hostname;
		return hostname.replace(/\.$/, '') || null;
	} catch {
		return null;
	}
}

/** The first rule that lets this connection through, or null. */
export function findAllowRule(rules: AllowRule[], target: OutboundTarget): AllowRule | null {
	const host = normalizeName(target.host) ?? target.host.toLowerCase();
	const address = judgedAddress(target.address);
	return (
		rules.find((rule) => {
			if (rule.port !== null && rule.port !== target.port) return false;
			if (rule.kind === 'name') return host === rule.name;
			if (rule.kind === 'subdomains') return host.endsWith(`.${rule.suffix}`);
			return rangeContains(rule.range, address);
		}) ?? null
	);
}

const IPV4_MAPPED = parseRange('::ffff:0:0/96');

/** An IPv4-mapped IPv6 address is the IPv4 address it carries, for allowing as for refusing. */
function judgedAddress(address: IpAddress): IpAddress {
	if (IPV4_MAPPED && rangeContains(IPV4_MAPPED, address)) {
		return embeddedIpv4(address.value);
	}
	return address;
}
