import { describe, expect, it } from 'vitest';
import { hashPassword, passwordProblem, verifyPassword } from './password';

describe('password hashing', () => {
	it('verifies the password it hashed and refuses any other', async () => {
		const hash = await hashPassword('correct horse battery');
		expect(hash).toMatch(/^scrypt\$65536\$8\$1\$[\w+/=]+\$[\w+/=]+$/);
		expect(await verifyPassword('correct horse battery', hash)).toBe(true);
		expect(await verifyPassword('correct horse batterY', hash)).toBe(false);
	});

	it('salts each hash, so equal passwords hash differently', async () => {
		const [a, b] = await Promise.all([
			hashPassword('same password'),
			hashPassword('same password')
		]);
		expect(a).not.toBe(b);
	});

	it('refuses a stored value that is not a Pushmap hash', async () => {
		expect(await verifyPassword('anything', 'plaintext')).toBe(false);
		expect(await verifyPassword('anything', '')).toBe(false);
	});

	it('explains a password that is too short or too long', () => {
		expect(passwordProblem('short')).toBe('Use at least 10 characters.');
		expect(passwordProblem('x'.repeat(2000))).toBe('Use at most 1,024 characters.');
		expect(passwordProblem('long enough now')).toBeNull();
	});
});
