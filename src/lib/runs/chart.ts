/**
 * The run log's chart: runs per hour (or per day, over long ranges) by status, as stacked
 * bars. Buckets with no runs are filled in, so the bars line up with the time axis.
 */

import { RUN_STATUSES } from './filters';

export type ChartStatus = (typeof RUN_STATUSES)[number];

export interface BucketCount {
	/** The bucket's start, in ms since the epoch (UTC). */
	start: number;
	status: ChartStatus;
	count: number;
}

export interface ChartBar {
	start: number;
	total: number;
	counts: Record<ChartStatus, number>;
}

export interface Chart {
	bucket: 'hour' | 'day';
	bars: ChartBar[];
	totals: Record<ChartStatus, number> & { all: number };
	/** The largest bar, for scaling. */
	peak: number;
}

const HOUR = 3_600_000;
const DAY = 24 * HOUR;
/** Longer ranges than this are drawn per day, so the chart keeps a readable number of bars. */
const MAX_HOURLY_RANGE = 7 * DAY;

export function chartBucket(from: Date, to: Date): 'hour' | 'day' {
	return to.getTime() - from.getTime() > MAX_HOURLY_RANGE ? 'day' : 'hour';
}

export function buildChart(from: Date, to: Date, counts: BucketCount[]): Chart {
	const bucket = chartBucket(from, to);
	const size = bucket === 'hour' ? HOUR : DAY;
	const first = Math.floor(from.getTime() / size) * size;
	const bars = new Map<number, ChartBar>();
	for (let start = first; start <= to.getTime(); start += size) {
		bars.set(start, { start, total: 0, counts: emptyCounts() });
	}

	const totals = { ...emptyCounts(), all: 0 };
	for (const { start, status, count } of counts) {
		const bar = bars.get(start);
		if (!bar) continue;
		bar.counts[status] += count;
		bar.total += count;
		totals[status] += count;
		totals.all += count;
	}
	const list = [...bars.values()];
	return { bucket, bars: list, totals, peak: Math.max(0, ...list.map((bar) => bar.total)) };
}

function emptyCounts(): Record<ChartStatus, number> {
	return Object.fromEntries(RUN_STATUSES.map((status) => [status, 0])) as Record<
		ChartStatus,
		number
	>;
}
