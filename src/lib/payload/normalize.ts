/**
 * Turns any pushed JSON into the canonical table, or into a problem that says what was wrong
 * and what to send. Shapes are recognised by structure only, never by a hint the sender may
 * not send, and tried in a fixed order from the most specific to the most general.
 */

import { ACCEPTED_SHAPES } from './formats';
import { isObject } from './read';
import {
	answerService,
	callbackAnswer,
	callbackLegacy,
	callbackLiveboardViz,
	callbackWrapped
} from './shapes/callback';
import { callbackContextMenu } from './shapes/context-menu';
import { callbackLiveboardClassic } from './shapes/liveboard-classic';
import { plainRows } from './shapes/plain';
import { restV1Liveboard, restV1SearchData, restV2SearchData } from './shapes/rest';
import type { Shape } from './shapes/shape';
import { toCanonical } from './table';
import type { CanonicalTable, Problem } from './types';

const SHAPES: readonly Shape[] = [
	callbackContextMenu,
	callbackLiveboardViz,
	callbackAnswer,
	callbackLegacy,
	callbackLiveboardClassic,
	callbackWrapped,
	answerService,
	restV2SearchData,
	restV1SearchData,
	plainRows,
	// Last: it is recognised by the values of arbitrary keys, the loosest test of all.
	restV1Liveboard
];

export type NormalizeResult = { ok: true; table: CanonicalTable } | { ok: false; problem: Problem };

/** Recognises a pushed body's shape and reads it into the canonical table. Never throws. */
export function normalize(body: unknown): NormalizeResult {
	const shape = SHAPES.find((candidate) => candidate.matches(body));
	if (shape === undefined) return { ok: false, problem: unrecognised(body) };

	const read = shape.read(body);
	if (!read.ok) return read;
	return { ok: true, table: toCanonical(shape.format, read.value) };
}

/** The 400 for a body of no known shape: every accepted shape, and what arrived instead. */
export function unrecognised(body: unknown): Problem {
	const accepted = ACCEPTED_SHAPES.map((shape) => shape.description);
	return {
		code: 'unrecognised-payload',
		message: `Pushmap did not recognise this payload. It accepts: ${accepted.join('; ')}. It received ${summarise(body)}.`,
		details: {
			accepted: ACCEPTED_SHAPES.map(({ format, description }) => ({ format, description }))
		}
	};
}

/** What arrived, in a few words: its kind and up to ten top-level keys, never its values. */
function summarise(body: unknown): string {
	if (!isObject(body)) return describeKind(body);
	const keys = Object.keys(body);
	if (keys.length === 0) return 'an empty object';
	const shown = keys
		.slice(0, 10)
		.map((key) => JSON.stringify(key.length > 40 ? `${key.slice(0, 37)}...` : key));
	const more = keys.length > 10 ? ` and ${keys.length - 10} more` : '';
	return `an object with the keys ${shown.join(', ')}${more}`;
}

function describeKind(body: unknown): string {
	if (body === null || body === undefined) return 'nothing (null)';
	if (typeof body === 'string') return 'a string; send JSON with Content-Type: application/json';
	return `a ${typeof body}`;
}
