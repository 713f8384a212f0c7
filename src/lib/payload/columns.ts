/**
 * Checks a canonical table against an action's expected columns: finds each one whatever its
 * case or spacing, or under an alias, renames it to the expected name so templates can rely
 * on that name, coerces declared types, and lists the required columns that did not arrive.
 */

import type { ExpectedColumn } from '../actions/definition';
import { closestName, comparableName } from './column-names';
import { coerceCell, type DeclaredType } from './coerce';
import { distinctNames, emptyRow } from './table';
import type { CanonicalTable, Column, Problem, Row, Warning } from './types';
import { quote, valueNotCoerced } from './warnings';

export interface MissingColumn {
	/** The expected column's name. */
	name: string;
	/** The arrived column whose name is closest, when it is close enough to be a mix-up. */
	didYouMean?: string;
	/** What the person who pushed should do, in plain words. */
	message: string;
}

export interface ColumnCheck {
	/** The table with expected columns renamed and coerced; its warnings include the new ones. */
	table: CanonicalTable;
	/** The warnings this check added. */
	warnings: Warning[];
	/** Required columns that did not arrive, in the order the action lists them. */
	missing: MissingColumn[];
}

/** Compares a pushed table with the action's expected columns. */
export function checkExpectedColumns(
	table: CanonicalTable,
	expected: readonly ExpectedColumn[]
): ColumnCheck {
	const matches = matchColumns(table.columns, expected);
	const { names, warnings } = plannedNames(table.columns, matches);
	const columns = table.columns.map((column, index) => {
		const declared = matches.get(index)?.type;
		return { ...column, name: names[index], type: declared ?? column.type };
	});

	const converted = convertRows(table.columns, columns, table.rows, matches);
	warnings.push(...converted.warnings);
	const clickedRow =
		table.clickedRow && convertRows(table.columns, columns, [table.clickedRow], matches).rows[0];

	const matched = new Set([...matches.values()]);
	const unmatchedNames = table.columns.filter((_, index) => !matches.has(index)).map((c) => c.name);
	const missing = expected
		.filter((column) => column.required && !matched.has(column))
		.map((column) => describeMissingColumn(column.name, unmatchedNames));

	const [first, ...others] = table.tables;
	const checked: CanonicalTable = {
		...table,
		columns,
		rows: converted.rows,
		tables: [{ ...first, columns, rows: converted.rows }, ...others],
		warnings: [...table.warnings, ...warnings]
	};
	if (clickedRow) checked.clickedRow = clickedRow;
	return { table: checked, warnings, missing };
}

/**
 * Which arrived column (by index) each expected column found. The expected name is tried
 * before its aliases, and a column answers to one expected column only.
 */
function matchColumns(
	arrived: readonly Column[],
	expected: readonly ExpectedColumn[]
): Map<number, ExpectedColumn> {
	const comparable = arrived.map((column) => comparableName(column.name));
	const matches = new Map<number, ExpectedColumn>();
	for (const column of expected) {
		for (const candidate of [column.name, ...(column.aliases ?? [])]) {
			const wanted = comparableName(candidate);
			const index = comparable.findIndex((name, i) => name === wanted && !matches.has(i));
			if (index === -1) continue;
			matches.set(index, column);
			break;
		}
	}
	return matches;
}

/**
 * The names after the check: matched columns take their expected name; others keep theirs,
 * told apart ("Email (2)") if that name now belongs to a matched column.
 */
function plannedNames(
	arrived: readonly Column[],
	matches: Map<number, ExpectedColumn>
): { names: string[]; warnings: Warning[] } {
	// Matched columns go first, so it is an unmatched column that gets renamed apart.
	const order = arrived.map((_, index) => index);
	order.sort((a, b) => Number(matches.has(b)) - Number(matches.has(a)) || a - b);
	const distinct = distinctNames(order.map((i) => matches.get(i)?.name ?? arrived[i].name));

	const names: string[] = new Array(arrived.length);
	order.forEach((index, position) => (names[index] = distinct.names[position]));
	return { names, warnings: distinct.warnings };
}

/** Rows re-keyed to the new names, declared types coerced, misfits counted per column. */
function convertRows(
	before: readonly Column[],
	after: readonly Column[],
	rows: readonly Row[],
	matches: Map<number, ExpectedColumn>
): { rows: Row[]; warnings: Warning[] } {
	const declared = before.map((_, index) => matches.get(index)?.type as DeclaredType | undefined);
	const misfits = before.map(() => ({ count: 0, example: '' }));

	const converted = rows.map((row) => {
		const next = emptyRow();
		for (let c = 0; c < before.length; c++) {
			const value = row[before[c].name] ?? null;
			const type = declared[c];
			const coerced = type === undefined ? { fits: true as const, value } : coerceCell(value, type);
			if (coerced.fits) next[after[c].name] = coerced.value;
			else {
				next[after[c].name] = value;
				if (misfits[c].count++ === 0) misfits[c].example = String(value);
			}
		}
		return next;
	});

	const warnings = misfits.flatMap((misfit, c) =>
		misfit.count === 0
			? []
			: [valueNotCoerced(after[c].name, declared[c] as DeclaredType, misfit.count, misfit.example)]
	);
	return { rows: converted, warnings };
}

function describeMissingColumn(name: string, arrived: readonly string[]): MissingColumn {
	const didYouMean = closestName(name, arrived);
	const add = `Add ${quote(name)} to your search and run the action again.`;
	if (didYouMean === undefined) return { name, message: add };
	return {
		name,
		didYouMean,
		message: `${add} The push has ${quote(didYouMean)}: if that is the same column, rename it to ${quote(name)} in the search.`
	};
}

/**
 * The summary for missing required columns: the 422 body's message and details, or the text
 * of a warning when the action lets the run go on.
 */
export function describeMissing(
	missing: readonly MissingColumn[],
	arrivedColumns: readonly (Column | string)[]
): Problem & { details: { missing: MissingColumn[]; arrived: string[] } } {
	const arrived = arrivedColumns.map((column) =>
		typeof column === 'string' ? column : column.name
	);
	const names = missing.map((column) => quote(column.name));
	const what =
		missing.length === 1
			? `the column ${names[0]}. ${missing[0].message}`
			: `${missing.length} columns: ${listed(names)}. Add them to your search and run the action again.`;
	const has =
		arrived.length === 0 ? 'It has no columns.' : `It has ${listed(shownNames(arrived))}.`;
	return {
		code: 'missing-columns',
		message: `The push is missing ${what} ${has}`,
		details: { missing: [...missing], arrived }
	};
}

/** The arrived names for a sentence: the first twenty, then how many more. */
function shownNames(names: string[]): string[] {
	const shown = names.slice(0, 20).map(quote);
	return names.length > 20 ? [...shown, `${names.length - 20} more`] : shown;
}

function listed(items: string[]): string {
	if (items.length <= 1) return items.join('');
	return `${items.slice(0, -1).join(', ')} and ${items[items.length - 1]}`;
}
