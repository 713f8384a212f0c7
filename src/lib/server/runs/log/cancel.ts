/**
 * Cancelling a run's deliveries that have not been sent yet (waiting, or waiting to retry).
 * A delivery being sent right now finishes; the run settles once none is open.
 */

import { sql } from 'drizzle-orm';
import type { Database } from '../../db/client';
import { rowsOf } from '../../db/rows';
import { settleRun } from '../queue';

export type CancelResult =
	{ ok: true; cancelled: number } | { ok: false; status: 404 | 409; code: string; message: string };

export async function cancelRun(db: Database, runId: string, by: string): Promise<CancelResult> {
	const result = await db.transaction(async (tx) => {
		const found = rowsOf(await tx.execute(sql`select 1 from runs where id = ${runId} for update`));
		if (found.length === 0) return null;
		const cancelled = rowsOf(
			await tx.execute(sql`
				update deliveries
				set status = 'cancelled', next_attempt_at = null, updated_at = now(),
					last_error = ${`Cancelled by ${by}.`}
				where run_id = ${runId} and status in ('pending', 'retrying')
				returning id`)
		).length;
		if (cancelled > 0) await settleRun(tx as unknown as Database, runId);
		return cancelled;
	});

	if (result === null) {
		return { ok: false, status: 404, code: 'not-found', message: `There is no run ${runId}.` };
	}
	if (result === 0) {
		return {
			ok: false,
			status: 409,
			code: 'nothing-to-cancel',
			message: 'This run has no deliveries waiting to be sent.'
		};
	}
	return { ok: true, cancelled: result };
}
