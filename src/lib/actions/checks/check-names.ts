/**
 * Names that must be unique: output ids (forms and runs refer to them), binding names
 * (templates use them) and expected columns (a push's columns are matched against them).
 */

import { columnKey } from '../column-key';
import { formatPath, type PathSegment } from '../problems';
import { Report, isRecord, listAt, textAt } from './report';

/**
 * Names templates already see, or that Handlebars treats specially; a binding with one of
 * these names would hide it or never be reachable.
 */
export const RESERVED_BINDING_NAMES: readonly string[] = [
	'rows',
	'rowCount',
	'answer',
	'push',
	'row',
	'this',
	'else',
	'true',
	'false',
	'null',
	'undefined'
];

/** Output ids must be unique within the action. */
export function checkOutputIds(definition: Record<string, unknown>, report: Report): void {
	const firstUse = new Map<string, number>();
	listAt(definition, 'outputs').forEach((output, index) => {
		const id = textAt(output, 'id');
		if (id === undefined) return;
		const first = firstUse.get(id);
		if (first === undefined) firstUse.set(id, index);
		else report.error(['outputs', index, 'id'], `duplicate output id '${id}' (outputs[${first}])`);
	});
}

/** Binding names must be unique and must not take a reserved name. */
export function checkBindingNames(definition: Record<string, unknown>, report: Report): void {
	const firstUse = new Map<string, number>();
	listAt(definition, 'bindings').forEach((binding, index) => {
		const name = textAt(binding, 'name');
		if (name === undefined) return;
		const at = ['bindings', index, 'name'];
		if (RESERVED_BINDING_NAMES.includes(name)) {
			report.error(at, `'${name}' is reserved in templates; choose another name`);
		}
		const first = firstUse.get(name);
		if (first === undefined) firstUse.set(name, index);
		else report.error(at, `duplicate binding name '${name}' (bindings[${first}])`);
	});
}

/**
 * No two expected columns (aliases included) may match the same pushed column, or a
 * push's column could be claimed by either.
 */
export function checkExpectedColumnNames(
	definition: Record<string, unknown>,
	report: Report
): void {
	const firstUse = new Map<string, PathSegment[]>();
	const claim = (name: unknown, at: PathSegment[]) => {
		if (typeof name !== 'string') return;
		const key = columnKey(name);
		const first = firstUse.get(key);
		if (first === undefined) firstUse.set(key, at);
		else
			report.error(
				at,
				`'${name}' matches ${formatPath(first)} (names match ignoring case and spaces)`
			);
	};

	listAt(definition, 'expectedColumns').forEach((column, index) => {
		if (!isRecord(column)) return;
		claim(column.name, ['expectedColumns', index, 'name']);
		listAt(column, 'aliases').forEach((alias, aliasIndex) =>
			claim(alias, ['expectedColumns', index, 'aliases', aliasIndex])
		);
	});
}

/** The keys of every expected column's name and alias, for checks that refer to columns. */
export function expectedColumnKeys(definition: Record<string, unknown>): Set<string> {
	const keys = new Set<string>();
	for (const column of listAt(definition, 'expectedColumns')) {
		const name = textAt(column, 'name');
		if (name !== undefined) keys.add(columnKey(name));
		for (const alias of listAt(column, 'aliases')) {
			if (typeof alias === 'string') keys.add(columnKey(alias));
		}
	}
	return keys;
}
