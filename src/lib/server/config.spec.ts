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
			logLevel: 'info'
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
	});
});
