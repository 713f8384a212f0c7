/**
 * The row filter keeps the rows that match structured conditions, nested as `all` / `any`
 * groups. It is compiled once per action into plain closures; a run fixes `now` (for the
 * relative date operators) and then tests each row without parsing anything again.
 */

import type { FilterCondition, FilterOp, RowFilter, RowFilterNode } from '../actions/definition';
import type { Row } from '../payload/types';
import { compareValues, toNumber } from './compare';
import { DAY_MS, parseDateValue, utcDay } from './dates';
import type { MappingProblem } from './problems';

/** The clock a run is tested against. */
interface Clock {
	nowMs: number;
	today: number;
}

type Test = (row: Row, clock: Clock) => boolean;

export interface CompiledRowFilter {
	/** Conditions that could not be compiled. A filter with problems keeps no row. */
	problems: MappingProblem[];
	/** Fixes `now` for one run and returns the test that says whether to keep a row. */
	at(now: Date): (row: Row) => boolean;
}

/** Deeper nesting than this is surely a mistake, and would only risk the stack. */
const MAX_DEPTH = 16;

/** Compiles a row filter; no filter keeps every row. */
export function compileRowFilter(filter: RowFilter | undefined): CompiledRowFilter {
	if (!filter) {
		return { problems: [], at: () => () => true };
	}
	const problems: MappingProblem[] = [];
	const test = compileNode(filter, 'rowFilter', 0, problems);
	if (problems.length > 0) {
		return { problems, at: () => () => false };
	}
	return {
		problems,
		at(now) {
			const clock = { nowMs: now.getTime(), today: utcDay(now.getTime()) };
			return (row) => test(row, clock);
		}
	};
}

function compileNode(
	node: RowFilterNode,
	where: string,
	depth: number,
	problems: MappingProblem[]
): Test {
	if (depth > MAX_DEPTH) {
		problems.push(filterProblem(where, `The filter nests deeper than ${MAX_DEPTH} groups.`));
		return never;
	}
	if (node && typeof node === 'object' && 'all' in node) {
		return compileGroup(node.all, `${where}.all`, depth, problems, 'all');
	}
	if (node && typeof node === 'object' && 'any' in node) {
		return compileGroup(node.any, `${where}.any`, depth, problems, 'any');
	}
	if (node && typeof node === 'object' && 'op' in node) {
		return compileCondition(node, where, problems);
	}
	problems.push(filterProblem(where, 'Each filter entry is a condition or an all/any group.'));
	return never;
}

function compileGroup(
	nodes: RowFilterNode[],
	where: string,
	depth: number,
	problems: MappingProblem[],
	kind: 'all' | 'any'
): Test {
	if (!Array.isArray(nodes)) {
		problems.push(filterProblem(where, `"${kind}" must be a list of conditions.`));
		return never;
	}
	const tests = nodes.map((node, i) => compileNode(node, `${where}[${i}]`, depth + 1, problems));
	if (kind === 'all') {
		return (row, clock) => {
			for (let i = 0; i < tests.length; i++) if (!tests[i](row, clock)) return false;
			return true;
		};
	}
	return (row, clock) => {
		for (let i = 0; i < tests.length; i++) if (tests[i](row, clock)) return true;
		return false;
	};
}

function compileCondition(
	condition: FilterCondition,
	where: string,
	problems: MappingProblem[]
): Test {
	const { column, op, value } = condition;
	if (typeof column !== 'string' || column === '') {
		problems.push(filterProblem(where, 'A condition names no column.'));
		return never;
	}
	const cellTest = compileOp(op, value);
	if (typeof cellTest === 'string') {
		problems.push(filterProblem(where, `Column "${column}": ${cellTest}`));
		return never;
	}
	return (row, clock) => cellTest(Object.hasOwn(row, column) ? row[column] : null, clock);
}

type CellTest = (cell: unknown, clock: Clock) => boolean;

/** Builds the test for one operator, or says why the condition cannot work. */
function compileOp(op: FilterOp, value: unknown): CellTest | string {
	switch (op) {
		case 'is-empty':
			return isEmpty;
		case 'not-empty':
			return (cell) => !isEmpty(cell);
		case 'eq':
		case 'neq':
		case 'gt':
		case 'gte':
		case 'lt':
		case 'lte':
			return value === undefined || value === null
				? `"${op}" needs a value to compare with.`
				: comparison(op, value);
		case 'contains':
		case 'starts-with':
			return value === undefined || value === null
				? `"${op}" needs a value to look for.`
				: textMatch(op, String(value).toLowerCase());
		case 'within-last-days':
		case 'within-next-days':
			return dayWindow(op, toNumber(value));
		default:
			return `"${String(op)}" is not a filter operator.`;
	}
}

function comparison(op: 'eq' | 'neq' | 'gt' | 'gte' | 'lt' | 'lte', value: unknown): CellTest {
	switch (op) {
		case 'eq':
			return (cell) => compareValues(cell, value) === 0;
		case 'neq':
			// A cell that cannot be compared (an empty one, text against a number) is not equal.
			return (cell) => compareValues(cell, value) !== 0;
		case 'gt':
			return (cell) => (compareValues(cell, value) ?? NaN) > 0;
		case 'gte':
			return (cell) => (compareValues(cell, value) ?? NaN) >= 0;
		case 'lt':
			return (cell) => (compareValues(cell, value) ?? NaN) < 0;
		case 'lte':
			return (cell) => (compareValues(cell, value) ?? NaN) <= 0;
	}
}

function textMatch(op: 'contains' | 'starts-with', needle: string): CellTest {
	if (op === 'contains') {
		return (cell) => cell != null && String(cell).toLowerCase().includes(needle);
	}
	return (cell) => cell != null && String(cell).toLowerCase().startsWith(needle);
}

/**
 * Dates fall in a window of whole UTC days (today counts), timestamps in a window of exact
 * hours counted back or forward from now.
 */
function dayWindow(
	op: 'within-last-days' | 'within-next-days',
	days: number | null
): CellTest | string {
	if (days === null || days < 0) {
		return `"${op}" needs a number of days, 0 or more.`;
	}
	const past = op === 'within-last-days';
	return (cell, clock) => {
		const date = parseDateValue(cell);
		if (!date) {
			return false;
		}
		if (date.dateOnly) {
			const day = utcDay(date.ms);
			return past
				? day >= clock.today - days && day <= clock.today
				: day >= clock.today && day <= clock.today + days;
		}
		return past
			? date.ms >= clock.nowMs - days * DAY_MS && date.ms <= clock.nowMs
			: date.ms >= clock.nowMs && date.ms <= clock.nowMs + days * DAY_MS;
	};
}

function isEmpty(cell: unknown): boolean {
	return cell == null || (typeof cell === 'string' && cell.trim() === '');
}

function never(): boolean {
	return false;
}

function filterProblem(where: string, message: string): MappingProblem {
	return { code: 'invalid-row-filter', message: `Row filter: ${message}`, field: where };
}
