import { json } from '@sveltejs/kit';
import { isRunId } from '$lib/runs/cursor';
import { jsonError } from '$lib/server/http';
import { findRunLogDetail } from '$lib/server/runs/log/detail';
import { runtime } from '$lib/server/runtime';

/** One run with everything recorded about it: its deliveries and each attempt. */
export const GET = async ({ params }) => {
	const detail = isRunId(params.id) ? await findRunLogDetail(runtime().db, params.id) : null;
	if (!detail) return jsonError(404, 'not-found', `There is no run ${params.id}.`);
	return json(detail);
};
