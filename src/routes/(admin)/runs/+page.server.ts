import { listActions } from '$lib/server/actions/store';
import { countRunsByBucket } from '$lib/server/runs/log/chart';
import { listRuns } from '$lib/server/runs/log/list';
import { runtime } from '$lib/server/runtime';
import { NO_FILTERS, parseRunFilters } from '$lib/runs/filters';

export const load = async ({ url }) => {
	const { db } = runtime();
	const parsed = parseRunFilters(url.searchParams);
	const filters = parsed.ok ? parsed.filters : NO_FILTERS;
	const after = url.searchParams.get('after');

	const [page, chart, actions] = await Promise.all([
		listRuns(db, filters, { after }),
		countRunsByBucket(db, filters),
		listActions(db)
	]);
	return {
		filters,
		after,
		problem: parsed.ok ? null : parsed.message,
		page,
		chart,
		actions: actions.map((action) => ({ slug: action.slug, label: action.label }))
	};
};
