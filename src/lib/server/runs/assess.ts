/**
 * What a push's body amounts to, before anything is stored: its canonical table, the
 * warnings, and whether the action accepts it. Pure, so it is the same for a live push, a
 * dry run and a replay.
 */

import type { ActionDefinition } from '../../actions/definition';
import { checkExpectedColumns, describeMissing } from '../../payload/columns';
import { normalize } from '../../payload/normalize';
import type { CanonicalTable, Problem, Warning } from '../../payload/types';

export type Assessment =
	| { accepted: true; table: CanonicalTable; warnings: Warning[] }
	| {
			accepted: false;
			status: 400 | 422;
			problem: Problem;
			table?: CanonicalTable;
			warnings: Warning[];
	  };

export function assessPush(body: unknown, definition: ActionDefinition): Assessment {
	const normalized = normalize(body);
	if (!normalized.ok)
		return { accepted: false, status: 400, problem: normalized.problem, warnings: [] };

	const checked = checkExpectedColumns(normalized.table, definition.expectedColumns);
	const warnings = [...checked.table.warnings];
	if (checked.missing.length === 0) return { accepted: true, table: checked.table, warnings };

	const missing = describeMissing(checked.missing, normalized.table.columns);
	if (definition.onMissingColumns === 'reject') {
		return { accepted: false, status: 422, problem: missing, table: checked.table, warnings };
	}
	warnings.push({ code: missing.code, message: missing.message });
	return { accepted: true, table: checked.table, warnings };
}
