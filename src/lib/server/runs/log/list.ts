/** The run log's list: newest first, filtered, a page at a time (keyset pagination). */

import { sql, type SQL } from 'drizzle-orm';
import { decodeCursor, encodeCursor } from '../../../runs/cursor';
import type { RunFilters } from '../../../runs/filters';
import type { Database } from '../../db/client';
import { rowsOf } from '../../db/rows';
import type { RunSummary } from '../../../runs/summary';
import { runConditions, runsSource, whereClause } from './conditions';

export type { RunSummary };

export const PAGE_SIZE = 50;
export const MAX_PAGE_SIZE = 500;

export interface RunPage {
	runs: RunSummary[];
	/** The cursor for the next page; null on the last one. */
	next: string | null;
}

export async function listRuns(
	db: Database,
	filters: RunFilters,
	options: { after?: string | null; limit?: number } = {}
): Promise<RunPage> {
	const limit = Math.min(Math.max(options.limit ?? PAGE_SIZE, 1), MAX_PAGE_SIZE);
	const conditions = runConditions(filters, { after: decodeCursor(options.after ?? null) });
	const rows = await selectRuns(db, runsSource(filters), conditions, limit + 1);
	const more = rows.length > limit;
	const runs = more ? rows.slice(0, limit) : rows;
	return { runs, next: more ? runs[runs.length - 1].cursor : null };
}

/** Runs by id, as the list shows them, for live updates and exports. */
export function findRunSummaries(db: Database, ids: string[]): Promise<RunSummary[]> {
	if (ids.length === 0) return Promise.resolve([]);
	const list = sql.join(
		ids.map((id) => sql`${id}::uuid`),
		sql`, `
	);
	return selectRuns(db, sql`runs`, [sql`r.id in (${list})`], ids.length);
}

/**
 * One page of runs. The page is chosen first, by the index alone; only its runs are then
 * joined with their action and their deliveries' counts.
 */
export async function selectRuns(
	db: Database,
	source: SQL,
	conditions: SQL[],
	limit: number,
	order: 'newest' | 'oldest' = 'newest'
): Promise<RunSummary[]> {
	const result = await db.execute(runsQuery(source, conditions, limit, order));
	return rowsOf<Record<string, unknown>>(result).map(toSummary);
}

/** The list's query, apart so that the bench can EXPLAIN exactly what the run log runs. */
export function runsQuery(
	source: SQL,
	conditions: SQL[],
	limit: number,
	order: 'newest' | 'oldest'
): SQL {
	// The indexes are ordered "desc nulls last" (as drizzle writes them); the planner matches
	// an index only when the null order agrees too, though received_at is never null.
	const direction = sql.raw(order === 'newest' ? 'desc nulls last' : 'asc nulls first');
	return sql`
		with page as (
			select r.id, r.received_at, r.finished_at, r.action_id, r.action_version, r.status,
				r.test, r.row_count, r.format, r.client_address, r.auth_method, r.idempotency_key,
				r.replay_of, r.error->>'message' as error,
				(extract(epoch from r.received_at) * 1000000)::bigint::text as micros
			from ${source} r
			${whereClause(conditions)}
			order by r.received_at ${direction}, r.id ${direction}
			limit ${limit}
		)
		select page.*, a.slug as action_slug, a.label as action_label,
			counts.total, counts.succeeded, counts.failed, counts.open, counts.delivery_error
		from page
		left join actions a on a.id = page.action_id
		left join lateral (
			select count(*)::int as total,
				count(*) filter (where d.status = 'succeeded')::int as succeeded,
				count(*) filter (where d.status in ('dead', 'cancelled'))::int as failed,
				count(*) filter (where d.status in ('pending', 'sending', 'retrying'))::int as open,
				(array_agg(d.last_error) filter (where d.status = 'dead'))[1] as delivery_error
			from deliveries d where d.run_id = page.id
		) counts on true
		order by page.received_at ${direction}, page.id ${direction}`;
}

function toSummary(row: Record<string, unknown>): RunSummary {
	const id = String(row.id);
	return {
		id,
		receivedAt: isoOf(row.received_at)!,
		finishedAt: isoOf(row.finished_at),
		action: row.action_slug
			? { slug: String(row.action_slug), label: String(row.action_label) }
			: null,
		actionVersion: row.action_version === null ? null : Number(row.action_version),
		status: String(row.status),
		test: row.test === true,
		rowCount: row.row_count === null ? null : Number(row.row_count),
		format: (row.format as string | null) ?? null,
		clientAddress: (row.client_address as string | null) ?? null,
		authMethod: (row.auth_method as string | null) ?? null,
		idempotencyKey: (row.idempotency_key as string | null) ?? null,
		replayOf: row.replay_of === null ? null : String(row.replay_of),
		error: ((row.error ?? row.delivery_error) as string | null) ?? null,
		deliveries: {
			total: Number(row.total ?? 0),
			succeeded: Number(row.succeeded ?? 0),
			failed: Number(row.failed ?? 0),
			open: Number(row.open ?? 0)
		},
		cursor: encodeCursor({ receivedMicros: String(row.micros), id })
	};
}

/** The drivers give timestamps as Date objects or as text, depending on the query. */
export function isoOf(value: unknown): string | null {
	if (value === null || value === undefined) return null;
	return (value instanceof Date ? value : new Date(String(value))).toISOString();
}
