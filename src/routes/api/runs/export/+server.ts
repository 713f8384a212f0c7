import { json } from '@sveltejs/kit';
import { runsToCsv } from '$lib/runs/export';
import { findRunsToExport } from '$lib/server/runs/log/export';
import { filtersFrom, idsFrom } from '$lib/server/runs/log/requests';
import { runtime } from '$lib/server/runtime';

/**
 * Runs as a file: `?format=csv|json`, the runs chosen by repeated `id` parameters, or
 * without ids every run the list's filters match (newest first, at most 10,000).
 */
export const GET = async ({ url }) => {
	const format = url.searchParams.get('format') === 'json' ? 'json' : 'csv';
	const ids = idsFrom(url.searchParams);
	const parsed = filtersFrom(url);
	if (!parsed.ok) return parsed.response;

	const selection = ids.length > 0 ? { ids } : { filters: parsed.filters };
	const runs = await findRunsToExport(runtime().db, selection);
	const filename = `runs-${new Date().toISOString().slice(0, 19).replace(/:/g, '')}.${format}`;
	const headers = {
		'content-disposition': `attachment; filename="${filename}"`,
		'cache-control': 'no-store'
	};
	if (format === 'json') return json({ runs }, { headers });
	return new Response(runsToCsv(runs), {
		headers: { ...headers, 'content-type': 'text/csv; charset=utf-8' }
	});
};
