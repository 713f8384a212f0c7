import { json } from '@sveltejs/kit';
import { isRunId } from '$lib/runs/cursor';
import { jsonError } from '$lib/server/http';
import { cancelRun } from '$lib/server/runs/log/cancel';
import { runtime } from '$lib/server/runtime';

/** Cancels the run's deliveries that wait to be sent or retried. */
export const POST = async ({ params, locals }) => {
	if (!isRunId(params.id)) return jsonError(404, 'not-found', `There is no run ${params.id}.`);
	const result = await cancelRun(runtime().db, params.id, locals.user!.email);
	if (!result.ok) return jsonError(result.status, result.code, result.message);
	return json(result);
};
