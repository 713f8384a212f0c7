/**
 * Bindings give a name to a JSONPath over one row or over the whole push, so templates can
 * say `{{email}}` or `{{answerName}}`. They are compiled once per action version.
 */

import type { Binding } from '../actions/definition';
import type { CanonicalTable, Column, Row, Table } from '../payload/types';
import { compileJsonPath, type CompiledJsonPath } from './json-path';
import type { MappingProblem } from './problems';

/** What a push-scope binding's path reads: the push with the rows that passed the filter. */
export interface PushView {
	answer: CanonicalTable['answer'];
	columns: Column[];
	rows: Row[];
	rowCount: number;
	tables: Table[];
	clickedRow: Row | null;
	format: string;
}

/** Binding values by binding name. */
export type BindingValues = Record<string, unknown>;

export interface CompiledBindings {
	/** Bindings that could not be compiled; they are left out of every evaluation. */
	problems: MappingProblem[];
	rowNames: string[];
	pushNames: string[];
	/** Evaluates the row bindings over one row, writing them into `into` (a new object if absent). */
	evaluateRow(row: Row, into?: BindingValues): BindingValues;
	/** Evaluates the push bindings once per push. */
	evaluatePush(push: PushView, into?: BindingValues): BindingValues;
}

interface ReadyBinding {
	name: string;
	path: CompiledJsonPath;
}

/** Compiles every binding's path once; bad ones become problems, found before any push. */
export function compileBindings(bindings: Binding[]): CompiledBindings {
	const problems: MappingProblem[] = [];
	const row: ReadyBinding[] = [];
	const push: ReadyBinding[] = [];
	const seen = new Set<string>();

	for (const binding of bindings) {
		const problem = checkBinding(binding, seen);
		if (problem) {
			problems.push(problem);
			continue;
		}
		seen.add(binding.name);
		const compiled = compileJsonPath(binding.path);
		if (!compiled.ok) {
			problems.push(invalidPath(binding, compiled.message));
			continue;
		}
		(binding.scope === 'row' ? row : push).push({ name: binding.name, path: compiled.path });
	}

	return {
		problems,
		rowNames: row.map((binding) => binding.name),
		pushNames: push.map((binding) => binding.name),
		evaluateRow: (value, into) => evaluateAll(row, value, into),
		evaluatePush: (value, into) => evaluateAll(push, value, into)
	};
}

function evaluateAll(
	bindings: ReadyBinding[],
	root: unknown,
	into: BindingValues = Object.create(null)
): BindingValues {
	for (let i = 0; i < bindings.length; i++) {
		into[bindings[i].name] = bindings[i].path.evaluate(root);
	}
	return into;
}

function checkBinding(binding: Binding, seen: Set<string>): MappingProblem | null {
	const name = typeof binding.name === 'string' ? binding.name.trim() : '';
	if (name === '') {
		return {
			code: 'invalid-binding',
			message: 'A binding has no name; give it one so templates can use it.',
			binding: ''
		};
	}
	if (seen.has(binding.name)) {
		return {
			code: 'duplicate-binding',
			message: `Two bindings are named "${binding.name}"; rename one of them.`,
			binding: binding.name
		};
	}
	if (binding.scope !== 'row' && binding.scope !== 'push') {
		return {
			code: 'invalid-binding',
			message: `Binding "${binding.name}" has scope "${String(binding.scope)}"; use "row" or "push".`,
			binding: binding.name
		};
	}
	return null;
}

function invalidPath(binding: Binding, reason: string): MappingProblem {
	return {
		code: 'invalid-jsonpath',
		message: `Binding "${binding.name}": ${reason}`,
		binding: binding.name,
		details: { path: binding.path }
	};
}
