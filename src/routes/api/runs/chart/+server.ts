import { json } from '@sveltejs/kit';
import { countRunsByBucket } from '$lib/server/runs/log/chart';
import { filtersFrom } from '$lib/server/runs/log/requests';
import { runtime } from '$lib/server/runtime';

/** Runs per hour (per day past a week) by status, and totals, for the filters' range (default: the last day). */
export const GET = async ({ url }) => {
	const parsed = filtersFrom(url);
	if (!parsed.ok) return parsed.response;
	return json(await countRunsByBucket(runtime().db, parsed.filters));
};
