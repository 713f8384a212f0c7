import { json } from '@sveltejs/kit';
import { validateDefinition } from '$lib/actions/validate';
import { compileAction } from '$lib/mapping/compile-action';
import { renderAction } from '$lib/mapping/render';
import { findAction } from '$lib/server/actions/store';
import { jsonError } from '$lib/server/http';
import { readJsonObject } from '$lib/server/request-body';
import { assessPush } from '$lib/server/runs/assess';
import { runtime } from '$lib/server/runtime';

/** Rows rendered per per-row output in a dry run: enough to check, few enough to read. */
const DRY_RUN_ROWS = 50;

/**
 * The designer's "Dry run": `{ payload, definition? }` in, everything the push would render
 * out, for the posted definition or the draft. Nothing is recorded, queued or sent.
 */
export const POST = async ({ params, request }) => {
	const body = await readJsonObject(request);
	if (!body.ok) return body.response;
	const action = await findAction(runtime().db, params.slug);
	if (!action) return jsonError(404, 'not-found', `There is no action "${params.slug}".`);

	const validation = validateDefinition(body.value.definition ?? action.draft);
	if (!validation.ok) {
		return jsonError(400, 'invalid-definition', 'The definition has problems.', {
			problems: validation.problems
		});
	}
	const assessment = assessPush(body.value.payload, validation.definition);
	if (!assessment.accepted) {
		const { problem } = assessment;
		return jsonError(assessment.status, problem.code, problem.message, problem.details);
	}

	const compiled = compileAction(validation.definition);
	const rendering = renderAction(compiled, assessment.table, {
		now: new Date(),
		rowLimit: DRY_RUN_ROWS
	});
	return json({
		status: 'dry-run',
		warnings: assessment.warnings,
		rowCount: assessment.table.rows.length,
		rowsKept: rendering.rowsKept,
		rowsShown: Math.min(rendering.rowsKept, DRY_RUN_ROWS),
		outputs: rendering.outputs,
		page: rendering.page ?? null,
		problems: [...rendering.problems, ...compiled.problems]
	});
};
