/**
 * Keeps a list of runs up to date from the run log's server-sent events: runs that change
 * are replaced, and new runs that match the filters are put on top.
 */

import type { RunSummary } from '$lib/runs/summary';

export interface WatchOptions {
	query: URLSearchParams;
	runs: RunSummary[];
	/** The newest run's cursor, to be told of newer ones; null to watch only `runs`. */
	since: string | null;
}

export function watchRuns(options: () => WatchOptions) {
	let changed = $state<Record<string, RunSummary>>({});
	let added = $state<RunSummary[]>([]);

	$effect(() => {
		const { query, runs, since } = options();
		changed = {};
		added = [];

		const params = [
			query.toString(),
			...runs.map((run) => `id=${run.id}`),
			since ? `since=${encodeURIComponent(since)}` : ''
		];
		const source = new EventSource(`/api/runs/events?${params.filter(Boolean).join('&')}`);
		source.addEventListener('run', (event) => {
			const run = JSON.parse((event as MessageEvent<string>).data) as RunSummary & {
				isNew: boolean;
			};
			const known = runs.some((r) => r.id === run.id) || added.some((r) => r.id === run.id);
			if (run.isNew && !known) added = [run, ...added];
			else changed = { ...changed, [run.id]: run };
		});
		return () => source.close();
	});

	return {
		get runs(): RunSummary[] {
			return [...added, ...options().runs].map((run) => changed[run.id] ?? run);
		}
	};
}
