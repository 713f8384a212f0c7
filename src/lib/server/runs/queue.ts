/**
 * The delivery queue is the deliveries table itself. A run and its deliveries are written
 * in one transaction, so a delivery is queued exactly when its run is recorded; workers
 * claim due deliveries with `FOR UPDATE SKIP LOCKED`, so each is handed to one worker at a
 * time across every instance; a claim is a lease, so a worker that dies (a crash, a
 * SIGKILL) lets it lapse and another worker resumes it. Attempts and outcomes are rows
 * beside it, which the run log reads directly.
 */

import { sql } from 'drizzle-orm';
import type { Database } from '../db/client';
import { rowsOf } from '../db/rows';
import { deliveryAttempts } from '../db/schema';
import type { DeliveryPlan } from './delivery-plan';

export interface ClaimedDelivery {
	id: string;
	runId: string;
	outputId: string;
	outputType: string;
	rowIndex: number | null;
	plan: DeliveryPlan;
	/** The number of the attempt about to be made, from 1. */
	attempt: number;
	maxAttempts: number;
}

/** What one attempt came to, as the senders report it. */
export interface AttemptResult {
	outcome: 'success' | 'retry' | 'fail';
	retryAfterMs?: number;
	durationMs: number;
	request: unknown;
	responseStatus?: number;
	responseHeaders?: Record<string, string>;
	responseBody?: string;
	error?: string;
}

/**
 * Claims up to `limit` due deliveries for `leaseMs`. A delivery whose lease lapsed is
 * claimed again under the same attempt number: the attempt that held it left no result.
 */
export async function claimDeliveries(
	db: Database,
	limit: number,
	leaseMs: number
): Promise<ClaimedDelivery[]> {
	const result = await db.execute(sql`
		update deliveries as d
		set status = 'sending',
			locked_until = now() + make_interval(secs => ${leaseMs / 1000}),
			attempt_count = case when d.status = 'sending' then d.attempt_count else d.attempt_count + 1 end,
			updated_at = now()
		where d.id in (
			select id from deliveries
			where (status in ('pending', 'retrying') and next_attempt_at <= now())
				or (status = 'sending' and locked_until < now())
			order by next_attempt_at
			limit ${limit}
			for update skip locked
		)
		returning d.id, d.run_id, d.output_id, d.output_type, d.row_index, d.rendered, d.attempt_count, d.max_attempts`);

	return rowsOf<Record<string, unknown>>(result).map((row) => ({
		id: String(row.id),
		runId: String(row.run_id),
		outputId: String(row.output_id),
		outputType: String(row.output_type),
		rowIndex: row.row_index === null ? null : Number(row.row_index),
		plan: (typeof row.rendered === 'string'
			? JSON.parse(row.rendered)
			: row.rendered) as DeliveryPlan,
		attempt: Number(row.attempt_count),
		maxAttempts: Number(row.max_attempts)
	}));
}

export interface AttemptRecord {
	delivery: ClaimedDelivery;
	result: AttemptResult;
	startedAt: Date;
	/** When to try again, for a result worth retrying. */
	retryAt: Date | null;
}

export type DeliveryStatusAfter = 'succeeded' | 'retrying' | 'dead';

/**
 * Stores a batch of attempts in one transaction and moves each delivery on: succeeded,
 * retrying at its `retryAt`, or dead. Runs whose last open delivery closed settle. One
 * transaction per batch, not per delivery, is what lets a worker send thousands a second.
 */
export async function recordAttempts(
	db: Database,
	records: AttemptRecord[]
): Promise<DeliveryStatusAfter[]> {
	if (records.length === 0) return [];
	const statuses = records.map(({ delivery, result, retryAt }) =>
		nextStatus(delivery, result, retryAt)
	);

	await db.transaction(async (tx) => {
		await tx.insert(deliveryAttempts).values(records.map(attemptRow));
		// Timestamps go in as ISO text: drizzle's postgres-js driver sends raw Date
		// parameters unserialized, and the embedded driver takes either.
		const changes = records.map(({ delivery, result, retryAt }, i) => {
			const status = statuses[i];
			const next = status === 'retrying' && retryAt ? retryAt.toISOString() : null;
			const error = status === 'succeeded' ? null : (result.error ?? describeStatus(result));
			return sql`(${delivery.id}::uuid, ${status}::text, ${next}::timestamptz, ${error}::text)`;
		});
		await tx.execute(sql`
			update deliveries as d
			set status = v.status, locked_until = null, updated_at = now(),
				next_attempt_at = v.next, last_error = v.error
			from (values ${sql.join(changes, sql`, `)}) as v(id, status, next, error)
			where d.id = v.id`);

		// Runs are locked in one order, so two batches closing the same runs cannot deadlock.
		const closedRuns = [
			...new Set(records.filter((_, i) => statuses[i] !== 'retrying').map((r) => r.delivery.runId))
		].sort();
		for (const runId of closedRuns) await settleRun(tx as unknown as Database, runId);
	});
	return statuses;
}

function attemptRow({ delivery, result, startedAt }: AttemptRecord) {
	return {
		deliveryId: delivery.id,
		number: delivery.attempt,
		startedAt,
		durationMs: Math.round(result.durationMs),
		request: result.request ?? {},
		responseStatus: result.responseStatus ?? null,
		responseHeaders: result.responseHeaders ?? null,
		responseBody: result.responseBody ?? null,
		error: result.error ?? null
	};
}

function nextStatus(
	delivery: ClaimedDelivery,
	result: AttemptResult,
	retryAt: Date | null
): DeliveryStatusAfter {
	if (result.outcome === 'success') return 'succeeded';
	if (result.outcome === 'retry' && retryAt && delivery.attempt < delivery.maxAttempts)
		return 'retrying';
	return 'dead';
}

function describeStatus(result: AttemptResult): string {
	return result.responseStatus
		? `The target answered ${result.responseStatus}.`
		: 'The attempt failed.';
}

/**
 * Gives the run its final status once no delivery is open: succeeded, failed, or partly
 * failed. Run inside the transaction that closed a delivery. The run's row is locked
 * first: two deliveries closing at once would otherwise each see the other still open
 * and leave the run running for ever; with the lock, the second sees the first's commit.
 */
export async function settleRun(db: Database, runId: string): Promise<void> {
	await db.execute(sql`select 1 from runs where id = ${runId} for update`);
	await db.execute(sql`
		update runs set
			status = case
				when counts.dead = 0 and counts.cancelled = 0 then 'succeeded'
				when counts.succeeded = 0 then 'failed'
				else 'partly-failed'
			end,
			finished_at = now()
		from (
			select
				count(*) filter (where status = 'succeeded') as succeeded,
				count(*) filter (where status = 'dead') as dead,
				count(*) filter (where status = 'cancelled') as cancelled
			from deliveries where run_id = ${runId}
		) as counts
		where runs.id = ${runId}
			and not exists (
				select 1 from deliveries
				where run_id = ${runId} and status in ('pending', 'sending', 'retrying')
			)`);
}

/** Deliveries waiting or being sent, for the queue-depth metric. */
export async function queueDepth(db: Database): Promise<number> {
	const result = await db.execute(
		sql`select count(*)::int as depth from deliveries where status in ('pending', 'retrying', 'sending')`
	);
	return rowsOf<{ depth: number }>(result)[0]?.depth ?? 0;
}
