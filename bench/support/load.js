/**
 * Load with autocannon: a warm-up whose figures are thrown away (JIT, connection pools,
 * caches), then the measured run. The figures are those a reader compares across runs.
 */

import autocannon from 'autocannon';

/**
 * POSTs `body` to `url` from `connections` connections: `warmupSeconds`, then `seconds`
 * measured. Returns `{ pushesPerSecond, p50Ms, p99Ms, completed, non2xx, errors, timeouts,
 * statusCodes }` for the measured part; `non2xx` counts the warm-up's too, since any
 * failure at all means the comparison is off.
 */
export async function measurePosts({ url, body, connections, warmupSeconds, seconds }) {
	const request = { url, body, connections, headers: { 'content-type': 'application/json' } };
	const warmup = await runAutocannon({ ...request, duration: warmupSeconds });
	const result = await runAutocannon({ ...request, duration: seconds });

	return {
		pushesPerSecond: result.requests.average,
		p50Ms: result.latency.p50,
		p99Ms: result.latency.p99,
		completed: result.latency.totalCount,
		non2xx: warmup.non2xx + result.non2xx,
		errors: warmup.errors + result.errors,
		timeouts: warmup.timeouts + result.timeouts,
		statusCodes: statusCounts(warmup, result)
	};
}

function runAutocannon({ url, body, connections, headers, duration }) {
	return autocannon({ url, method: 'POST', body, headers, connections, duration });
}

/** `{ "200": 1234, "429": 2 }` over both runs, to say what the non-2xx answers were. */
function statusCounts(...results) {
	const counts = {};
	for (const result of results) {
		for (const [status, { count }] of Object.entries(result.statusCodeStats)) {
			counts[status] = (counts[status] ?? 0) + count;
		}
	}
	return counts;
}
