/**
 * The REST layout: a list of column names and rows as arrays in that order. REST responses
 * carry no types, so types are inferred from the values.
 */

import { readCell } from '../cells';
import type { FormatId } from '../formats';
import { describeValue } from '../read';
import { invalidAt, ok, type Parsed } from '../result';
import { assembleTable } from '../table';
import type { Cell, Table, Warning } from '../types';
import { unreadableValue } from './column-wise';

export interface RowArraysSource {
	format: FormatId;
	about: { id?: string; name?: string };
	names: unknown;
	namesPath: string;
	rows: unknown;
	rowsPath: string;
}

/** Reads one table of named columns and array rows. */
export function readRowArrays(
	source: RowArraysSource
): Parsed<{ table: Table; warnings: Warning[] }> {
	const names = readNames(source);
	if (!names.ok) return names;

	const cells = readRows(source, names.value.length);
	if (!cells.ok) return cells;

	const columns = names.value.map((name) => ({ name }));
	const rowCount = (source.rows as unknown[]).length;
	return ok(assembleTable(source.about, columns, cells.value, rowCount));
}

function readNames({ format, names, namesPath }: RowArraysSource): Parsed<string[]> {
	if (!Array.isArray(names))
		return invalidAt(format, namesPath, `is ${describeValue(names)}, not a list of column names`);
	for (let i = 0; i < names.length; i++) {
		const name: unknown = names[i];
		if (typeof name !== 'string' || name === '')
			return invalidAt(
				format,
				`${namesPath}[${i}]`,
				`is ${name === '' ? 'empty' : describeValue(name)}; a column name must be text`,
				'invalid-column-name'
			);
	}
	return ok(names as string[]);
}

/** The rows turned column-major, each checked to hold one value per column. */
function readRows(source: RowArraysSource, width: number): Parsed<Cell[][]> {
	const { format, rows, rowsPath } = source;
	if (!Array.isArray(rows))
		return invalidAt(format, rowsPath, `is ${describeValue(rows)}, not a list of rows`);

	const cells: Cell[][] = Array.from({ length: width }, () => new Array(rows.length));
	for (let r = 0; r < rows.length; r++) {
		const row: unknown = rows[r];
		if (!Array.isArray(row))
			return invalidAt(
				format,
				`${rowsPath}[${r}]`,
				`is ${describeValue(row)}, not a list of values`
			);
		if (row.length !== width)
			return invalidAt(
				format,
				`${rowsPath}[${r}]`,
				`holds ${row.length} values for ${width} columns`,
				'mismatched-lengths'
			);
		for (let c = 0; c < width; c++) {
			const cell = readCell(row[c], undefined);
			if (cell === undefined) return unreadableValue(format, `${rowsPath}[${r}][${c}]`, row[c]);
			cells[c][r] = cell;
		}
	}
	return ok(cells);
}
