/**
 * Telling from a template's text alone that every render is valid JSON, so a JSON body need
 * not be parsed again per row to be checked.
 *
 * The template must be fixed text around `{{json …}}` values (the json helper always gives
 * one complete JSON value, with no space around it). Put `0` in every value's place, and
 * then `""`: if both parse, each place is a value of its own in a place where JSON takes any
 * value. A place inside a string fails with `""` (two strings in a row), inside a number or
 * after a `-` fails with `""` too, and a key's place fails with `0`. So any JSON value there
 * gives JSON.
 */

/** True when fixed `texts` with JSON values between them always join into valid JSON. */
export function alwaysJson(texts: string[] | null): boolean {
	return texts !== null && parses(texts.join('0')) && parses(texts.join('""'));
}

function parses(text: string): boolean {
	try {
		JSON.parse(text);
		return true;
	} catch {
		return false;
	}
}
