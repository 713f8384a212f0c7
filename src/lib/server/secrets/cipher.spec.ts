import { randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { decryptSecret, encryptSecret } from './cipher';

describe('secret encryption', () => {
	const key = randomBytes(32);

	it('opens what it sealed, and seals the same text differently each time', () => {
		const sealed = encryptSecret(key, 'smtp-password-ü');
		expect(decryptSecret(key, sealed)).toBe('smtp-password-ü');
		expect(encryptSecret(key, 'smtp-password-ü')).not.toBe(sealed);
		expect(sealed).not.toContain('smtp');
	});

	it('refuses a tampered value and a wrong key', () => {
		const sealed = encryptSecret(key, 'token');
		const parts = sealed.split('.');
		const flipped = Buffer.from(parts[3], 'base64');
		flipped[0] ^= 1;
		parts[3] = flipped.toString('base64');
		expect(() => decryptSecret(key, parts.join('.'))).toThrow();
		expect(() => decryptSecret(randomBytes(32), sealed)).toThrow();
	});

	it('explains a value that is not a sealed secret', () => {
		expect(() => decryptSecret(key, 'hello')).toThrow('not in a format Pushmap can read');
	});
});
