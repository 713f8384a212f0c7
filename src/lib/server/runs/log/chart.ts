/** Runs per hour (or day) by status over a time range, for the run log's chart and totals. */

import { sql } from 'drizzle-orm';
import { buildChart, chartBucket, type BucketCount, type Chart } from '../../../runs/chart';
import type { RunFilters } from '../../../runs/filters';
import type { Database } from '../../db/client';
import { rowsOf } from '../../db/rows';
import { runConditions, runsSource, whereClause } from './conditions';

const DAY = 24 * 3_600_000;

/** The chart's range: the filters' own, or the last day up to their end. */
export function chartRange(filters: RunFilters, now = new Date()): { from: Date; to: Date } {
	const to = filters.to ?? now;
	const from = filters.from ?? new Date(to.getTime() - DAY);
	return { from, to };
}

export async function countRunsByBucket(
	db: Database,
	filters: RunFilters,
	now = new Date()
): Promise<Chart> {
	const { from, to } = chartRange(filters, now);
	const bucket = sql.raw(`'${chartBucket(from, to)}'`);
	const conditions = runConditions({ ...filters, from, to }, { anyStatus: true });
	const result = await db.execute(sql`
		select
			(extract(epoch from date_trunc(${bucket}, r.received_at at time zone 'UTC')) * 1000)::bigint::text as start,
			r.status,
			count(*)::int as count
		from ${runsSource(filters)} r
		${whereClause(conditions)}
		group by 1, 2`);
	const counts = rowsOf<{ start: string; status: BucketCount['status']; count: number }>(
		result
	).map((row) => ({ start: Number(row.start), status: row.status, count: Number(row.count) }));
	return buildChart(from, to, counts);
}
