/**
 * Validates an action definition from anywhere (an imported file, the designer, the API):
 * the JSON Schema first, then the rules a schema cannot express. Never throws: whatever
 * the input, the answer is either a complete definition or a list of problems.
 */

import { semanticFindings } from './checks';
import { withDefaults, type DefinitionInput } from './defaults';
import type { ActionDefinition } from './definition';
import { readJsonTree } from './json-tree';
import { toProblems, type DefinitionProblem } from './problems';
import { schemaFindings } from './schema-problems';

export type { DefinitionProblem } from './problems';
export { actionDefinitionSchema } from './schema-problems';
export { RESERVED_BINDING_NAMES } from './checks';

export type DefinitionValidation =
	| { ok: true; definition: ActionDefinition; warnings: DefinitionProblem[] }
	| { ok: false; problems: DefinitionProblem[]; warnings: DefinitionProblem[] };

/**
 * Checks `input` as an action definition. On success the definition is a fresh copy with
 * defaults applied; warnings point at things that work but are probably mistakes.
 * Problems and warnings are sorted by path.
 */
export function validateDefinition(input: unknown): DefinitionValidation {
	const read = readJsonTree(input);
	if (!read.ok) return { ok: false, problems: toProblems(read.findings), warnings: [] };

	const semantic = semanticFindings(read.tree);
	const errors = [...schemaFindings(read.tree), ...semantic.errors];
	const warnings = toProblems(semantic.warnings);
	if (errors.length > 0) return { ok: false, problems: toProblems(errors), warnings };

	// The schema has accepted the tree, so it has the shape DefinitionInput describes.
	return { ok: true, definition: withDefaults(read.tree as DefinitionInput), warnings };
}
