import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadConfig } from './config';

describe('configuration', () => {
	it('has a default for everything', () => {
		const config = loadConfig({});
		expect(config).toEqual({
			port: 3000,
			host: '0.0.0.0',
			origin: undefined,
			databaseUrl: undefined,
			dataDir: path.resolve('data'),
			secretKey: undefined,
			outboundAllow: [],
			logLevel: 'info',
			corsOrigins: [],
			maxPushBytes: 20 * 1024 * 1024,
			maxStoredPayloadBytes: 5 * 1024 * 1024,
			deliveryConcurrency: 32,
			deliveryLeaseSeconds: 120,
			runRetentionDays: 30
		});
	});

	it('reads each variable', () => {
		const config = loadConfig({
			PORT: '8080',
			DATABASE_URL: 'postgres://db/pushmap',
			PUSHMAP_DATA_DIR: '/var/lib/pushmap',
			PUSHMAP_OUTBOUND_ALLOW: ' 127.0.0.1, 10.0.0.0/8 ,,',
			LOG_LEVEL: 'debug'
		});
		expect(config.port).toBe(8080);
		expect(config.databaseUrl).toBe('postgres://db/pushmap');
		expect(config.dataDir).toBe('/var/lib/pushmap');
		expect(config.outboundAllow).toEqual(['127.0.0.1', '10.0.0.0/8']);
		expect(config.logLevel).toBe('debug');
	});

	it('names the variable that is wrong', () => {
		expect(() => loadConfig({ PORT: 'eighty' })).toThrow('PORT must be a whole number');
		expect(() => loadConfig({ PUSHMAP_MAX_PUSH_BYTES: 'lots' })).toThrow(
			'PUSHMAP_MAX_PUSH_BYTES must be a size like 20mb'
		);
	});

	it('reads sizes with or without a unit', () => {
		expect(loadConfig({ PUSHMAP_MAX_PUSH_BYTES: '512kb' }).maxPushBytes).toBe(512 * 1024);
		expect(loadConfig({ PUSHMAP_MAX_PUSH_BYTES: '2MB' }).maxPushBytes).toBe(2 * 1024 * 1024);
		expect(loadConfig({ PUSHMAP_MAX_PUSH_BYTES: '4096' }).maxPushBytes).toBe(4096);
	});
});
