/**
 * Retention: runs older than their action's `retention.days` (or the install's
 * PUSHMAP_RUN_RETENTION_DAYS) are deleted, with their deliveries and attempts, a batch at a
 * time so no statement holds locks for long. Every instance runs the purge; batches skip
 * rows another instance is deleting, so they do not wait on each other.
 */

import { sql } from 'drizzle-orm';
import type { Database } from '../../db/client';
import { rowsOf } from '../../db/rows';
import { log } from '../../log';

const BATCH = 1_000;
/** Batches per action per pass: a huge backlog is worked off over several passes. */
const MAX_BATCHES = 200;
const DAY_MS = 24 * 3_600_000;

export async function purgeExpiredRuns(
	db: Database,
	defaultDays: number,
	now = new Date()
): Promise<number> {
	let deleted = 0;
	for (const policy of await retentionPolicies(db, defaultDays)) {
		const cutoff = new Date(now.getTime() - policy.days * DAY_MS);
		deleted += await purgeAction(db, policy.actionId, cutoff);
	}
	return deleted;
}

/** Each action's retention in days, from its published version. */
async function retentionPolicies(db: Database, defaultDays: number) {
	const result = await db.execute(sql`
		select a.id as action_id,
			coalesce((v.definition->'retention'->>'days')::int, ${defaultDays}) as days
		from actions a
		left join action_versions v on v.action_id = a.id and v.version = a.published_version`);
	return rowsOf<{ action_id: string; days: number }>(result).map((row) => ({
		actionId: row.action_id,
		days: Number(row.days)
	}));
}

/** Runs still delivering are left alone, however old: their deliveries are in the queue. */
async function purgeAction(db: Database, actionId: string, cutoff: Date): Promise<number> {
	let deleted = 0;
	for (let batch = 0; batch < MAX_BATCHES; batch++) {
		const result = await db.execute(sql`
			delete from runs where id in (
				select id from runs
				where action_id = ${actionId}
					and received_at < ${cutoff.toISOString()}::timestamptz
					and status not in ('received', 'running')
				order by received_at
				limit ${BATCH}
				for update skip locked
			)
			returning id`);
		const count = rowsOf(result).length;
		deleted += count;
		if (count < BATCH) break;
	}
	return deleted;
}

export interface RetentionPurge {
	stop(): Promise<void>;
}

/** Purges soon after start, then every `everyMs`. */
export function startRetentionPurge(
	db: Database,
	defaultDays: number,
	options: { firstAfterMs?: number; everyMs?: number } = {}
): RetentionPurge {
	let running: Promise<void> | null = null;
	const pass = () => {
		if (running) return;
		running = purgeExpiredRuns(db, defaultDays)
			.then((deleted) => {
				if (deleted > 0) log.info({ deleted }, 'run log purged past retention');
			})
			.catch((error) => log.error({ err: error }, 'purging the run log failed; trying again later'))
			.finally(() => (running = null));
	};
	const first = setTimeout(pass, options.firstAfterMs ?? 5_000);
	const every = setInterval(pass, options.everyMs ?? 3_600_000);
	first.unref();
	every.unref();
	return {
		async stop() {
			clearTimeout(first);
			clearInterval(every);
			await running;
		}
	};
}
