import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { isoToEpochMs } from './dates';
import { FORMAT_IDS, type FormatId } from './formats';
import { generatePayload } from './generate';
import { normalize } from './normalize';
import type { Cell, Column, ColumnType, Row } from './types';

type Typed = Exclude<ColumnType, 'unknown'>;

/** Shapes whose column metadata carries ThoughtSpot data types. */
const TYPED_FORMATS: FormatId[] = [
	'callback.answer',
	'callback.liveboard-viz',
	'callback.context-menu',
	'callback.liveboard-classic',
	'callback.legacy',
	'callback.wrapped',
	'answer-service'
];
const REST_FORMATS: FormatId[] = ['rest-v2.searchdata', 'rest-v1.searchdata', 'rest-v1.liveboard'];

const dayMs = fc
	.integer({ min: Date.UTC(1900, 0, 1) / 86_400_000, max: Date.UTC(2100, 0, 1) / 86_400_000 })
	.map((day) => day * 86_400_000);

const VALUES: Record<Typed, fc.Arbitrary<Cell>> = {
	string: fc.string({ unit: 'grapheme', maxLength: 12 }),
	// JSON has no -0, NaN or Infinity, so neither does a pushed table.
	number: fc.double({ noNaN: true, noDefaultInfinity: true }).map((n) => (n === 0 ? 0 : n)),
	boolean: fc.boolean(),
	date: dayMs.map((ms) => new Date(ms).toISOString().slice(0, 10)),
	datetime: fc
		.tuple(dayMs, fc.integer({ min: 0, max: 86_399 }))
		.map(([ms, second]) => new Date(ms + second * 1000).toISOString())
};

/** Awkward names included; integer-like names are left out, as objects list them first. */
const columnName = fc
	.oneof(
		fc.constantFrom(
			'__proto__',
			'constructor',
			'toString',
			'Customer Name',
			' a  b ',
			'a.b[0]',
			'名前'
		),
		fc.string({ unit: 'grapheme', minLength: 1, maxLength: 16 })
	)
	.filter((name) => !/^(?:0|[1-9]\d*)$/.test(name));

const tableArbitrary = fc
	.uniqueArray(
		fc.record({
			name: columnName,
			type: fc.constantFrom<Typed>(...(Object.keys(VALUES) as Typed[]))
		}),
		{ minLength: 1, maxLength: 6, selector: (column) => column.name }
	)
	.chain((columns) =>
		fc.record({
			name: fc.option(fc.string({ minLength: 1, maxLength: 20 }), { nil: undefined }),
			columns: fc.constant(columns as Column[]),
			rows: fc.array(rowOf(columns), { maxLength: 8 })
		})
	);

function rowOf(columns: { name: string; type: Typed }[]): fc.Arbitrary<Row> {
	const cells = columns.map((column) => fc.option(VALUES[column.type], { nil: null, freq: 5 }));
	return fc.tuple(...cells).map((values) => {
		const row: Row = Object.create(null);
		columns.forEach((column, i) => (row[column.name] = values[i]));
		return row;
	});
}

/** What a REST response carries for a cell: dates as epoch seconds. */
function restValue(value: Cell, type: ColumnType): Cell {
	if (typeof value !== 'string' || (type !== 'date' && type !== 'datetime')) return value;
	return Math.floor((isoToEpochMs(value) as number) / 1000);
}

/** Context menus list attributes before measures, whatever order the answer had. */
function contextMenuOrder(columns: Column[]): Column[] {
	return [
		...columns.filter((column) => column.type !== 'number'),
		...columns.filter((column) => column.type === 'number')
	];
}

function throughJson(value: unknown): unknown {
	return JSON.parse(JSON.stringify(value));
}

describe('normalize(generatePayload(table, format)) gives the table back', () => {
	it('holds for every format in the list of accepted shapes', () => {
		expect([...TYPED_FORMATS, ...REST_FORMATS, 'rows'].sort()).toEqual([...FORMAT_IDS].sort());
	});

	it.each(TYPED_FORMATS)('keeps names, types and values in %s', (format) => {
		fc.assert(
			fc.property(tableArbitrary, (table) => {
				const result = normalize(throughJson(generatePayload(table, format)));
				if (!result.ok) throw new Error(result.problem.message);

				const columns =
					format === 'callback.context-menu' ? contextMenuOrder(table.columns) : table.columns;
				expect(result.table.format).toBe(format);
				expect(result.table.columns.map(({ name, type }) => ({ name, type }))).toEqual(columns);
				// A context menu always has a clicked point, so an empty table comes back as one empty row.
				const emptyPoint = Object.fromEntries(table.columns.map((column) => [column.name, null]));
				const rows =
					format === 'callback.context-menu' && table.rows.length === 0 ? [emptyPoint] : table.rows;
				expect(result.table.rows).toEqual(rows);
			})
		);
	});

	it.each(REST_FORMATS)('keeps names and values in %s, dates as epoch seconds', (format) => {
		fc.assert(
			fc.property(tableArbitrary, (table) => {
				const result = normalize(throughJson(generatePayload(table, format)));
				if (!result.ok) throw new Error(result.problem.message);

				expect(result.table.columns.map((column) => column.name)).toEqual(
					table.columns.map((column) => column.name)
				);
				const expected = table.rows.map((row) =>
					Object.fromEntries(table.columns.map((c) => [c.name, restValue(row[c.name], c.type)]))
				);
				expect(result.table.rows).toEqual(expected);
			})
		);
	});

	it('keeps names and values in plain rows, where a table without rows has no columns either', () => {
		fc.assert(
			fc.property(tableArbitrary, (table) => {
				const result = normalize(throughJson(generatePayload(table, 'rows')));
				if (!result.ok) throw new Error(result.problem.message);

				const names = table.rows.length === 0 ? [] : table.columns.map((column) => column.name);
				expect(result.table.columns.map((column) => column.name)).toEqual(names);
				expect(result.table.rows).toEqual(table.rows);
			})
		);
	});
});
