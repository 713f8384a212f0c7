import { isRunId } from '$lib/runs/cursor';
import { jsonError } from '$lib/server/http';
import { findRunPayload } from '$lib/server/runs/log/detail';
import { runtime } from '$lib/server/runtime';

/** The payload as it was pushed (or its start, when it was cut), as a file to download. */
export const GET = async ({ params }) => {
	const found = isRunId(params.id) ? await findRunPayload(runtime().db, params.id) : null;
	if (!found) return jsonError(404, 'not-found', `There is no run ${params.id}.`);
	if (found.payload === null) {
		return jsonError(404, 'no-payload', 'This run has no stored payload: its action keeps none.');
	}
	return new Response(found.payload, {
		headers: {
			'content-type': 'application/json; charset=utf-8',
			'content-disposition': `attachment; filename="run-${params.id}${found.truncated ? '-truncated' : ''}.json"`,
			'cache-control': 'no-store'
		}
	});
};
