/**
 * The data a template sees. A per-row template sees the row's columns by name, the built-in
 * names, and the bindings; a once-per-push template sees the built-in names and the push
 * bindings. Where names collide, bindings win over built-in names, which win over columns.
 *
 * Contexts have no prototype, so a template's lookups can only find data.
 */

import type { CanonicalTable, Row } from '../payload/types';
import type { BindingValues, CompiledBindings, PushView } from './bindings';

/** Names every template can use besides columns and bindings. */
export const CONTEXT_NAMES: readonly string[] = ['rows', 'rowCount', 'answer', 'clickedRow'];

export type TemplateContext = Record<string, unknown>;

/** The push as push bindings and templates see it: `rows` are the rows the filter kept. */
export function buildPushView(table: CanonicalTable, keptRows: Row[]): PushView {
	return {
		answer: table.answer,
		columns: table.columns,
		rows: keptRows,
		rowCount: keptRows.length,
		tables: table.tables,
		clickedRow: table.clickedRow ?? null,
		format: table.format
	};
}

/** The context of a once-per-push render; `rows` may be narrowed to a batch. */
export function pushContext(
	view: PushView,
	pushValues: BindingValues,
	rows: Row[] = view.rows
): TemplateContext {
	const context: TemplateContext = Object.create(null);
	addBuiltIns(context, view, rows);
	copyOwn(pushValues, context);
	return context;
}

/** The context of one row's render. */
export function rowContext(
	row: Row,
	view: PushView,
	pushValues: BindingValues,
	bindings: CompiledBindings
): TemplateContext {
	const context: TemplateContext = Object.create(null);
	copyOwn(row, context);
	addBuiltIns(context, view, view.rows);
	copyOwn(pushValues, context);
	bindings.evaluateRow(row, context);
	return context;
}

/**
 * Row contexts for a loop whose renders keep nothing of the context, only the text they make:
 * one object is rewritten row after row while the rows have the same columns, instead of a
 * new one being filled per row. Each row's context holds what `rowContext` would give, in the
 * same order; a row with other columns gets a new object, so no column of the previous row
 * lingers. Only the object returned last is valid.
 */
export function rowContextWriter(
	view: PushView,
	pushValues: BindingValues,
	bindings: CompiledBindings
): (row: Row) => TemplateContext {
	const shared = new Set([...CONTEXT_NAMES, ...Object.keys(pushValues)]);
	let context: TemplateContext = Object.create(null);
	let columns: string[] | null = null;
	// The built-in names and push values stay as written unless a column overwrites them.
	let columnsOverlapShared = true;
	return (row) => {
		const keys = Object.keys(row);
		const sameColumns = columns !== null && sameNames(keys, columns);
		if (!sameColumns) {
			context = Object.create(null);
			columns = keys;
			columnsOverlapShared = keys.some((key) => shared.has(key));
		}
		for (let i = 0; i < keys.length; i++) {
			context[keys[i]] = row[keys[i]];
		}
		if (!sameColumns || columnsOverlapShared) {
			addBuiltIns(context, view, view.rows);
			copyOwn(pushValues, context);
		}
		bindings.evaluateRow(row, context);
		return context;
	};
}

function sameNames(a: string[], b: string[]): boolean {
	if (a.length !== b.length) {
		return false;
	}
	for (let i = 0; i < a.length; i++) {
		if (a[i] !== b[i]) {
			return false;
		}
	}
	return true;
}

function addBuiltIns(context: TemplateContext, view: PushView, rows: Row[]): void {
	context.rows = rows;
	context.rowCount = rows.length;
	context.answer = view.answer;
	context.clickedRow = view.clickedRow;
}

function copyOwn(from: object, into: TemplateContext): void {
	for (const key in from) {
		if (Object.hasOwn(from, key)) {
			into[key] = (from as Record<string, unknown>)[key];
		}
	}
}
