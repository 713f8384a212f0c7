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
	/** Origins whose browser pages may push to action endpoints (CORS); `*` for any. */
	corsOrigins: string[];
	/** The largest push accepted, unless an action sets its own limit. */
	maxPushBytes: number;
	/** The largest payload stored with a run, unless an action sets its own. */
	maxStoredPayloadBytes: number;
	/** Deliveries one instance sends at once. */
	deliveryConcurrency: number;
	/** How long a worker holds a delivery it claimed before another may resume it. */
	deliveryLeaseSeconds: number;
	/** Days a run is kept before the scheduled purge deletes it, unless its action sets its own. */
	runRetentionDays: number;
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
		logLevel: env.LOG_LEVEL || 'info',
		corsOrigins: parseList(env.PUSHMAP_CORS_ORIGINS),
		maxPushBytes: parseBytes('PUSHMAP_MAX_PUSH_BYTES', env.PUSHMAP_MAX_PUSH_BYTES, 20 * MB),
		maxStoredPayloadBytes: parseBytes(
			'PUSHMAP_MAX_STORED_PAYLOAD_BYTES',
			env.PUSHMAP_MAX_STORED_PAYLOAD_BYTES,
			5 * MB
		),
		deliveryConcurrency: parseCount(
			'PUSHMAP_DELIVERY_CONCURRENCY',
			env.PUSHMAP_DELIVERY_CONCURRENCY,
			32
		),
		deliveryLeaseSeconds: parseCount(
			'PUSHMAP_DELIVERY_LEASE_SECONDS',
			env.PUSHMAP_DELIVERY_LEASE_SECONDS,
			120
		),
		runRetentionDays: parseCount('PUSHMAP_RUN_RETENTION_DAYS', env.PUSHMAP_RUN_RETENTION_DAYS, 30)
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

const MB = 1024 * 1024;

function parseCount(name: string, value: string | undefined, fallback: number): number {
	if (!value) return fallback;
	const count = Number(value);
	if (!Number.isInteger(count) || count < 1) {
		throw new ConfigError(`${name} must be a whole number of at least 1; it is "${value}".`);
	}
	return count;
}

/** A byte count, as a number or with a unit: "512kb", "20mb". */
function parseBytes(name: string, value: string | undefined, fallback: number): number {
	if (!value) return fallback;
	const match = /^(\d+)\s*(b|kb|mb|gb)?$/i.exec(value.trim());
	if (!match) {
		throw new ConfigError(`${name} must be a size like 20mb, 512kb or 1048576; it is "${value}".`);
	}
	const unit = { b: 1, kb: 1024, mb: MB, gb: 1024 * MB }[(match[2] ?? 'b').toLowerCase()] ?? 1;
	return Number(match[1]) * unit;
}

function parseList(value: string | undefined): string[] {
	if (!value) return [];
	return value
		.split(',')
		.map((item) => item.trim())
		.filter(Boolean);
}
