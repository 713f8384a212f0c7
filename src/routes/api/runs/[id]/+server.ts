import { json } from '@sveltejs/kit';
import { jsonError } from '$lib/server/http';
import { findRunDetail } from '$lib/server/runs/run-detail';
import { runtime } from '$lib/server/runtime';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** One run with everything recorded about it: its deliveries and each attempt. */
export const GET = async ({ params }) => {
	const detail = UUID.test(params.id) ? await findRunDetail(runtime().db, params.id) : null;
	if (!detail) return jsonError(404, 'not-found', `There is no run ${params.id}.`);
	return json(detail);
};
