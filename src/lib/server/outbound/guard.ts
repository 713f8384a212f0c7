/**
 * The outbound guard: every HTTP and SMTP connection Pushmap opens goes through it. It
 * resolves the host itself and connects to the address it checked, so a name cannot pass the
 * check with one address and then connect to another (DNS rebinding).
 */

import { lookup as dnsLookup } from 'node:dns/promises';
import { isIP, type Socket } from 'node:net';
import type { Dispatcher } from 'undici';
import { classifyAddress } from './address-ranges';
import { findAllowRule, parseAllowList, type AllowRule } from './allow-list';
import { createGuardedAgent } from './guarded-agent';
import { openGuardedSocket } from './guarded-socket';
import { parseIp } from './ip-address';
import { OutboundRefusedError, type OutboundRefusal } from './refusal';

export interface ResolvedAddress {
	address: string;
	family: number;
}

/** Resolves a host name to its addresses; tests pass their own to stage DNS answers. */
export type LookupAddresses = (hostname: string) => Promise<ResolvedAddress[]>;

export interface OutboundGuardOptions {
	lookup?: LookupAddresses;
}

/** The address to connect to, or the error that stops the connection. */
export type ResolveResult =
	{ ok: true; address: string; family: number } | { ok: false; error: Error };

export interface OutboundGuard {
	readonly rules: AllowRule[];
	/** Whether a connection to `address` for `host:port` may go ahead; null when it may. */
	check(target: { host: string; port: number; address: string }): OutboundRefusal | null;
	/** Resolves `host` and picks the first address the policy lets through. */
	resolve(host: string, port: number): Promise<ResolveResult>;
	/** Opens a TCP connection to `host:port` through the guard (used for SMTP). */
	openSocket(host: string, port: number, timeoutMs: number): Promise<Socket>;
	/** One pooled keep-alive undici agent whose every new connection goes through the guard. */
	readonly dispatcher: Dispatcher;
	/** Closes the agent's pooled connections. */
	close(): Promise<void>;
}

/** Thrown at start when `PUSHMAP_OUTBOUND_ALLOW` has entries that do not parse. */
export class OutboundAllowError extends Error {}

/** Builds the guard from the `PUSHMAP_OUTBOUND_ALLOW` entries. */
export function createOutboundGuard(
	allow: string[],
	options: OutboundGuardOptions = {}
): OutboundGuard {
	const { rules, problems } = parseAllowList(allow);
	if (problems.length > 0) {
		throw new OutboundAllowError(problems.map((problem) => problem.message).join('\n'));
	}
	const lookup = options.lookup ?? lookupAll;

	const check: OutboundGuard['check'] = (target) => checkTarget(rules, target);
	const resolve: OutboundGuard['resolve'] = (host, port) =>
		resolveTarget(host, port, lookup, check);

	let agent: Dispatcher | null = null;
	return {
		rules,
		check,
		resolve,
		openSocket: (host, port, timeoutMs) => openGuardedSocket(resolve, host, port, timeoutMs),
		get dispatcher() {
			agent ??= createGuardedAgent(resolve);
			return agent;
		},
		async close() {
			await agent?.close();
			agent = null;
		}
	};
}

function checkTarget(
	rules: AllowRule[],
	target: { host: string; port: number; address: string }
): OutboundRefusal | null {
	const address = parseIp(target.address);
	if (!address) {
		return { code: 'outbound-refused', ...target, label: 'not an IP address' };
	}
	if (findAllowRule(rules, { host: target.host, port: target.port, address })) {
		return null;
	}
	const kind = classifyAddress(address);
	if (kind.kind === 'public') {
		return null;
	}
	return { code: 'outbound-refused', ...target, label: kind.label };
}

async function resolveTarget(
	host: string,
	port: number,
	lookup: LookupAddresses,
	check: OutboundGuard['check']
): Promise<ResolveResult> {
	const bare = host.replace(/^\[(.*)\]$/, '$1');
	let addresses: ResolvedAddress[];
	try {
		addresses = isIP(bare) ? [{ address: bare, family: isIP(bare) }] : await lookup(bare);
	} catch (error) {
		return { ok: false, error: error as Error };
	}

	// A name may resolve to several addresses; any allowed one will do, and when none is,
	// the first refusal explains why.
	let firstRefusal: OutboundRefusal | null = null;
	for (const { address, family } of addresses) {
		const refusal = check({ host: bare, port, address });
		if (!refusal) {
			return { ok: true, address, family };
		}
		firstRefusal ??= refusal;
	}
	if (!firstRefusal) {
		return { ok: false, error: noAddresses(bare) };
	}
	return { ok: false, error: new OutboundRefusedError(firstRefusal) };
}

async function lookupAll(hostname: string): Promise<ResolvedAddress[]> {
	return dnsLookup(hostname, { all: true });
}

function noAddresses(host: string): Error {
	return Object.assign(new Error(`${host} resolved to no addresses.`), { code: 'ENOTFOUND' });
}
