/**
 * The checks before publishing. Errors block it: the definition is invalid, or a template,
 * binding or filter would fail every push. Warnings are listed for the admin to judge: a
 * template uses a name nothing provides, an expected column is never read, an email has no
 * recipients.
 */

import type { ActionDefinition, EmailOutput } from '../actions/definition';
import { validateDefinition } from '../actions/validate';
import { compileAction } from '../mapping/compile-action';
import { checkDefinitionNames } from '../mapping/names';
import type { MappingProblem } from '../mapping/problems';
import { usedColumns } from './used-columns';

export interface Check {
	/** Where, as the validator writes it: `outputs[1].email.to`, `expectedColumns[2]`. */
	path: string;
	message: string;
}

export interface PublishChecks {
	errors: Check[];
	warnings: Check[];
}

/** Every check on `input` (any JSON); publishing is allowed when `errors` is empty. */
export function prePublishChecks(input: unknown): PublishChecks {
	const validation = validateDefinition(input);
	if (!validation.ok) return { errors: validation.problems, warnings: validation.warnings };
	const definition = validation.definition;

	const errors = compileAction(definition).problems.map((p) => ({
		path: problemPath(definition, p),
		message: p.message
	}));
	const warnings: Check[] = [
		...validation.warnings,
		...nameWarnings(definition),
		...unusedColumns(definition),
		...missingRecipients(definition)
	];
	return { errors, warnings };
}

/** Where a mapping problem sits in the definition, as a path the editor can point at. */
export function problemPath(definition: ActionDefinition, problem: MappingProblem): string {
	if (problem.binding !== undefined) {
		return `bindings[${definition.bindings.findIndex((b) => b.name === problem.binding)}].path`;
	}
	if (problem.outputId !== undefined) {
		const index = definition.outputs.findIndex((o) => o.id === problem.outputId);
		return `outputs[${index}]${problem.field ? '.' + problem.field : ''}`;
	}
	return problem.field ?? 'rowFilter';
}

function nameWarnings(definition: ActionDefinition): Check[] {
	const columns = definition.expectedColumns.map((column) => column.name);
	return checkDefinitionNames(definition, columns).map((warning) => ({
		path: problemPath(definition, warning),
		message: warning.message
	}));
}

function unusedColumns(definition: ActionDefinition): Check[] {
	const used = usedColumns(definition);
	return definition.expectedColumns.flatMap((column, index) =>
		used.has(column.name)
			? []
			: [
					{
						path: `expectedColumns[${index}]`,
						message: `"${column.name}" is expected but no template, binding or filter uses it.`
					}
				]
	);
}

function missingRecipients(definition: ActionDefinition): Check[] {
	return definition.outputs.flatMap((output, index) =>
		output.type === 'email' && !hasRecipients(output)
			? [
					{
						path: `outputs[${index}].email.to`,
						message: `The email "${output.id}" has no recipient: write an address or drop a column such as Email into To.`
					}
				]
			: []
	);
}

/** Whether any recipient field holds an address or a template that could render one. */
function hasRecipients(output: EmailOutput): boolean {
	const { to, cc, bcc } = output.email;
	return [to, cc, bcc].some((field) => field !== undefined && /@|\{\{/.test(field));
}
