/**
 * The pieces of ThoughtSpot's own payloads, built from a table the way ThoughtSpot writes
 * them: column metadata, date cells, and `columnDataLite` blocks.
 */

import { dataTypeOf } from './data-types';
import { isoToEpochMs } from './dates';
import type { Cell, Column, Row } from './types';

export type JsonValue =
	null | boolean | number | string | JsonValue[] | { [key: string]: JsonValue };
export type JsonObject = { [key: string]: JsonValue };

/** A column with the id its generated payload uses. */
export interface IdentifiedColumn extends Column {
	id: string;
}

/** Gives each column an id: its own, or a stable one made from its position and name. */
export function identifyColumns(columns: readonly Column[]): IdentifiedColumn[] {
	return columns.map((column, index) => ({
		...column,
		id: column.id ?? stableId(`${index}:${column.name}`)
	}));
}

/**
 * A UUID-shaped id that is the same for the same seed, so generated payloads can be compared
 * between runs. Not a real UUID: four FNV-1a hashes of the seed, written as hex.
 */
export function stableId(seed: string): string {
	const hex = [0x811c9dc5, 0x01000193, 0x6a09e667, 0xbb67ae85]
		.map((basis) => fnv1a(seed, basis).toString(16).padStart(8, '0'))
		.join('');
	return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20, 32)}`;
}

function fnv1a(text: string, basis: number): number {
	let hash = basis >>> 0;
	for (let i = 0; i < text.length; i++) {
		hash ^= text.charCodeAt(i);
		hash = Math.imul(hash, 0x01000193) >>> 0;
	}
	return hash;
}

/**
 * ThoughtSpot's AnswerColumn: numbers are summed measures, everything else an attribute.
 * Classic Liveboards send it without the GraphQL `__typename`.
 */
export function answerColumn(column: IdentifiedColumn, withTypename = true): JsonObject {
	const isMeasure = column.type === 'number';
	return {
		...(withTypename ? { __typename: 'AnswerColumn' } : {}),
		id: column.id,
		name: column.name,
		type: isMeasure ? 'MEASURE' : 'ATTRIBUTE',
		dataType: dataTypeOf(column.type),
		aggregationType: isMeasure ? 'SUM' : 'NONE',
		timeBucket: column.type === 'date' ? 'DAILY' : 'NO_BUCKET',
		format: null,
		referencedColumns: [{ __typename: 'EntityHeader', displayName: column.name }]
	};
}

export function vizColumns(columns: readonly IdentifiedColumn[]): JsonValue[] {
	return columns.map((column) => ({ __typename: 'VizColumn', column: answerColumn(column) }));
}

/**
 * A cell as ThoughtSpot sends it in callbacks: dates as `{ v: { s, e } }` with the day's (or
 * the instant's) first and last second; other values as they are.
 */
export function callbackCell(value: Cell, column: Column): JsonValue {
	const seconds = epochSecondsOf(value, column);
	if (seconds === undefined) return value;
	const end = column.type === 'date' ? seconds + 86_399 : seconds;
	return { v: { s: seconds, e: end } };
}

/** A cell as the REST API sends it: dates as epoch seconds. */
export function restCell(value: Cell, column: Column): JsonValue {
	return epochSecondsOf(value, column) ?? value;
}

function epochSecondsOf(value: Cell, column: Column): number | undefined {
	if (typeof value !== 'string' || (column.type !== 'date' && column.type !== 'datetime'))
		return undefined;
	const ms = isoToEpochMs(value);
	return ms === undefined ? undefined : Math.floor(ms / 1000);
}

/**
 * A data block: one `columnDataLite` entry per column, and the counts around it. The answer
 * service sends each column's values as JSON text, so `asText` writes them that way.
 */
export function dataBlock(
	columns: readonly IdentifiedColumn[],
	rows: readonly Row[],
	totalRowCount: number,
	asText = false
): JsonObject {
	const columnDataLite = columns.map((column) => {
		const values = rows.map((row) => callbackCell(row[column.name] ?? null, column));
		return {
			columnId: column.id,
			columnDataType: dataTypeOf(column.type),
			dataValue: asText ? JSON.stringify(values) : values
		};
	});
	return {
		columnDataLite,
		completionRatio: 1,
		samplingRatio: 1,
		totalRowCount: String(totalRowCount)
	};
}
