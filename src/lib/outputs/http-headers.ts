/** Case-insensitive header edits on plain objects, keeping the casing the action wrote. */

export function findHeader(headers: Record<string, string>, name: string): string | undefined {
	const lower = name.toLowerCase();
	return Object.keys(headers).find((key) => key.toLowerCase() === lower);
}

export function hasHeader(headers: Record<string, string>, name: string): boolean {
	return findHeader(headers, name) !== undefined;
}

/** Sets `name` unless the headers already have it in any casing. */
export function setDefaultHeader(
	headers: Record<string, string>,
	name: string,
	value: string
): void {
	if (!hasHeader(headers, name)) headers[name] = value;
}

/** Sets `name`, replacing any header of that name in another casing. */
export function replaceHeader(headers: Record<string, string>, name: string, value: string): void {
	removeHeaders(headers, [name]);
	headers[name] = value;
}

export function removeHeaders(headers: Record<string, string>, names: string[]): void {
	const lower = new Set(names.map((name) => name.toLowerCase()));
	for (const key of Object.keys(headers)) {
		if (lower.has(key.toLowerCase())) delete headers[key];
	}
}
