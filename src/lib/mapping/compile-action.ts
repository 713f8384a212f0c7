/**
 * Compiling a whole action once per version: its bindings, its row filter, and every
 * template of every output and of the page, with each problem found returned as a value.
 */

import type { ActionDefinition } from '../actions/definition';
import { compileBindings, type CompiledBindings } from './bindings';
import { compileOutput, type CompiledOutput } from './compile-output';
import { PAGE_FIELD } from './output-fields';
import type { MappingProblem } from './problems';
import { compileRowFilter, type CompiledRowFilter } from './row-filter';
import { compileTemplate, type CompiledTemplate } from './templates';

export interface CompiledAction {
	definition: ActionDefinition;
	bindings: CompiledBindings;
	filter: CompiledRowFilter;
	outputs: CompiledOutput[];
	/** The action's result page template; null when it has none or it did not compile. */
	page: CompiledTemplate | null;
	/**
	 * Every problem found: bindings, row filter, outputs and page. An action with problems can
	 * still be previewed (broken bindings are empty, a broken filter keeps no row, broken
	 * outputs render nothing), but must not be run.
	 */
	problems: MappingProblem[];
}

/** Compiles an action's bindings, row filter and every template, returning problems, not throwing. */
export function compileAction(definition: ActionDefinition): CompiledAction {
	const bindings = compileBindings(definition.bindings ?? []);
	const filter = compileRowFilter(definition.rowFilter);
	const outputs = (definition.outputs ?? []).map(compileOutput);
	const problems = [...bindings.problems, ...filter.problems, ...duplicateIds(outputs)];
	for (const output of outputs) {
		problems.push(...output.problems);
	}

	let page: CompiledTemplate | null = null;
	if (definition.page !== undefined) {
		const compiled = compileTemplate(definition.page.template, 'html', PAGE_FIELD);
		if (compiled.ok) {
			page = compiled.template;
		} else {
			problems.push(...compiled.problems);
		}
	}
	return { definition, bindings, filter, outputs, page, problems };
}

function duplicateIds(outputs: CompiledOutput[]): MappingProblem[] {
	const seen = new Set<string>();
	const problems: MappingProblem[] = [];
	for (const { output } of outputs) {
		if (seen.has(output.id)) {
			problems.push({
				code: 'duplicate-output-id',
				message: `Two outputs have the id "${output.id}"; give each its own.`,
				outputId: output.id
			});
		}
		seen.add(output.id);
	}
	return problems;
}
