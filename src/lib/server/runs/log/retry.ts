/**
 * Retrying a run's failed deliveries: each dead one goes back to the queue with a fresh set
 * of tries, its attempts numbered on from the last, and the run is running again.
 */

import { and, eq, sql } from 'drizzle-orm';
import type { Database } from '../../db/client';
import { deliveries, runs } from '../../db/schema';
import { maxAttempts } from '../backoff';
import type { DeliveryPlan } from '../delivery-plan';

export type RetryResult =
	{ ok: true; retried: number } | { ok: false; status: 404 | 409; code: string; message: string };

export async function retryRun(db: Database, runId: string): Promise<RetryResult> {
	const [run] = await db.select({ id: runs.id }).from(runs).where(eq(runs.id, runId)).limit(1);
	if (!run)
		return { ok: false, status: 404, code: 'not-found', message: `There is no run ${runId}.` };

	const retried = await db.transaction(async (tx) => {
		// The run's row is locked as settleRun locks it, so a delivery closing meanwhile
		// cannot settle the run on a view that misses the retried deliveries.
		await tx.execute(sql`select 1 from runs where id = ${runId} for update`);
		const dead = await tx
			.select({
				id: deliveries.id,
				attemptCount: deliveries.attemptCount,
				plan: deliveries.rendered
			})
			.from(deliveries)
			.where(and(eq(deliveries.runId, runId), eq(deliveries.status, 'dead')));
		const sendable = dead.filter((d) => (d.plan as { type: string }).type !== 'unrendered');
		for (const delivery of sendable) {
			const tries = maxAttempts((delivery.plan as DeliveryPlan).retry);
			await tx.execute(sql`
				update deliveries
				set status = 'pending', next_attempt_at = now(), locked_until = null, updated_at = now(),
					max_attempts = ${delivery.attemptCount + tries}
				where id = ${delivery.id} and status = 'dead'`);
		}
		if (sendable.length > 0) {
			await tx.execute(
				sql`update runs set status = 'running', finished_at = null where id = ${runId}`
			);
		}
		return sendable.length;
	});

	if (retried === 0) {
		return {
			ok: false,
			status: 409,
			code: 'nothing-to-retry',
			message:
				'This run has no failed deliveries that can be sent again. Deliveries whose output could not be rendered need a replay on a fixed version instead.'
		};
	}
	return { ok: true, retried };
}
