/** AES-256-GCM for secrets at rest: authenticated, so a tampered value fails to open. */

import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';

const VERSION = 'v1';

export function encryptSecret(key: Buffer, plaintext: string): string {
	const iv = randomBytes(12);
	const cipher = createCipheriv('aes-256-gcm', key, iv);
	const ciphertext = Buffer.concat([cipher.update(plaintext, 'utf8'), cipher.final()]);
	const tag = cipher.getAuthTag();
	return [VERSION, iv, tag, ciphertext]
		.map((part) => (typeof part === 'string' ? part : part.toString('base64')))
		.join('.');
}

export function decryptSecret(key: Buffer, sealed: string): string {
	const [version, iv, tag, ciphertext] = sealed.split('.');
	if (version !== VERSION || !iv || !tag || ciphertext === undefined) {
		throw new Error('This secret is not in a format Pushmap can read.');
	}
	const decipher = createDecipheriv('aes-256-gcm', key, Buffer.from(iv, 'base64'));
	decipher.setAuthTag(Buffer.from(tag, 'base64'));
	return Buffer.concat([
		decipher.update(Buffer.from(ciphertext, 'base64')),
		decipher.final()
	]).toString('utf8');
}
