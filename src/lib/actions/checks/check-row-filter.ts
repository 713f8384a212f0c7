/**
 * Row filter rules: each condition's value must suit its op, and its column should be one
 * the action expects (a warning: a push may still carry columns nobody declared).
 */

import { columnKey } from '../column-key';
import type { PathSegment } from '../problems';
import { expectedColumnKeys } from './check-names';
import { Report, isRecord } from './report';

const TAKES_NO_VALUE = ['is-empty', 'not-empty'];
const TAKES_DAYS = ['within-last-days', 'within-next-days'];
const COMPARES_ORDER = ['gt', 'gte', 'lt', 'lte'];

/** Checks every condition of the row filter, however deeply its groups nest. */
export function checkRowFilter(definition: Record<string, unknown>, report: Report): void {
	if (!isRecord(definition.rowFilter)) return;
	const expected = expectedColumnKeys(definition);
	visitGroup(definition.rowFilter, ['rowFilter'], (condition, at) => {
		checkConditionValue(condition, at, report);
		checkConditionColumn(condition, at, expected, report);
	});
}

type ConditionVisitor = (condition: Record<string, unknown>, at: PathSegment[]) => void;

// The tree was read with a depth limit, so this recursion is bounded.
function visitGroup(group: Record<string, unknown>, at: PathSegment[], visit: ConditionVisitor) {
	for (const key of ['all', 'any']) {
		const nodes = group[key];
		if (!Array.isArray(nodes)) continue;
		nodes.forEach((node, index) => {
			if (!isRecord(node)) return;
			const where = [...at, key, index];
			if ('all' in node || 'any' in node) visitGroup(node, where, visit);
			else visit(node, where);
		});
	}
}

function checkConditionValue(
	condition: Record<string, unknown>,
	at: PathSegment[],
	report: Report
): void {
	const { op, value } = condition;
	if (typeof op !== 'string') return;
	const where = [...at, 'value'];

	if (TAKES_NO_VALUE.includes(op)) {
		if (value !== undefined) report.warn(where, `is not used by op '${op}'`);
		return;
	}
	if (value === undefined) {
		report.error(where, `required for op '${op}'`);
		return;
	}
	if (TAKES_DAYS.includes(op) && (typeof value !== 'number' || value < 0)) {
		report.error(where, `must be a number of days (0 or more) for op '${op}'`);
	}
	if (COMPARES_ORDER.includes(op) && typeof value === 'boolean') {
		report.error(where, `must be a number, a date or text for op '${op}'`);
	}
}

function checkConditionColumn(
	condition: Record<string, unknown>,
	at: PathSegment[],
	expected: Set<string>,
	report: Report
): void {
	const column = condition.column;
	if (typeof column !== 'string' || expected.size === 0) return;
	if (!expected.has(columnKey(column))) {
		report.warn([...at, 'column'], `'${column}' is not one of the expected columns`);
	}
}
