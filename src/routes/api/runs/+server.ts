import { json } from '@sveltejs/kit';
import { listRuns } from '$lib/server/runs/log/list';
import { filtersFrom } from '$lib/server/runs/log/requests';
import { runtime } from '$lib/server/runtime';

/**
 * Runs, newest first: `?action=<slug>&status=<status|test>&from=&to=&q=<words>`, a page of
 * `limit` (default 50) at a time; pass the answer's `next` as `after` for the next page.
 */
export const GET = async ({ url }) => {
	const parsed = filtersFrom(url);
	if (!parsed.ok) return parsed.response;
	const limit = Number(url.searchParams.get('limit')) || undefined;
	const page = await listRuns(runtime().db, parsed.filters, {
		after: url.searchParams.get('after'),
		limit
	});
	return json(page);
};
