/**
 * `PUSHMAP_DEMO`: whether a first start seeds the walk-through of the seed's story. Read here
 * rather than in config.ts because only the demo uses it; a bad value still stops the start.
 */

import { ConfigError } from '../config';

export function demoEnabled(env: NodeJS.ProcessEnv = process.env): boolean {
	const value = (env.PUSHMAP_DEMO ?? '').trim().toLowerCase();
	if (value === '' || value === 'on') return true;
	if (value === 'off') return false;
	throw new ConfigError(`PUSHMAP_DEMO must be "on" or "off"; it is "${env.PUSHMAP_DEMO}".`);
}

/** Where this server answers on this machine, for the demo's deliveries to itself. */
export function ownAddress(host: string, port: number): { host: string; port: number } {
	const wildcard = host === '' || host === '0.0.0.0' || host === '::' || host === 'localhost';
	const ipv4 = /^\d{1,3}(\.\d{1,3}){3}$/.test(host);
	return { host: wildcard || !ipv4 ? '127.0.0.1' : host, port };
}
