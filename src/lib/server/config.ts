/**
 * Configuration comes from environment variables only; each is documented in the README
 * with its default. Parsing happens once, at start, and a bad value stops the start with a
 * message that names the variable.
 */

import path from 'node:path';

export interface Config {
	port: number;
	host: string;
	origin: string | undefined;
	databaseUrl: string | undefined;
	dataDir: string;
	secretKey: string | undefined;
	outboundAllow: string[];
	logLevel: string;
}

export class ConfigError extends Error {}

export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
	return {
		port: parsePort(env.PORT),
		host: env.HOST || '0.0.0.0',
		origin: env.ORIGIN || undefined,
		databaseUrl: env.DATABASE_URL || undefined,
		dataDir: path.resolve(env.PUSHMAP_DATA_DIR || 'data'),
		secretKey: env.PUSHMAP_SECRET_KEY || undefined,
		outboundAllow: parseList(env.PUSHMAP_OUTBOUND_ALLOW),
		logLevel: env.LOG_LEVEL || 'info'
	};
}

function parsePort(value: string | undefined): number {
	if (!value) return 3000;
	const port = Number(value);
	if (!Number.isInteger(port) || port < 0 || port > 65535) {
		throw new ConfigError(`PORT must be a whole number from 0 to 65535; it is "${value}".`);
	}
	return port;
}

function parseList(value: string | undefined): string[] {
	if (!value) return [];
	return value
		.split(',')
		.map((item) => item.trim())
		.filter(Boolean);
}
