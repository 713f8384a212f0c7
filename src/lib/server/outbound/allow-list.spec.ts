import { describe, expect, it } from 'vitest';
import { findAllowRule, parseAllowList } from './allow-list';
import { parseIp } from './ip-address';

function allows(entries: string[], host: string, port: number, address: string): boolean {
	const { rules, problems } = parseAllowList(entries);
	expect(problems).toEqual([]);
	return findAllowRule(rules, { host, port, address: parseIp(address)! }) !== null;
}

describe('parseAllowList', () => {
	it('accepts names, wildcards, addresses, bracketed IPv6, ports and CIDR ranges', () => {
		const { rules, problems } = parseAllowList([
			'Mail.Internal',
			'*.corp.example',
			'127.0.0.1:8025',
			'::1',
			'[::1]:8443',
			'10.0.0.0/8',
			'fc00::/7',
			'  ',
			'mail.internal:25'
		]);
		expect(problems).toEqual([]);
		expect(rules.map((rule) => [rule.kind, rule.port])).toEqual([
			['name', null],
			['subdomains', null],
			['range', 8025],
			['range', null],
			['range', 8443],
			['range', null],
			['range', null],
			['name', 25]
		]);
	});

	it('reports each entry that does not parse, with an example of what would', () => {
		const { problems } = parseAllowList([
			'10.0.0.0/33',
			'host:99999',
			'http://x/',
			'10.0.0.0/8:80'
		]);
		expect(problems.map((problem) => problem.details)).toEqual([
			{ entry: '10.0.0.0/33' },
			{ entry: 'host:99999' },
			{ entry: 'http://x/' },
			{ entry: '10.0.0.0/8:80' }
		]);
		expect(problems[0].message).toContain('PUSHMAP_OUTBOUND_ALLOW entry "10.0.0.0/33"');
		expect(problems[0].message).toContain('10.0.0.0/8');
	});
});

describe('findAllowRule', () => {
	it('allows a host by name whatever it resolves to, on any port unless one is given', () => {
		expect(allows(['mail.internal'], 'MAIL.internal.', 25, '10.1.1.1')).toBe(true);
		expect(allows(['mail.internal:25'], 'mail.internal', 587, '10.1.1.1')).toBe(false);
		expect(allows(['mail.internal'], 'other.internal', 25, '10.1.1.1')).toBe(false);
	});

	it('allows subdomains for a wildcard but not the bare name', () => {
		expect(allows(['*.corp.example'], 'a.b.corp.example', 443, '10.0.0.1')).toBe(true);
		expect(allows(['*.corp.example'], 'corp.example', 443, '10.0.0.1')).toBe(false);
		expect(allows(['*.corp.example'], 'evilcorp.example', 443, '10.0.0.1')).toBe(false);
	});

	it('allows an address or range by the resolved address, whatever the name', () => {
		expect(allows(['127.0.0.1'], 'localhost', 8080, '127.0.0.1')).toBe(true);
		expect(allows(['127.0.0.1:8080'], 'localhost', 8081, '127.0.0.1')).toBe(false);
		expect(allows(['10.0.0.0/8'], 'x', 1, '10.200.0.1')).toBe(true);
		expect(allows(['10.0.0.0/8'], 'x', 1, '11.0.0.1')).toBe(false);
		expect(allows(['[::1]:8443'], '::1', 8443, '::1')).toBe(true);
	});

	it('treats an IPv4-mapped address as its IPv4 address', () => {
		expect(allows(['127.0.0.1'], 'x', 1, '::ffff:127.0.0.1')).toBe(true);
		expect(allows(['::1'], 'x', 1, '::ffff:127.0.0.1')).toBe(false);
	});

	it('compares names the way URLs write them, so odd IPv4 spellings and IDNs match', () => {
		expect(allows(['0x7f.1'], 'x', 1, '127.0.0.1')).toBe(true);
		expect(allows(['bücher.example'], 'xn--bcher-kva.example', 1, '10.0.0.1')).toBe(true);
	});
});
