/** Authentication for outgoing requests, with the stored credential already decrypted. */

export type ResolvedHttpAuth =
	| { type: 'basic'; username: string; password: string }
	| { type: 'bearer'; token: string }
	| { type: 'api-key'; header: string; value: string }
	| {
			type: 'oauth2-client-credentials';
			tokenUrl: string;
			clientId: string;
			clientSecret: string;
			scope?: string;
	  };

/** The Authorization value for HTTP Basic (RFC 7617), in UTF-8. */
export function basicAuthorization(username: string, password: string): string {
	return `Basic ${Buffer.from(`${username}:${password}`, 'utf8').toString('base64')}`;
}

/**
 * The headers a credential adds. OAuth 2 adds its Bearer token once one has been fetched,
 * so it is not handled here.
 */
export function authHeaders(auth: ResolvedHttpAuth | undefined): Record<string, string> {
	switch (auth?.type) {
		case 'basic':
			return { Authorization: basicAuthorization(auth.username, auth.password) };
		case 'bearer':
			return { Authorization: `Bearer ${auth.token}` };
		case 'api-key':
			return { [auth.header]: auth.value };
		default:
			return {};
	}
}

/** Every value of a credential that must never appear in a recorded attempt. */
export function authSecrets(auth: ResolvedHttpAuth | undefined): string[] {
	switch (auth?.type) {
		case 'basic':
			return [auth.password, basicAuthorization(auth.username, auth.password).slice(6)];
		case 'bearer':
			return [auth.token];
		case 'api-key':
			return [auth.value];
		case 'oauth2-client-credentials':
			return [auth.clientSecret];
		default:
			return [];
	}
}

/** The header names a credential uses, so they are redacted even after a refresh. */
export function authHeaderNames(auth: ResolvedHttpAuth | undefined): string[] {
	return auth?.type === 'api-key' ? [auth.header] : [];
}
