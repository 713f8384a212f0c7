/**
 * Passwords are hashed with scrypt, a memory-hard function built into Node: each guess costs
 * an attacker 64 MiB of memory. The parameters travel with the hash so they can be raised
 * later without invalidating existing accounts.
 */

import { randomBytes, scrypt, timingSafeEqual, type ScryptOptions } from 'node:crypto';
import { MIN_PASSWORD_LENGTH } from '../../password-rules';

const COST = 2 ** 16;
const BLOCK_SIZE = 8;
const PARALLELISM = 1;
const KEY_LENGTH = 32;
export { MIN_PASSWORD_LENGTH };

export async function hashPassword(password: string): Promise<string> {
	const salt = randomBytes(16);
	const hash = await derive(password, salt, COST, BLOCK_SIZE, PARALLELISM);
	return [
		'scrypt',
		COST,
		BLOCK_SIZE,
		PARALLELISM,
		salt.toString('base64'),
		hash.toString('base64')
	].join('$');
}

export async function verifyPassword(password: string, stored: string): Promise<boolean> {
	const [scheme, cost, blockSize, parallelism, salt, hash] = stored.split('$');
	if (scheme !== 'scrypt' || !salt || !hash) return false;
	const expected = Buffer.from(hash, 'base64');
	const actual = await derive(
		password,
		Buffer.from(salt, 'base64'),
		Number(cost),
		Number(blockSize),
		Number(parallelism)
	);
	return actual.length === expected.length && timingSafeEqual(actual, expected);
}

/** A hash of nothing, checked when an account does not exist so timing reveals nothing. */
let decoy: Promise<string> | undefined;
export function decoyHash(): Promise<string> {
	return (decoy ??= hashPassword(randomBytes(16).toString('hex')));
}

/** Why a new password is refused, or null when it is acceptable. */
export function passwordProblem(password: string): string | null {
	if (password.length < MIN_PASSWORD_LENGTH) {
		return `Use at least ${MIN_PASSWORD_LENGTH} characters.`;
	}
	if (password.length > 1024) return 'Use at most 1,024 characters.';
	return null;
}

function derive(
	password: string,
	salt: Buffer,
	cost: number,
	blockSize: number,
	parallelism: number
): Promise<Buffer> {
	const options: ScryptOptions = {
		N: cost,
		r: blockSize,
		p: parallelism,
		maxmem: 256 * cost * blockSize
	};
	return new Promise((resolve, reject) => {
		scrypt(password.normalize('NFKC'), salt, KEY_LENGTH, options, (error, key) =>
			error ? reject(error) : resolve(key)
		);
	});
}
