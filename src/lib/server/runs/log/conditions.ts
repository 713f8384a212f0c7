/**
 * The SQL for the run log's filters. Each uses an index: the action, status and time
 * conditions the btree indexes on (…, received_at desc, id desc), the search words the
 * full-text GIN indexes on runs and on deliveries' errors.
 */

import { sql, type SQL } from 'drizzle-orm';
import type { RunCursor } from '../../../runs/cursor';
import { searchQuery, type RunFilters } from '../../../runs/filters';

export interface ConditionOptions {
	/** Leave the status out: the chart counts every status. */
	anyStatus?: boolean;
	/** Runs after this one in the list (older). */
	after?: RunCursor | null;
	/** Runs received after this one (newer), for live updates. */
	newerThan?: RunCursor | null;
}

export function runConditions(filters: RunFilters, options: ConditionOptions = {}): SQL[] {
	const conditions: SQL[] = [];
	if (filters.action) {
		conditions.push(sql`r.action_id = (select id from actions where slug = ${filters.action})`);
	}
	if (filters.status === 'test') conditions.push(sql`r.test`);
	else if (filters.status && !options.anyStatus) conditions.push(sql`r.status = ${filters.status}`);
	if (filters.from)
		conditions.push(sql`r.received_at >= ${filters.from.toISOString()}::timestamptz`);
	if (filters.to) conditions.push(sql`r.received_at < ${filters.to.toISOString()}::timestamptz`);

	if (options.after) conditions.push(sql`(r.received_at, r.id) < ${keyOf(options.after)}`);
	if (options.newerThan) conditions.push(sql`(r.received_at, r.id) > ${keyOf(options.newerThan)}`);
	return conditions;
}

/**
 * The runs to list from: all of them, or, with search words, those whose payload or
 * rejection holds the words or one of whose deliveries failed with them (a union of two
 * index lookups, rather than an OR, so each side uses its index).
 *
 * The matches are found first and each fetched by its id (the lateral join, fenced with
 * `offset 0`, keeps the planner to that), then sorted. Left to itself, the planner guesses
 * poorly how many runs a word matches, and may scan the whole table or walk the
 * newest-first index checking every run: a second per million runs for a customer's name
 * found in a few. A search is usually for the few; a word found in most runs costs a
 * lookup per match instead.
 */
export function runsSource(filters: RunFilters): SQL {
	const query = filters.text ? searchQuery(filters.text) : null;
	if (!query) return sql`runs`;
	return sql`(
		select found.* from (
			select id from runs where search @@ to_tsquery('simple', ${query})
			union
			select run_id from deliveries
			where last_error is not null
				and to_tsvector('simple', coalesce(last_error, '')) @@ to_tsquery('simple', ${query})
		) as matches
		cross join lateral (select * from runs where runs.id = matches.id offset 0) as found
	)`;
}

function keyOf(cursor: RunCursor): SQL {
	return sql`(timestamptz 'epoch' + ${cursor.receivedMicros}::bigint * interval '1 microsecond', ${cursor.id}::uuid)`;
}

export function whereClause(conditions: SQL[]): SQL {
	return conditions.length > 0 ? sql`where ${sql.join(conditions, sql` and `)}` : sql``;
}
