/**
 * The checks a JSON Schema cannot express. They read the tree defensively, so they run
 * even when the schema has already found problems and the person sees everything at once.
 */

import type { Finding } from '../problems';
import { checkBindingNames, checkExpectedColumnNames, checkOutputIds } from './check-names';
import { checkOutputs } from './check-outputs';
import { checkRowFilter } from './check-row-filter';
import { Report, isRecord } from './report';

export { RESERVED_BINDING_NAMES } from './check-names';

/** Errors (the definition is refused) and warnings (it is accepted) beyond the schema. */
export function semanticFindings(tree: unknown): { errors: Finding[]; warnings: Finding[] } {
	const report = new Report();
	if (!isRecord(tree)) return report;

	checkOutputIds(tree, report);
	checkBindingNames(tree, report);
	checkExpectedColumnNames(tree, report);
	checkOutputs(tree, report);
	checkRowFilter(tree, report);
	checkDoesSomething(tree, report);
	return report;
}

function checkDoesSomething(definition: Record<string, unknown>, report: Report): void {
	const outputs = definition.outputs;
	if (!Array.isArray(outputs) || outputs.length > 0 || definition.page !== undefined) return;
	report.warn(['outputs'], 'the action has no outputs and no page: a push is only recorded');
}
