import { json } from '@sveltejs/kit';
import { isRunId } from '$lib/runs/cursor';
import { jsonError } from '$lib/server/http';
import { retryRun } from '$lib/server/runs/log/retry';
import { runtime } from '$lib/server/runtime';

/** Sends the run's failed deliveries again. */
export const POST = async ({ params }) => {
	if (!isRunId(params.id)) return jsonError(404, 'not-found', `There is no run ${params.id}.`);
	const { db, worker } = runtime();
	const result = await retryRun(db, params.id);
	if (!result.ok) return jsonError(result.status, result.code, result.message);
	worker?.nudge();
	return json(result);
};
