/**
 * Run log bench: how fast the run log lists runs from a table of one million.
 *
 * What it does: creates a fresh database on the local PostgreSQL, applies the migrations,
 * seeds 20 actions and 1,000,000 runs over about 29 days (statuses mixed as in real use,
 * each payload naming a customer, failed runs with a failed delivery) with
 * `insert … select generate_series`, then times the run log's own list query (the code the
 * page and the API run) for four common cases: the first page, one action's failed runs, a
 * text search for a customer's email address, and a page deep in the list (keyset, 500,000
 * runs in). Each case runs once to warm up, then 9 times; the median counts. It prints
 * whether PostgreSQL's plan uses indexes (EXPLAIN), and drops the database at the end.
 *
 * Goal: under 50 ms each, with index scans. A missed goal prints MISSED and exits 0;
 * errors exit 1. Environment: BENCH_POSTGRES_URL (default postgres://postgres@127.0.0.1:5432),
 * BENCH_RUNS (default 1,000,000), BENCH_EXPLAIN=1 to print each case's EXPLAIN ANALYZE.
 */

import { sql } from 'drizzle-orm';
import { encodeCursor } from '../src/lib/runs/cursor';
import { NO_FILTERS, type RunFilters } from '../src/lib/runs/filters';
import { openDatabase, type DatabaseHandle } from '../src/lib/server/db/client';
import { migrateDatabase } from '../src/lib/server/db/migrate';
import { rowsOf } from '../src/lib/server/db/rows';
import { runConditions, runsSource } from '../src/lib/server/runs/log/conditions';
import { listRuns, PAGE_SIZE, runsQuery } from '../src/lib/server/runs/log/list';
import { cleanupOnExit } from './support/cleanup.js';
import { createBenchDatabase, DEFAULT_SERVER_URL } from './support/database.js';
import { formatNumber, formatTable } from './support/table.js';

const RUNS = Number(process.env.BENCH_RUNS ?? 1_000_000);
const ACTIONS = 20;
const CUSTOMERS = 50_000;
const ROUNDS = 9;
const GOAL_MS = 50;

interface Case {
	name: string;
	filters: RunFilters;
	after: string | null;
}

process.exitCode = await main();

async function main(): Promise<number> {
	const cleanup = cleanupOnExit();
	try {
		const database = await createBenchDatabase(
			'pushmap_runlog_bench',
			process.env.BENCH_POSTGRES_URL ?? DEFAULT_SERVER_URL
		);
		cleanup.add(() => database.drop());
		const handle = await openDatabase({ databaseUrl: database.url, dataDir: 'memory://' });
		cleanup.add(() => handle.close());
		await migrateDatabase(handle);

		const seeded = await timed(() => seed(handle));
		console.log(`Seeded ${formatNumber(RUNS)} runs in ${formatNumber(seeded.ms / 1000, 1)} s.\n`);
		const cases = await benchCases(handle);
		const rows = [];
		let missed = 0;
		for (const item of cases) {
			const result = await measure(handle, item);
			if (result.medianMs >= GOAL_MS || !result.indexed) missed++;
			rows.push([
				item.name,
				formatNumber(result.medianMs, 1),
				String(result.count),
				result.indexed ? 'yes' : 'NO',
				result.scans
			]);
		}
		console.log(formatTable(['case', 'median ms', 'runs', 'indexes', 'plan'], rows));
		console.log(
			missed === 0
				? `\nAll cases under ${GOAL_MS} ms with index scans.`
				: `\nMISSED: ${missed} case(s) at or over ${GOAL_MS} ms or without index scans.`
		);
		return 0;
	} catch (error) {
		console.error(error);
		return 1;
	} finally {
		await cleanup.run();
	}
}

/** Actions, then runs in one statement, then a failed delivery for each failed run. */
async function seed(handle: DatabaseHandle) {
	await handle.exec(`
		insert into actions (slug, label, draft, published_version)
		select 'action-' || g, 'Action ' || g, '{}'::jsonb, 1 from generate_series(1, ${ACTIONS}) g;
		insert into action_versions (action_id, version, definition)
		select id, 1, '{}'::jsonb from actions;`);
	await handle.exec(`
		insert into runs (action_id, action_version, status, test, received_at, finished_at,
			client_address, auth_method, format, row_count, payload, payload_bytes, error)
		select
			a.ids[1 + (g / 100) % ${ACTIONS}], 1, s.status, g % 97 = 0,
			now() - g * interval '2.5 seconds',
			case when s.status in ('running', 'received') then null
				else now() - g * interval '2.5 seconds' + interval '300 milliseconds' end,
			'10.0.' || (g % 250) || '.' || (g % 200), 'bearer', 'plain.rows', 1 + g % 5,
			p.payload, length(p.payload),
			case when s.status = 'rejected'
				then jsonb_build_object('code', 'missing-columns', 'message', 'The push lacks the column "Email".')
			end
		from generate_series(1, ${RUNS}) g
		cross join (select array_agg(id order by slug) as ids from actions) a
		cross join lateral (select case
			when g % 100 < 85 then 'succeeded' when g % 100 < 90 then 'failed'
			when g % 100 < 94 then 'partly-failed' when g % 100 < 97 then 'rejected'
			when g % 100 < 99 then 'running' else 'received' end as status) s
		cross join lateral (select format(
			'[{"Customer":"Customer %s","Email":"ap%s@example.com","Invoice":"INV-%s","Amount":%s}]',
			g % ${CUSTOMERS}, g % ${CUSTOMERS}, g, g % 9000) as payload) p;`);
	await handle.exec(`
		insert into deliveries (run_id, output_id, output_type, status, rendered, attempt_count,
			max_attempts, last_error)
		select id, 'invoice', 'http', 'dead', '{"type":"http"}'::jsonb, 5, 5,
			'The target answered 50' || (extract(microseconds from received_at)::int % 4) || '.'
		from runs where status in ('failed', 'partly-failed');`);
	// Alone: VACUUM cannot run inside the transaction a multi-statement string makes.
	await handle.exec('vacuum analyze');
}

async function benchCases(handle: DatabaseHandle): Promise<Case[]> {
	const deep = rowsOf<{ micros: string; id: string }>(
		await handle.db.execute(sql`
			select (extract(epoch from received_at) * 1000000)::bigint::text as micros, id
			from runs order by received_at desc, id desc offset ${Math.floor(RUNS / 2)} limit 1`)
	)[0];
	return [
		{ name: 'first page', filters: NO_FILTERS, after: null },
		{
			name: 'action + status (failed)',
			filters: { ...NO_FILTERS, action: 'action-7', status: 'failed' },
			after: null
		},
		{
			name: 'text search (an email address)',
			filters: { ...NO_FILTERS, text: 'ap4711@example.com' },
			after: null
		},
		{
			name: `deep page (${formatNumber(Math.floor(RUNS / 2))} in, keyset)`,
			filters: NO_FILTERS,
			after: encodeCursor({ receivedMicros: deep.micros, id: deep.id })
		}
	];
}

async function measure(handle: DatabaseHandle, item: Case) {
	const run = () => listRuns(handle.db, item.filters, { after: item.after });
	const first = await run();
	const times: number[] = [];
	for (let round = 0; round < ROUNDS; round++) times.push((await timed(run)).ms);
	times.sort((a, b) => a - b);
	const plan = await explain(handle, item);
	return {
		medianMs: times[Math.floor(times.length / 2)],
		count: first.runs.length,
		...plan
	};
}

/** Whether the plan reads runs through indexes only, and which it uses. */
async function explain(handle: DatabaseHandle, item: Case) {
	const { decodeCursor } = await import('../src/lib/runs/cursor');
	const conditions = runConditions(item.filters, { after: decodeCursor(item.after) });
	const result = await handle.db.execute(
		sql`explain (${sql.raw(process.env.BENCH_EXPLAIN === '1' ? 'analyze, buffers' : 'format text')}) ${runsQuery(runsSource(item.filters), conditions, PAGE_SIZE + 1, 'newest')}`
	);
	const lines = rowsOf<{ 'QUERY PLAN': string }>(result).map((row) => row['QUERY PLAN']);
	if (process.env.BENCH_EXPLAIN === '1') console.log(`\n${item.name}:\n${lines.join('\n')}\n`);
	const text = lines.join('\n');
	const scans = [
		...new Set(
			[
				...text.matchAll(/(?:Index|Index Only|Bitmap Index) Scan(?: Backward)? (?:using|on) (\w+)/g)
			].map((m) => m[1])
		)
	];
	return { indexed: !/Seq Scan on runs/.test(text) && scans.length > 0, scans: scans.join(', ') };
}

async function timed<T>(work: () => Promise<T>): Promise<{ ms: number; value: T }> {
	const start = performance.now();
	const value = await work();
	return { ms: performance.now() - start, value };
}
