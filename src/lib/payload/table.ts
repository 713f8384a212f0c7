/**
 * Builds canonical tables from the column-major cells each shape reader collects, and wraps
 * them into the canonical table with the warnings every shape shares.
 */

import { inferColumnType } from './cells';
import type { FormatId } from './formats';
import type {
	CanonicalTable,
	Cell,
	Column,
	ColumnType,
	PushUser,
	Row,
	Table,
	Warning
} from './types';
import { duplicateColumnName, emptyAnswer, partialAnswer } from './warnings';

/** A column as a shape reader found it; the type is inferred from the cells when missing. */
export interface FoundColumn {
	id?: string;
	name: string;
	type?: ColumnType;
}

/** What a shape reader hands over: its tables and what the payload says around them. */
export interface ReadPush {
	answer: { id?: string; name?: string };
	tables: Table[];
	warnings: Warning[];
	totalRowCount?: number;
	clickedRow?: Row;
	liveboard?: { id?: string; name?: string };
	user?: PushUser;
}

/** A row that any column name can key, `__proto__` and `constructor` included. */
export function emptyRow(): Row {
	return Object.create(null) as Row;
}

/**
 * A table from columns and their cells (`cells[column][row]`; a short or empty list reads as
 * nulls). Repeated names are told apart as "Name (2)", with a warning each.
 */
export function assembleTable(
	about: { id?: string; name?: string },
	found: FoundColumn[],
	cells: Cell[][],
	rowCount: number
): { table: Table; warnings: Warning[] } {
	const { names, warnings } = distinctNames(found.map((column) => column.name));
	const columns = found.map((column, index) => describeColumn(column, names[index], cells[index]));

	const rows: Row[] = new Array(rowCount);
	for (let r = 0; r < rowCount; r++) {
		const row = emptyRow();
		for (let c = 0; c < names.length; c++) row[names[c]] = cells[c][r] ?? null;
		rows[r] = row;
	}

	return { table: { ...definedOnly(about), columns, rows }, warnings };
}

function describeColumn(found: FoundColumn, name: string, cells: Cell[]): Column {
	const column: Column = { name, type: found.type ?? inferColumnType(cells) };
	if (found.id !== undefined) column.id = found.id;
	return column;
}

/** Names made unique in order: the second "Email" becomes "Email (2)". */
export function distinctNames(original: string[]): { names: string[]; warnings: Warning[] } {
	const taken = new Set(original);
	const used = new Set<string>();
	const warnings: Warning[] = [];
	const names = original.map((name) => {
		if (!used.has(name)) {
			used.add(name);
			return name;
		}
		let n = 2;
		while (taken.has(`${name} (${n})`) || used.has(`${name} (${n})`)) n++;
		const renamed = `${name} (${n})`;
		used.add(renamed);
		warnings.push(duplicateColumnName(name, renamed));
		return renamed;
	});
	return { names, warnings };
}

/** The canonical table for a push, with the warnings about emptiness and partial answers. */
export function toCanonical(format: FormatId, push: ReadPush): CanonicalTable {
	const [first] = push.tables;
	const warnings = [...push.warnings, ...rowCountWarnings(push)];
	const canonical: CanonicalTable = {
		format,
		answer: definedOnly(push.answer),
		columns: first?.columns ?? [],
		rows: first?.rows ?? [],
		tables: push.tables,
		warnings
	};
	if (push.totalRowCount !== undefined) canonical.totalRowCount = push.totalRowCount;
	if (push.clickedRow !== undefined) canonical.clickedRow = push.clickedRow;
	if (push.liveboard !== undefined && hasAny(push.liveboard))
		canonical.liveboard = definedOnly(push.liveboard);
	if (push.user !== undefined && hasAny(push.user)) canonical.user = definedOnly(push.user);
	return canonical;
}

function rowCountWarnings(push: ReadPush): Warning[] {
	const warnings: Warning[] = [];
	const several = push.tables.length > 1;
	for (const table of push.tables) {
		if (table.rows.length === 0)
			warnings.push(emptyAnswer(several ? (table.name ?? table.id) : undefined));
	}
	const received = push.tables[0]?.rows.length ?? 0;
	if (push.totalRowCount !== undefined && push.totalRowCount > received)
		warnings.push(partialAnswer(received, push.totalRowCount));
	return warnings;
}

function hasAny(value: object): boolean {
	return Object.values(value).some((entry) => entry !== undefined);
}

/** A copy without undefined fields, so stored and compared tables hold only what was sent. */
function definedOnly<T extends object>(value: T): T {
	return Object.fromEntries(Object.entries(value).filter(([, entry]) => entry !== undefined)) as T;
}
