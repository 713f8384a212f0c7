/**
 * Every problem of the editor's current state, put beside the template field that causes
 * it: compile errors, names nothing provides, and what rendering the selected row found
 * (a body that is not JSON, an address that is not an address).
 */

import type { ActionDefinition } from '../actions/definition';
import type { CompiledAction } from '../mapping/compile-action';
import { checkDefinitionNames } from '../mapping/names';
import type { MappingProblem } from '../mapping/problems';
import type { RenderedOutput } from '../mapping/rendered';

export interface FieldProblem {
	message: string;
	severity: 'error' | 'warning';
	line?: number;
	column?: number;
}

/** Problems by `outputId|field`; the action's own page is `|page.template`. */
export type ProblemIndex = Map<string, FieldProblem[]>;

export function indexProblems(
	definition: ActionDefinition,
	compiled: CompiledAction,
	rendered: RenderedOutput[]
): ProblemIndex {
	const index: ProblemIndex = new Map();
	const add = (problem: MappingProblem, severity: FieldProblem['severity']) => {
		if (problem.binding !== undefined) return;
		const key = problemKey(problem.outputId, problem.field);
		const list = index.get(key) ?? [];
		if (list.some((known) => known.message === problem.message)) return;
		list.push({ message: problem.message, severity, line: problem.line, column: problem.column });
		index.set(key, list);
	};

	for (const problem of compiled.problems) add(problem, 'error');
	const columns = definition.expectedColumns.map((column) => column.name);
	for (const warning of checkDefinitionNames(definition, columns)) add(warning, 'warning');
	for (const output of rendered) {
		for (const problem of output.problems) add({ ...problem, outputId: output.outputId }, 'error');
	}
	return index;
}

export function problemKey(outputId: string | undefined, field: string | undefined): string {
	return `${outputId ?? ''}|${field ?? ''}`;
}
