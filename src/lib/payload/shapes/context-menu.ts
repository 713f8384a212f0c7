/**
 * The context-menu callback: `data.contextMenuPoints` holds the clicked point and any
 * selected points. Each point lists `{ column, value }` items under selectedAttributes,
 * deselectedAttributes, selectedMeasures and deselectedMeasures.
 *
 * The rows are the selected points, or the clicked point when none are selected. Deselected
 * items are read as well: ThoughtSpot puts the measures of a clicked table row there, and
 * leaving them out would drop values the person saw in the row they clicked.
 */

import { readCell } from '../cells';
import { columnTypeOf } from '../data-types';
import { describeValue, field, fieldAt, isObject, textField } from '../read';
import { invalidAt, ok, type Parsed } from '../result';
import { assembleTable, type FoundColumn, type ReadPush } from '../table';
import type { Cell } from '../types';
import { quote } from '../warnings';
import { readUser } from './callback';
import { unreadableValue } from './column-wise';
import type { Shape } from './shape';

const FORMAT = 'callback.context-menu';
const GROUPS = [
	'selectedAttributes',
	'deselectedAttributes',
	'selectedMeasures',
	'deselectedMeasures'
] as const;

export const callbackContextMenu: Shape = {
	format: FORMAT,
	matches: (body) => isObject(fieldAt(body, 'data', 'contextMenuPoints')),
	read: (body) => readPoints(field(body, 'data'))
};

/** Columns keyed by id (or by name where an item has no id), in first-seen order. */
class ColumnRegistry {
	readonly columns: FoundColumn[] = [];
	readonly cells: Cell[][] = [];
	private readonly indexByKey = new Map<string, number>();

	indexOf(column: FoundColumn): number {
		const key = column.id === undefined ? `name:${column.name}` : `id:${column.id}`;
		let index = this.indexByKey.get(key);
		if (index === undefined) {
			index = this.columns.length;
			this.indexByKey.set(key, index);
			this.columns.push(column);
			this.cells.push([]);
		}
		return index;
	}
}

type Point = { path: string; value: unknown };

const CLICKED_PATH = 'data.contextMenuPoints.clickedPoint';
const SELECTED_PATH = 'data.contextMenuPoints.selectedPoints';

function readPoints(data: unknown): Parsed<ReadPush> {
	const chosen = choosePoints(field(data, 'contextMenuPoints'));
	if (!chosen.ok) return chosen;
	const { rowPoints, clicked } = chosen.value;

	// The clicked point is read after the rows, so its columns share their names and types.
	const all = clicked === undefined ? rowPoints : [...rowPoints, clicked];
	const registry = new ColumnRegistry();
	for (let r = 0; r < all.length; r++) {
		const read = readPoint(registry, all[r], r);
		if (!read.ok) return read;
	}

	const { table, warnings } = assembleTable({}, registry.columns, registry.cells, all.length);
	const embed = field(data, 'embedAnswerData');
	return ok({
		answer: { id: textField(embed, 'id'), name: textField(embed, 'name') },
		user: readUser(field(embed, 'user')),
		tables: [{ ...table, rows: table.rows.slice(0, rowPoints.length) }],
		clickedRow: clicked === undefined ? undefined : table.rows[all.length - 1],
		warnings
	});
}

/** The points that are rows (the selected ones, else the clicked one) and the clicked point. */
function choosePoints(points: unknown): Parsed<{ rowPoints: Point[]; clicked?: Point }> {
	const clicked = field(points, 'clickedPoint');
	const selected = field(points, 'selectedPoints');
	if (selected !== undefined && !Array.isArray(selected))
		return invalidAt(FORMAT, SELECTED_PATH, `is ${describeValue(selected)}, not a list of points`);
	if (clicked !== undefined && !isObject(clicked))
		return invalidAt(FORMAT, CLICKED_PATH, `is ${describeValue(clicked)}, not a point`);

	const clickedPoint = clicked === undefined ? undefined : { path: CLICKED_PATH, value: clicked };
	if (selected?.length) {
		const rowPoints = selected.map((value, i) => ({ path: `${SELECTED_PATH}[${i}]`, value }));
		return ok({ rowPoints, clicked: clickedPoint });
	}
	if (clickedPoint === undefined)
		return invalidAt(
			FORMAT,
			'data.contextMenuPoints',
			'has neither a clickedPoint nor selectedPoints'
		);
	return ok({ rowPoints: [clickedPoint], clicked: clickedPoint });
}

function readPoint(registry: ColumnRegistry, point: Point, row: number): Parsed<true> {
	if (!isObject(point.value))
		return invalidAt(FORMAT, point.path, `is ${describeValue(point.value)}, not a point`);

	const filled = new Set<number>();
	for (const group of GROUPS) {
		const items = field(point.value, group);
		const path = `${point.path}.${group}`;
		if (items === undefined) continue;
		if (!Array.isArray(items))
			return invalidAt(FORMAT, path, `is ${describeValue(items)}, not a list of { column, value }`);
		for (let i = 0; i < items.length; i++) {
			const read = readItem(registry, items[i], `${path}[${i}]`, row, filled);
			if (!read.ok) return read;
		}
	}
	return ok(true);
}

function readItem(
	registry: ColumnRegistry,
	item: unknown,
	path: string,
	row: number,
	filled: Set<number>
): Parsed<true> {
	const column = field(item, 'column');
	if (!isObject(column))
		return invalidAt(FORMAT, `${path}.column`, `is ${describeValue(column)}, not a column`);
	const name = field(column, 'name');
	if (typeof name !== 'string' || name === '')
		return invalidAt(
			FORMAT,
			`${path}.column.name`,
			`is ${name === '' ? 'empty' : describeValue(name)}; a column needs a name`,
			'invalid-column-name'
		);

	const index = registry.indexOf({
		id: textField(column, 'id'),
		name,
		type: columnTypeOf(field(column, 'dataType'))
	});
	if (filled.has(index))
		return invalidAt(FORMAT, path, `repeats the column ${quote(name)} within one point`);
	filled.add(index);

	const value = field(item, 'value');
	const cell = readCell(value, registry.columns[index].type);
	if (cell === undefined) return unreadableValue(FORMAT, `${path}.value`, value);
	registry.cells[index][row] = cell;
	return ok(true);
}
