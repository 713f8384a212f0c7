/**
 * The key that encrypts credentials at rest. PUSHMAP_SECRET_KEY wins; without it a key is
 * generated once into the data directory, so a fresh install is safe by default and an
 * operator can move the key into their secret store later.
 */

import { randomBytes, createHash } from 'node:crypto';
import fs from 'node:fs/promises';
import path from 'node:path';
import type { Logger } from '../log';

export async function resolveSecretKey(
	configured: string | undefined,
	dataDir: string,
	log: Logger
): Promise<Buffer> {
	if (configured) return deriveKey(configured);

	const file = path.join(dataDir, 'secret.key');
	try {
		return deriveKey((await fs.readFile(file, 'utf8')).trim());
	} catch (error) {
		if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
	}

	const generated = randomBytes(32).toString('base64url');
	await fs.mkdir(dataDir, { recursive: true });
	await fs.writeFile(file, generated + '\n', { mode: 0o600, flag: 'wx' }).catch(async (error) => {
		// Another instance wrote it first: use theirs.
		if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
	});
	log.warn(
		{ file },
		'PUSHMAP_SECRET_KEY is not set: generated a key into the data directory. Back it up; credentials cannot be read without it.'
	);
	return deriveKey((await fs.readFile(file, 'utf8')).trim());
}

/** Any string of enough entropy becomes a 256-bit key. */
function deriveKey(secret: string): Buffer {
	if (secret.length < 16) {
		throw new Error('PUSHMAP_SECRET_KEY must be at least 16 characters; 32 random bytes are best.');
	}
	return createHash('sha256').update(secret).digest();
}
