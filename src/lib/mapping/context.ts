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
