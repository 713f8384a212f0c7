/**
 * Removing secrets from what the run log keeps. Headers are redacted by name (credentials,
 * cookies and anything named like a token or key) and by value (any header holding a secret);
 * URLs lose their user info and secret-looking query values; every known secret is replaced
 * wherever it appears.
 */

export const REDACTED = '[redacted]';

const SECRET_HEADER =
	/^(authorization|proxy-authorization|cookie|set-cookie)$|token|secret|password|api[-_]?key/i;
const SECRET_PARAM = /token|secret|password|passwd|api[-_]?key|^key$|^sig(nature)?$|^code$/i;

/** Secrets shorter than this are only redacted where a whole value equals them. */
const MIN_SUBSTRING_SECRET = 4;

/** Headers with secret names or secret values redacted. `names` adds names to always redact. */
export function redactHeaders(
	headers: Record<string, string>,
	secrets: string[],
	names: string[] = []
): Record<string, string> {
	const extra = new Set(names.map((name) => name.toLowerCase()));
	const redacted: Record<string, string> = {};
	for (const [name, value] of Object.entries(headers)) {
		const secretName = SECRET_HEADER.test(name) || extra.has(name.toLowerCase());
		redacted[name] = secretName ? REDACTED : redactText(value, secrets);
	}
	return redacted;
}

/** The URL without user info, with secret-looking query values and known secrets redacted. */
export function redactUrl(url: string, secrets: string[]): string {
	let parsed: URL;
	try {
		parsed = new URL(url);
	} catch {
		return redactText(url, secrets);
	}
	const hadUserInfo = parsed.username !== '' || parsed.password !== '';
	parsed.username = '';
	parsed.password = '';
	for (const name of new Set(parsed.searchParams.keys())) {
		if (SECRET_PARAM.test(name)) parsed.searchParams.set(name, REDACTED);
	}
	const text = redactText(
		parsed.href,
		secrets.flatMap((secret) => [secret, encodeURIComponent(secret)])
	);
	return hadUserInfo ? text.replace('//', `//${REDACTED}@`) : text;
}

/** Replaces every occurrence of each secret (and a value that equals a short secret). */
export function redactText(text: string, secrets: string[]): string {
	let result = text;
	for (const secret of secrets) {
		if (secret === '') continue;
		if (secret.length < MIN_SUBSTRING_SECRET) {
			if (result === secret) result = REDACTED;
			continue;
		}
		result = result.split(secret).join(REDACTED);
	}
	return result;
}
