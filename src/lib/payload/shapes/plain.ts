/**
 * Plain rows, as scripts and curl send them: an array of objects, or `{ "rows": [...] }`.
 * Columns come in the order their names are first seen; a row without a column reads null.
 */

import { readCell } from '../cells';
import { describeValue, field, isObject, textField } from '../read';
import { invalidAt, ok, type Parsed } from '../result';
import { assembleTable, type ReadPush } from '../table';
import type { Cell } from '../types';
import { unreadableValue } from './column-wise';
import type { Shape } from './shape';

const FORMAT = 'rows';

export const plainRows: Shape = {
	format: FORMAT,
	matches: (body) => Array.isArray(body) || Array.isArray(field(body, 'rows')),
	read: (body) => {
		const wrapped = !Array.isArray(body);
		const rows = (wrapped ? field(body, 'rows') : body) as unknown[];
		return readRows(rows, wrapped ? 'rows' : 'the payload', {
			name: wrapped ? textField(body, 'name') : undefined
		});
	}
};

function readRows(rows: unknown[], path: string, answer: { name?: string }): Parsed<ReadPush> {
	const names: string[] = [];
	const cells: Cell[][] = [];
	const indexByName = new Map<string, number>();

	for (let r = 0; r < rows.length; r++) {
		const row = rows[r];
		if (!isObject(row))
			return invalidAt(
				FORMAT,
				`${path}[${r}]`,
				`is ${describeValue(row)}; each row must be an object of column name to value`
			);

		for (const name of Object.keys(row)) {
			if (name === '')
				return invalidAt(
					FORMAT,
					`${path}[${r}]`,
					'has a column with an empty name',
					'invalid-column-name'
				);
			let index = indexByName.get(name);
			if (index === undefined) {
				index = names.length;
				indexByName.set(name, index);
				names.push(name);
				cells.push(new Array<Cell>(rows.length).fill(null));
			}
			const cell = readCell(row[name], undefined);
			if (cell === undefined)
				return unreadableValue(
					FORMAT,
					`${path}[${r}][${JSON.stringify(name.slice(0, 60))}]`,
					row[name]
				);
			cells[index][r] = cell;
		}
	}

	const columns = names.map((name) => ({ name }));
	const { table, warnings } = assembleTable({ name: answer.name }, columns, cells, rows.length);
	return ok({ answer, tables: [table], warnings });
}
