/**
 * Writing runs, and answering a repeated idempotency key with the first response. A run
 * is written before its response is sent, so whatever a sender was told is in the log.
 */

import { and, eq, gt, lt, sql } from 'drizzle-orm';
import type { Database } from '../db/client';
import { deliveries, pushSignatures, runs, type RunStatus } from '../db/schema';
import type { PlannedDelivery } from './delivery-plan';

export const IDEMPOTENCY_WINDOW_MS = 24 * 60 * 60 * 1000;

export interface RunRecord {
	id: string;
	actionId: string;
	/** Null for a designer's test of an unpublished draft. */
	actionVersion: number | null;
	/** A designer's "Send test": delivered for real, shown apart in the run log. */
	test?: boolean;
	status: RunStatus;
	clientAddress: string;
	userAgent: string | null;
	authMethod: string;
	idempotencyKey: string | null;
	format: string | null;
	rowCount: number | null;
	payload: string | null;
	payloadBytes: number;
	payloadTruncated: boolean;
	warnings: unknown[];
	error: unknown;
	response: unknown;
	responseStatus: number;
	replayOf?: string;
}

export interface StoredResponse {
	runId: string;
	status: number;
	body: unknown;
}

/** The response first given for this key within the window, if any. */
export async function findIdempotentResponse(
	db: Database,
	actionId: string,
	key: string
): Promise<StoredResponse | null> {
	const since = new Date(Date.now() - IDEMPOTENCY_WINDOW_MS);
	const [row] = await db
		.select({ id: runs.id, response: runs.response, status: runs.responseStatus })
		.from(runs)
		.where(
			and(eq(runs.actionId, actionId), eq(runs.idempotencyKey, key), gt(runs.receivedAt, since))
		)
		.limit(1);
	return row ? { runId: row.id, status: row.status ?? 200, body: row.response } : null;
}

/** Deliveries are inserted this many to a statement, to stay far below parameter limits. */
const DELIVERY_CHUNK = 500;

/**
 * Inserts the run and its deliveries in one transaction, so a delivery is queued exactly
 * when its run is recorded. When another push with the same idempotency key won a race,
 * nothing is inserted and that push's response is returned instead.
 */
export async function insertRun(
	db: Database,
	run: RunRecord,
	planned: PlannedDelivery[] = []
): Promise<StoredResponse | null> {
	if (run.idempotencyKey) await releaseExpiredKey(db, run.actionId, run.idempotencyKey);
	const inserted =
		planned.length === 0
			? await insertRunRow(db, run)
			: await insertWithDeliveries(db, run, planned);
	if (inserted || !run.idempotencyKey) return null;
	return findIdempotentResponse(db, run.actionId, run.idempotencyKey);
}

/** A run without deliveries is one statement: no transaction round trips on the hot path. */
async function insertRunRow(db: Database, run: RunRecord): Promise<boolean> {
	const [row] = await db
		.insert(runs)
		.values({ ...run, finishedAt: isFinished(run.status) ? new Date() : null })
		.onConflictDoNothing()
		.returning({ id: runs.id });
	return Boolean(row);
}

async function insertWithDeliveries(
	db: Database,
	run: RunRecord,
	planned: PlannedDelivery[]
): Promise<boolean> {
	return db.transaction(async (tx) => {
		if (!(await insertRunRow(tx as unknown as Database, run))) return false;
		for (let start = 0; start < planned.length; start += DELIVERY_CHUNK) {
			await tx
				.insert(deliveries)
				.values(planned.slice(start, start + DELIVERY_CHUNK).map((p) => deliveryRow(run.id, p)));
		}
		return true;
	});
}

function deliveryRow(runId: string, planned: PlannedDelivery) {
	const now = new Date();
	return {
		runId,
		outputId: planned.outputId,
		outputType: planned.outputType,
		rowIndex: planned.rowIndex,
		rendered: planned.plan,
		maxAttempts: planned.maxAttempts,
		status: planned.problem ? ('dead' as const) : ('pending' as const),
		lastError: planned.problem,
		nextAttemptAt: planned.problem ? null : now
	};
}

/** A run's status when it is recorded, from what its deliveries will be. */
export function initialStatus(planned: PlannedDelivery[]): RunStatus {
	const unrenderable = planned.filter((p) => p.problem).length;
	if (unrenderable === 0) return planned.length > 0 ? 'running' : 'succeeded';
	if (unrenderable === planned.length) return 'failed';
	return 'running';
}

function isFinished(status: RunStatus): boolean {
	return status !== 'running' && status !== 'received';
}

/** A key older than the window may be used again: the old run lets go of it. */
async function releaseExpiredKey(db: Database, actionId: string, key: string) {
	await db
		.update(runs)
		.set({ idempotencyKey: null })
		.where(
			and(
				eq(runs.actionId, actionId),
				eq(runs.idempotencyKey, key),
				lt(runs.receivedAt, new Date(Date.now() - IDEMPOTENCY_WINDOW_MS))
			)
		);
}

/** Records an HMAC signature; false when it was already seen (a replay). */
export async function recordSignature(db: Database, signature: string, windowMs: number) {
	await db.delete(pushSignatures).where(lt(pushSignatures.seenAt, new Date(Date.now() - windowMs)));
	const inserted = await db
		.insert(pushSignatures)
		.values({ signatureHash: sql`encode(sha256(convert_to(${signature}, 'UTF8')), 'hex')` })
		.onConflictDoNothing()
		.returning({ hash: pushSignatures.signatureHash });
	return inserted.length > 0;
}
