import { epochSecondsToDate, epochSecondsToDatetime, isIsoDate, isIsoDatetime } from './dates';
import { field, isObject } from './read';
import type { Cell, ColumnType } from './types';

/**
 * One pushed value as a canonical cell, given its column's type (undefined when the shape
 * carries none). Returns undefined for a value no cell can hold, so the caller can say where.
 */
export function readCell(value: unknown, type: ColumnType | undefined): Cell | undefined {
	switch (typeof value) {
		case 'string':
		case 'boolean':
			return value;
		case 'number':
			return readNumber(value, type);
		case 'undefined':
			return null;
		case 'object':
			return value === null ? null : readDateCell(value, type);
		default:
			return undefined;
	}
}

/** Typed date columns sometimes carry bare epoch seconds; shapes without types keep numbers. */
function readNumber(value: number, type: ColumnType | undefined): Cell | undefined {
	if (type === 'date') return epochSecondsToDate(value);
	if (type === 'datetime') return epochSecondsToDatetime(value);
	return value;
}

/** ThoughtSpot's date cell, `{ "v": { "s": <epoch seconds>, "e": <end> } }`. */
function readDateCell(value: object, type: ColumnType | undefined): Cell | undefined {
	const seconds = field(field(value, 'v'), 's');
	if (typeof seconds !== 'number') return undefined;
	return type === 'date' ? epochSecondsToDate(seconds) : epochSecondsToDatetime(seconds);
}

/** Whether a value is ThoughtSpot's date cell, for messages that explain what was expected. */
export function isDateCell(value: unknown): boolean {
	return isObject(value) && isObject(field(value, 'v'));
}

/**
 * The type of a column whose shape gave none, from its values: one kind of value gives that
 * type, text that is all ISO dates (or all ISO date-times) gives `date` (or `datetime`), a mix
 * of kinds or no values at all gives `unknown`.
 */
export function inferColumnType(cells: readonly Cell[]): ColumnType {
	let kind: 'string' | 'number' | 'boolean' | undefined;
	// Date checks run only while every string so far has passed them.
	let allDates = true;
	let allDatetimes = true;
	for (const cell of cells) {
		if (cell === null || cell === undefined) continue;
		const next = typeof cell as 'string' | 'number' | 'boolean';
		if (kind !== undefined && next !== kind) return 'unknown';
		kind = next;
		if (typeof cell !== 'string') continue;
		allDates = allDates && isIsoDate(cell);
		allDatetimes = allDatetimes && !allDates && isIsoDatetime(cell);
	}
	if (kind !== 'string') return kind ?? 'unknown';
	if (allDates) return 'date';
	return allDatetimes ? 'datetime' : 'string';
}
