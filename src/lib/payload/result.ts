import { formatLabel, type FormatId } from './formats';
import type { Problem } from './types';

/** The outcome of reading part of a payload: a value, or the problem that stopped it. */
export type Parsed<T> = { ok: true; value: T } | Failed;

export type Failed = { ok: false; problem: Problem };

export function ok<T>(value: T): Parsed<T> {
	return { ok: true, value };
}

/** The advice that ends every message about a malformed payload. */
const WHAT_TO_SEND =
	'Send the payload as ThoughtSpot produced it, or send plain rows: an array of objects, one per row, with text, number, true/false or null values.';

/**
 * A problem inside a payload whose shape was recognised: says where (a path such as
 * `data.embedAnswerData.columns[2].column.name`), what was wrong and what to send.
 */
export function invalidAt(
	format: FormatId,
	path: string,
	wrong: string,
	code = 'invalid-payload'
): Failed {
	return {
		ok: false,
		problem: {
			code,
			message: `This looks like a ${formatLabel(format)}, but ${path} ${wrong}. ${WHAT_TO_SEND}`,
			details: { format, path }
		}
	};
}
