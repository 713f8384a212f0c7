/**
 * What each kind of credential holds, split into fields that may be shown (a username, an
 * SMTP host) and fields that are secret (encrypted, never sent back to a browser).
 */

import type { CredentialType } from '../db/schema';

interface FieldSpec {
	name: string;
	label: string;
	secret: boolean;
	required: boolean;
	kind?: 'text' | 'number' | 'boolean' | 'url';
}

const field = (
	name: string,
	label: string,
	secret: boolean,
	required = true,
	kind: FieldSpec['kind'] = 'text'
): FieldSpec => ({ name, label, secret, required, kind });

export const CREDENTIAL_FIELDS: Record<CredentialType, FieldSpec[]> = {
	secret: [field('value', 'Secret value', true)],
	basic: [field('username', 'Username', false), field('password', 'Password', true)],
	bearer: [field('token', 'Token', true)],
	'api-key': [field('value', 'API key', true)],
	'oauth2-client-credentials': [
		field('tokenUrl', 'Token URL', false, true, 'url'),
		field('clientId', 'Client id', false),
		field('clientSecret', 'Client secret', true),
		field('scope', 'Scope', false, false)
	],
	smtp: [
		field('host', 'SMTP host', false),
		field('port', 'Port', false, true, 'number'),
		field('secure', 'TLS from the start (port 465)', false, false, 'boolean'),
		field('username', 'Username', false, false),
		field('password', 'Password', true, false)
	]
};

export const CREDENTIAL_TYPE_LABELS: Record<CredentialType, string> = {
	secret: 'Secret (endpoint token, API key or HMAC key)',
	basic: 'Username and password',
	bearer: 'Bearer token',
	'api-key': 'API key',
	'oauth2-client-credentials': 'OAuth 2 client credentials',
	smtp: 'SMTP server'
};

/** The value an action endpoint compares a pushed secret with. */
export function endpointSecret(
	type: CredentialType,
	secret: Record<string, unknown>
): string | null {
	const key = { secret: 'value', basic: 'password', bearer: 'token', 'api-key': 'value' }[
		type as 'secret' | 'basic' | 'bearer' | 'api-key'
	];
	const value = key ? secret[key] : undefined;
	return typeof value === 'string' && value ? value : null;
}
