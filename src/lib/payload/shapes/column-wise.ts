/**
 * ThoughtSpot's column-wise layout, shared by the callback shapes and the answer service:
 * `columns[].column` lists each column's id, name and data type, and a block's
 * `columnDataLite[]` holds one column's values each. Values are joined to columns on
 * `columnId`, never on position, because ThoughtSpot does not promise the same order.
 */

import { readCell } from '../cells';
import { columnTypeOf } from '../data-types';
import type { FormatId } from '../formats';
import { countField, decodeJsonText, describeValue, field, isObject, textField } from '../read';
import { invalidAt, ok, type Parsed } from '../result';
import { assembleTable, type FoundColumn } from '../table';
import type { Cell, Table, Warning } from '../types';
import { columnWithoutData, dataWithoutColumn, quote } from '../warnings';

export interface ColumnWiseSource {
	format: FormatId;
	/** The table's id and name, where the payload says. */
	about: { id?: string; name?: string };
	columns: unknown;
	columnsPath: string;
	/** The object holding `columnDataLite`, or an array whose first item does. */
	data: unknown;
	dataPath: string;
}

export interface ColumnWiseTable {
	table: Table;
	warnings: Warning[];
	totalRowCount?: number;
}

/** Reads one table laid out column-wise. */
export function readColumnWise(source: ColumnWiseSource): Parsed<ColumnWiseTable> {
	const columns = readColumnList(source);
	if (!columns.ok) return columns;

	const block = firstBlock(source);
	if (!block.ok) return block;

	const joined = joinValues(source, columns.value, block.value);
	if (!joined.ok) return joined;

	const { cells, rowCount, warnings } = joined.value;
	const assembled = assembleTable(source.about, columns.value, cells, rowCount);
	return ok({
		table: assembled.table,
		warnings: [...warnings, ...assembled.warnings],
		totalRowCount: countField(block.value.data, 'totalRowCount')
	});
}

type ListedColumn = FoundColumn & { id: string };

function readColumnList(source: ColumnWiseSource): Parsed<ListedColumn[]> {
	const { format, columns, columnsPath } = source;
	if (!Array.isArray(columns))
		return invalidAt(format, columnsPath, `is ${describeValue(columns)}, not a list of columns`);

	const found: ListedColumn[] = [];
	const seen = new Set<string>();
	for (let i = 0; i < columns.length; i++) {
		const path = `${columnsPath}[${i}]`;
		// Answer payloads wrap each column as `{ column: {...} }`; accept it bare as well.
		const wrapped = isObject(field(columns[i], 'column'));
		const column = wrapped ? field(columns[i], 'column') : columns[i];
		const read = readListedColumn(format, column, wrapped ? `${path}.column` : path);
		if (!read.ok) return read;
		if (seen.has(read.value.id))
			return invalidAt(format, path, `repeats the column id ${quote(read.value.id)}`);
		seen.add(read.value.id);
		found.push(read.value);
	}
	return ok(found);
}

function readListedColumn(format: FormatId, column: unknown, path: string): Parsed<ListedColumn> {
	if (!isObject(column))
		return invalidAt(format, path, `is ${describeValue(column)}, not a column`);
	const id = textField(column, 'id');
	if (id === undefined)
		return invalidAt(format, `${path}.id`, `is ${describeValue(field(column, 'id'))}, not text`);
	const name = field(column, 'name');
	if (typeof name !== 'string' || name === '')
		return invalidAt(
			format,
			`${path}.name`,
			`is ${name === '' ? 'empty' : describeValue(name)}; a column needs a name`,
			'invalid-column-name'
		);
	return ok({ id, name, type: columnTypeOf(field(column, 'dataType')) });
}

type Block = { data: unknown; path: string; entries: unknown[] };

/** The block that holds `columnDataLite`: the data object itself, or the first of a list. */
function firstBlock(source: ColumnWiseSource): Parsed<Block> {
	const { format } = source;
	const isList = Array.isArray(source.data);
	const data = isList ? (source.data as unknown[])[0] : source.data;
	const path = isList ? `${source.dataPath}[0]` : source.dataPath;
	if (!isObject(data))
		return invalidAt(format, path, `is ${describeValue(data)}, not an object with columnDataLite`);
	const entries = field(data, 'columnDataLite');
	if (!Array.isArray(entries))
		return invalidAt(
			format,
			`${path}.columnDataLite`,
			`is ${describeValue(entries)}, not a list of column values`
		);
	return ok({ data, path: `${path}.columnDataLite`, entries });
}

type Joined = { cells: Cell[][]; rowCount: number; warnings: Warning[] };

function joinValues(
	source: ColumnWiseSource,
	columns: ListedColumn[],
	block: Block
): Parsed<Joined> {
	const { format } = source;
	const indexById = new Map(columns.map((column, index) => [column.id, index]));
	const cells: (Cell[] | undefined)[] = new Array(columns.length).fill(undefined);
	const warnings: Warning[] = [];
	let rowCount: number | undefined;

	for (let i = 0; i < block.entries.length; i++) {
		const entry = block.entries[i];
		const path = `${block.path}[${i}]`;
		const id = textField(entry, 'columnId');
		if (id === undefined)
			return invalidAt(
				format,
				`${path}.columnId`,
				`is ${describeValue(field(entry, 'columnId'))}, not a column id`
			);
		const index = indexById.get(id);
		if (index === undefined) {
			warnings.push(dataWithoutColumn(id));
			continue;
		}
		if (cells[index] !== undefined)
			return invalidAt(
				format,
				path,
				`holds values for the column ${quote(columns[index].name)} a second time`
			);

		const column = columns[index];
		column.type ??= columnTypeOf(field(entry, 'columnDataType'));
		const values = readValues(format, entry, path, column);
		if (!values.ok) return values;
		if (rowCount !== undefined && values.value.length !== rowCount)
			return invalidAt(
				format,
				`${path}.dataValue`,
				`holds ${values.value.length} values where the columns before it hold ${rowCount}`,
				'mismatched-lengths'
			);
		rowCount = values.value.length;
		cells[index] = values.value;
	}

	const filled = cells.map((column, index) => {
		if (column === undefined) warnings.push(columnWithoutData(columns[index].name));
		return column ?? [];
	});
	return ok({ cells: filled, rowCount: rowCount ?? 0, warnings });
}

/** One column's values: a list, or (in the answer service) JSON text holding the list. */
function readValues(
	format: FormatId,
	entry: unknown,
	path: string,
	column: FoundColumn
): Parsed<Cell[]> {
	let values = field(entry, 'dataValue');
	if (typeof values === 'string') {
		const decoded = decodeJsonText(values);
		if (!decoded.ok)
			return invalidAt(format, `${path}.dataValue`, 'is text that is not valid JSON');
		values = decoded.value;
	}
	if (!Array.isArray(values))
		return invalidAt(
			format,
			`${path}.dataValue`,
			`is ${describeValue(values)}, not a list of values`
		);

	const cells: Cell[] = new Array(values.length);
	for (let r = 0; r < values.length; r++) {
		const cell = readCell(values[r], column.type);
		if (cell === undefined) return unreadableValue(format, `${path}.dataValue[${r}]`, values[r]);
		cells[r] = cell;
	}
	return ok(cells);
}

/** A value no cell can hold: an object other than a date cell, or a date beyond the calendar. */
export function unreadableValue(format: FormatId, path: string, value: unknown): Parsed<never> {
	const wrong =
		typeof value === 'number'
			? 'is a date too far from 1970 for any calendar'
			: `is ${describeValue(value)}; a value must be text, a number, true/false, null or a date cell { "v": { "s": <epoch seconds> } }`;
	return invalidAt(format, path, wrong, 'unsupported-value');
}
