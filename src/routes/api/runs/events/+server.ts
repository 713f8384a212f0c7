import { decodeCursor } from '$lib/runs/cursor';
import { runEventStream } from '$lib/server/runs/log/events';
import { filtersFrom, idsFrom } from '$lib/server/runs/log/requests';
import { runtime } from '$lib/server/runtime';

/**
 * Server-sent events: `run` events for the watched runs (`id`) when they change, and for
 * new runs matching the filters once `since` (a list cursor: the newest run shown) is given.
 */
export const GET = async ({ url }) => {
	const parsed = filtersFrom(url);
	if (!parsed.ok) return parsed.response;
	const stream = runEventStream(
		runtime().db,
		parsed.filters,
		idsFrom(url.searchParams),
		decodeCursor(url.searchParams.get('since'))
	);
	return new Response(stream, {
		headers: {
			'content-type': 'text/event-stream',
			'cache-control': 'no-store',
			'x-accel-buffering': 'no'
		}
	});
};
