/**
 * A run as the run log shows it. The canonical table is derived again from the stored
 * payload with the action version the run used, which gives the same table the push was
 * mapped from (normalizing is pure) without writing every push twice.
 */

import { asc, eq, inArray } from 'drizzle-orm';
import type { CanonicalTable } from '../../payload/types';
import { findVersion } from '../actions/store';
import type { Database } from '../db/client';
import { deliveries, deliveryAttempts, runs } from '../db/schema';
import { assessPush } from './assess';

export type TableAvailability =
	{ available: true; table: CanonicalTable } | { available: false; reason: string };

export async function findRunDetail(db: Database, runId: string) {
	const [run] = await db.select().from(runs).where(eq(runs.id, runId)).limit(1);
	if (!run) return null;

	const runDeliveries = await db
		.select()
		.from(deliveries)
		.where(eq(deliveries.runId, runId))
		.orderBy(asc(deliveries.createdAt), asc(deliveries.rowIndex));
	const attempts = runDeliveries.length
		? await db
				.select()
				.from(deliveryAttempts)
				.where(
					inArray(
						deliveryAttempts.deliveryId,
						runDeliveries.map((d) => d.id)
					)
				)
				.orderBy(asc(deliveryAttempts.startedAt))
		: [];

	return {
		run,
		canonicalTable: await deriveTable(db, run),
		deliveries: runDeliveries.map((delivery) => ({
			...delivery,
			attempts: attempts.filter((attempt) => attempt.deliveryId === delivery.id)
		}))
	};
}

async function deriveTable(
	db: Database,
	run: typeof runs.$inferSelect
): Promise<TableAvailability> {
	if (run.payload === null) return { available: false, reason: 'The action keeps no payloads.' };
	if (run.payloadTruncated) {
		return {
			available: false,
			reason: 'The payload was larger than the size kept, so only its start is stored.'
		};
	}
	if (!run.actionId) return { available: false, reason: 'The action was deleted.' };
	if (!run.actionVersion) {
		return {
			available: false,
			reason:
				'This test ran on an unpublished draft, which has changed since, so the table cannot be derived again.'
		};
	}
	const version = await findVersion(db, run.actionId, run.actionVersion);
	if (!version) return { available: false, reason: 'The action version was deleted.' };

	let body: unknown;
	try {
		body = JSON.parse(run.payload);
	} catch {
		return { available: false, reason: 'The payload was not JSON.' };
	}
	const assessment = assessPush(body, version.definition);
	if (!assessment.table) return { available: false, reason: 'The payload is of no known shape.' };
	return { available: true, table: assessment.table };
}
