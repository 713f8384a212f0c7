/**
 * How much memory one very large push costs the server: its resident set is sampled while
 * the push is handled, and compared with the resident set just before it was sent.
 */

import { readMemory } from '../support/processes.js';

const SAMPLE_EVERY_MS = 10;

/**
 * POSTs `body` once to `url` while watching process `pid`. Returns `{ status, rowCount,
 * seconds, rssBefore, peakRss, growth }`, memory in bytes. The peak is the higher of the
 * sampled resident sets and VmHWM, but VmHWM only counts when this push raised it: it is
 * the peak of the whole life of the process, and the load runs before may have set it.
 */
export async function measureLargePush({ url, body, pid }) {
	const before = await readMemory(pid);
	const sampler = sampleRss(pid);
	const push = await timedPost(url, body).finally(sampler.stop);
	const sampledPeak = await sampler.peak();

	const after = await readMemory(pid);
	const peakRss = Math.max(sampledPeak, after.peak > before.peak ? after.peak : 0);
	return { ...push, rssBefore: before.rss, peakRss, growth: peakRss - before.rss };
}

async function timedPost(url, body) {
	const started = performance.now();
	const response = await fetch(url, {
		method: 'POST',
		headers: { 'content-type': 'application/json' },
		body
	});
	const reply = await response.json().catch(() => ({}));
	const seconds = (performance.now() - started) / 1000;
	return { status: response.status, rowCount: reply.rowCount, seconds };
}

/** Reads VmRSS every few milliseconds until `stop()`; `peak()` adds one last reading. */
function sampleRss(pid) {
	let peak = 0;
	const take = () =>
		readMemory(pid)
			.then(({ rss }) => (peak = Math.max(peak, rss)))
			// A missed sample only lowers the peak a little; the reading after the push, which
			// is not caught, says if the process has gone.
			.catch(() => {});
	const timer = setInterval(take, SAMPLE_EVERY_MS);
	return {
		stop: () => clearInterval(timer),
		async peak() {
			await take();
			return peak;
		}
	};
}
