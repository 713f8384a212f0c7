/**
 * What makes a CodeMirror editor a Pushmap template field: completion of columns, bindings,
 * built-in names and helpers inside `{{ }}`, column chips dropped at the mouse, and the
 * field's problems shown inline.
 */

import {
	autocompletion,
	type Completion,
	type CompletionContext,
	type CompletionResult
} from '@codemirror/autocomplete';
import { setDiagnostics, type Diagnostic } from '@codemirror/lint';
import type { EditorState, Extension } from '@codemirror/state';
import { EditorView } from '@codemirror/view';
import type { FieldProblem } from '$lib/designer/field-problems';
import { insertColumnReference, insideMustache, type FieldKind } from '$lib/designer/insert';
import { columnArgument } from '$lib/designer/references';
import { CONTEXT_NAMES } from '$lib/mapping/context';
import { HELPERS } from '$lib/mapping/helpers';

export type { FieldProblem };

/** The type that column chips carry in a drag. */
export const COLUMN_DRAG_TYPE = 'application/x-pushmap-column';

/** The type that an output card's handle carries in a drag: the output's index. */
export const OUTPUT_DRAG_TYPE = 'application/x-pushmap-output';

export interface Names {
	columns: string[];
	bindings: string[];
}

/** Completion inside a mustache, from whatever `names()` says now. */
export function templateCompletion(names: () => Names): Extension {
	return autocompletion({
		override: [(context) => complete(context, names())],
		activateOnTyping: true
	});
}

function complete(context: CompletionContext, names: Names): CompletionResult | null {
	const before = context.state.sliceDoc(0, context.pos);
	if (!insideMustache(before)) return null;
	// A partial name: `[Customer Na` or `Custo`.
	const word = context.matchBefore(/\[[^\]]*$|[\w$]*$/);
	const start = word?.from ?? context.pos;
	if (start === context.pos && !context.explicit && !/\{\{[#/]?$|\s$/.test(before)) return null;
	const options: Completion[] = [
		...names.columns.map((name) => ({
			label: name,
			apply: columnArgument(name),
			type: 'property',
			detail: 'column'
		})),
		...names.bindings.map((name) => ({ label: name, type: 'variable', detail: 'binding' })),
		...CONTEXT_NAMES.map((name) => ({ label: name, type: 'constant', detail: 'built-in' })),
		...Object.entries(HELPERS).map(([name, spec]) => ({
			label: name,
			type: 'function',
			detail: `helper, ${describeArgs(spec.minArgs, spec.maxArgs)}`
		}))
	];
	return { from: start, options, validFor: /^\[?[\w$ ]*$/ };
}

function describeArgs(min: number, max: number): string {
	if (min === max) return `${min} argument${min === 1 ? '' : 's'}`;
	return max === Infinity ? `${min} or more arguments` : `${min} to ${max} arguments`;
}

/**
 * Drops of column chips: the reference goes where the mouse is, written for that spot. Other
 * drops (text from elsewhere) keep CodeMirror's own handling.
 */
export function columnDrop(kind: () => FieldKind): Extension {
	return EditorView.domEventHandlers({
		dragover(event) {
			if (!event.dataTransfer?.types.includes(COLUMN_DRAG_TYPE)) return false;
			event.preventDefault();
			event.dataTransfer.dropEffect = 'copy';
			return true;
		},
		drop(event, view) {
			const column = event.dataTransfer?.getData(COLUMN_DRAG_TYPE);
			if (!column) return false;
			event.preventDefault();
			const at = view.posAtCoords({ x: event.clientX, y: event.clientY }, false);
			insertColumn(view, column, at, kind());
			view.focus();
			return true;
		}
	});
}

/** Inserts a column reference at `at` (default: the cursor) and puts the cursor after it. */
export function insertColumn(view: EditorView, column: string, at: number | null, kind: FieldKind) {
	const position = at ?? view.state.selection.main.head;
	const result = insertColumnReference(view.state.doc.toString(), position, column, kind);
	view.dispatch({
		changes: { from: position, insert: result.inserted },
		selection: { anchor: position + result.inserted.length },
		userEvent: 'input.drop'
	});
}

/** Shows the problems inline, each from its position to the end of its line. */
export function showProblems(view: EditorView, problems: FieldProblem[]) {
	const diagnostics = problems.map((problem) => diagnosticFor(view.state, problem));
	view.dispatch(setDiagnostics(view.state, diagnostics));
}

function diagnosticFor(state: EditorState, problem: FieldProblem): Diagnostic {
	const doc = state.doc;
	if (problem.line === undefined || problem.line < 1 || problem.line > doc.lines) {
		return { from: 0, to: doc.length, severity: problem.severity, message: problem.message };
	}
	const line = doc.line(problem.line);
	const from = Math.min(line.from + (problem.column ?? 0), line.to);
	return {
		from,
		to: Math.max(from, line.to),
		severity: problem.severity,
		message: problem.message
	};
}
