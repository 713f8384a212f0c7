/**
 * The undici agent behind every outgoing HTTP request: a keep-alive pool per origin whose new
 * connections are opened to the address the guard resolved and checked, never by undici's
 * own DNS lookup. Reused connections were checked when they were opened.
 */

import { isIP } from 'node:net';
import { Agent, buildConnector, type Dispatcher } from 'undici';
import type { ResolveResult } from './guard';

type Resolve = (host: string, port: number) => Promise<ResolveResult>;

/** Creates the pooled agent; `resolve` is the guard's resolve-and-check step. */
export function createGuardedAgent(resolve: Resolve): Dispatcher {
	return new Agent({ connect: guardedConnector(resolve) });
}

function guardedConnector(resolve: Resolve): buildConnector.connector {
	const connect = buildConnector({});
	return (options, callback) => {
		const host = options.hostname.replace(/^\[(.*)\]$/, '$1');
		const port = Number(options.port) || (options.protocol === 'https:' ? 443 : 80);

		resolve(host, port).then(
			(result) => {
				if (!result.ok) {
					callback(result.error, null);
					return;
				}
				// TLS still presents and verifies the name from the URL, not the address.
				const servername = options.servername || (isIP(host) ? undefined : host);
				connect({ ...options, hostname: result.address, servername }, callback);
			},
			(error: Error) => callback(error, null)
		);
	};
}
