/**
 * Careful reading of untrusted JSON: own properties only, so keys such as `constructor`
 * or `__proto__` never resolve to something inherited, and plain words for what a value is
 * when it is not what a shape needs.
 */

export type JsonObject = Record<string, unknown>;

/** Whether a value is a JSON object (not null, not an array). */
export function isObject(value: unknown): value is JsonObject {
	return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** An own property of an object, or undefined for anything else. */
export function field(value: unknown, key: string): unknown {
	if (!isObject(value) || !Object.hasOwn(value, key)) return undefined;
	return value[key];
}

/** An own property followed through several objects: `fieldAt(x, 'data', 'id')`. */
export function fieldAt(value: unknown, ...keys: string[]): unknown {
	let current = value;
	for (const key of keys) current = field(current, key);
	return current;
}

/** A property that names something (an id, a name): text, or a number written as text. */
export function textField(value: unknown, key: string): string | undefined {
	const found = field(value, key);
	if (typeof found === 'string') return found;
	if (typeof found === 'number' && Number.isFinite(found)) return String(found);
	return undefined;
}

/** A count that may arrive as a number or as a string of digits, as ThoughtSpot sends it. */
export function countField(value: unknown, key: string): number | undefined {
	const found = field(value, key);
	const count = typeof found === 'string' && found.trim() !== '' ? Number(found) : found;
	if (typeof count !== 'number' || !Number.isSafeInteger(count) || count < 0) return undefined;
	return count;
}

/** "a string", "an array", "null", ... for messages about a value of the wrong kind. */
export function describeValue(value: unknown): string {
	if (value === undefined) return 'missing';
	if (value === null) return 'null';
	if (Array.isArray(value)) return 'an array';
	if (typeof value === 'object') return 'an object';
	if (typeof value === 'string') return 'a string';
	if (typeof value === 'number') return 'a number';
	if (typeof value === 'boolean') return 'a boolean';
	return `a ${typeof value}`;
}

/** Decodes a field that carries JSON as text (classic Liveboards, the answer service). */
export function decodeJsonText(text: string): { ok: true; value: unknown } | { ok: false } {
	try {
		return { ok: true, value: JSON.parse(text) };
	} catch {
		// Malformed text and nesting too deep for the parser are the same problem to the sender.
		return { ok: false };
	}
}

/** A key shown in a path or a message: quoted when it is not a plain identifier, and cut short. */
export function showKey(key: string): string {
	const short = key.length > 60 ? `${key.slice(0, 57)}...` : key;
	return /^[A-Za-z_][A-Za-z0-9_]*$/.test(short) ? `.${short}` : `[${JSON.stringify(short)}]`;
}
