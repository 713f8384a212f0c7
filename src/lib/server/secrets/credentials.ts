/**
 * Stored credentials: the secret fields are sealed with the install's key before they
 * reach the database and opened only on the server, when a push is checked or an output
 * sent. Lists and the API show names, types and public fields only.
 */

import { asc, eq } from 'drizzle-orm';
import type { Database } from '../db/client';
import { credentials, credentialTypes, type CredentialType } from '../db/schema';
import { decryptSecret, encryptSecret } from './cipher';
import { CREDENTIAL_FIELDS } from './credential-types';

export const CREDENTIAL_NAME = /^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$/;

export interface CredentialInput {
	name: string;
	type: string;
	/** Every field of the type; on update, a secret field left empty keeps its value. */
	fields: Record<string, unknown>;
}

export interface OpenedCredential {
	name: string;
	type: CredentialType;
	publicFields: Record<string, unknown>;
	secretFields: Record<string, unknown>;
}

export type CredentialProblem = { field: string; message: string };

export async function listCredentials(db: Database) {
	return db
		.select({
			name: credentials.name,
			type: credentials.type,
			publicFields: credentials.publicFields,
			updatedAt: credentials.updatedAt
		})
		.from(credentials)
		.orderBy(asc(credentials.name));
}

/** Creates or replaces a credential. Returns the problems with the input, if any. */
export async function saveCredential(
	db: Database,
	key: Buffer,
	input: CredentialInput
): Promise<CredentialProblem[]> {
	const type = credentialTypes.find((t) => t === input.type);
	if (!type) {
		return [{ field: 'type', message: `Choose one of: ${credentialTypes.join(', ')}.` }];
	}
	if (!CREDENTIAL_NAME.test(input.name)) {
		return [
			{
				field: 'name',
				message:
					'Use 1–64 letters, digits, dots, dashes or underscores, starting with a letter or digit.'
			}
		];
	}

	const existing = await openCredential(db, key, input.name);
	const keep = existing?.type === type ? existing.secretFields : {};
	const split = splitFields(type, input.fields, keep);
	if (split.problems.length > 0) return split.problems;

	const values = {
		name: input.name,
		type,
		publicFields: split.publicFields,
		encryptedSecret: encryptSecret(key, JSON.stringify(split.secretFields)),
		updatedAt: new Date()
	};
	await db
		.insert(credentials)
		.values(values)
		.onConflictDoUpdate({ target: credentials.name, set: values });
	forget(input.name);
	return [];
}

export async function deleteCredential(db: Database, name: string): Promise<boolean> {
	const removed = await db
		.delete(credentials)
		.where(eq(credentials.name, name))
		.returning({ name: credentials.name });
	forget(name);
	return removed.length > 0;
}

// Opened credentials are kept briefly so that a burst of pushes does not open the same
// one each time. Changes made on this instance apply at once; another instance sees them
// within CACHE_MS.
const CACHE_MS = 5_000;
const cache = new Map<string, { at: number; value: OpenedCredential | null }>();

function forget(name: string) {
	cache.delete(name);
}

export async function openCredential(
	db: Database,
	key: Buffer,
	name: string
): Promise<OpenedCredential | null> {
	const cached = cache.get(name);
	if (cached && Date.now() - cached.at < CACHE_MS) return cached.value;

	const [row] = await db.select().from(credentials).where(eq(credentials.name, name)).limit(1);
	const value: OpenedCredential | null = row
		? {
				name: row.name,
				type: row.type,
				publicFields: row.publicFields as Record<string, unknown>,
				secretFields: JSON.parse(decryptSecret(key, row.encryptedSecret))
			}
		: null;
	cache.set(name, { at: Date.now(), value });
	return value;
}

function splitFields(
	type: CredentialType,
	given: Record<string, unknown>,
	keep: Record<string, unknown>
) {
	const publicFields: Record<string, unknown> = {};
	const secretFields: Record<string, unknown> = {};
	const problems: CredentialProblem[] = [];

	for (const spec of CREDENTIAL_FIELDS[type]) {
		let value = coerce(given[spec.name], spec.kind);
		if (spec.secret && (value === undefined || value === '')) value = keep[spec.name];
		if (value === undefined || value === '') {
			if (spec.required) problems.push({ field: spec.name, message: `${spec.label} is required.` });
			continue;
		}
		if (value === null) {
			problems.push({ field: spec.name, message: `${spec.label} must be a ${spec.kind}.` });
			continue;
		}
		(spec.secret ? secretFields : publicFields)[spec.name] = value;
	}
	return { publicFields, secretFields, problems };
}

/** Form fields arrive as strings; null means "present but not of the right kind". */
function coerce(value: unknown, kind: string | undefined): unknown {
	if (value === undefined || value === null || value === '') return undefined;
	if (kind === 'number') {
		const number = Number(value);
		return Number.isInteger(number) && number > 0 ? number : null;
	}
	if (kind === 'boolean') return value === true || value === 'true' || value === 'on';
	if (kind === 'url') {
		try {
			return new URL(String(value)).toString();
		} catch {
			return null;
		}
	}
	return typeof value === 'string' ? value : null;
}
