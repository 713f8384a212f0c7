/**
 * Email header values from templates: line breaks and NUL are removed so a pushed value can
 * never add a header, and address lists are split and checked one address at a time.
 */

/** Removes CR, LF and NUL, the characters that could end a header and start another. */
export function stripHeaderBreaks(value: string): string {
	return value.replace(/[\r\n\0]/g, '');
}

/** Splits an address list on commas and semicolons outside quotes and angle brackets. */
export function splitAddresses(list: string): string[] {
	if (!/[,;]/.test(list)) {
		const single = list.trim();
		return single === '' ? [] : [single];
	}
	const addresses: string[] = [];
	let current = '';
	let quoted = false;
	let angled = false;
	for (let i = 0; i < list.length; i++) {
		const char = list[i];
		if (char === '\\' && quoted && i + 1 < list.length) {
			current += char + list[++i];
			continue;
		}
		if (char === '"') quoted = !quoted;
		else if (char === '<' && !quoted) angled = true;
		else if (char === '>' && !quoted) angled = false;
		if ((char === ',' || char === ';') && !quoted && !angled) {
			addresses.push(current);
			current = '';
		} else {
			current += char;
		}
	}
	addresses.push(current);
	return addresses.map((address) => address.trim()).filter((address) => address !== '');
}

const ATOM = `[^\\s@<>()[\\]\\\\,;:"]+`;
const BARE_ADDRESS = new RegExp(`^${ATOM}@${ATOM}$`);
const NAMED_ADDRESS = new RegExp(`^(?:"(?:[^"\\\\]|\\\\.)*"|[^"<>]*)<(${ATOM}@${ATOM})>$`);

/**
 * Accepts `someone@example.com` and `Some One <someone@example.com>` (the name may be quoted).
 * Deliberately loose: the mail server is the judge of what exists; this catches values that
 * are plainly not an address, such as an empty cell or a name where an email was expected.
 */
export function isEmailAddress(address: string): boolean {
	return BARE_ADDRESS.test(address) || NAMED_ADDRESS.test(address);
}
