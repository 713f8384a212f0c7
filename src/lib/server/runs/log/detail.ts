/**
 * A run as its detail page and the API show it: findRunDetail's run, table and deliveries,
 * with the action it belongs to, the runs that replay it, and nothing secret. Attempt
 * requests were redacted when recorded; targets' response headers are redacted here, since
 * a target may answer with cookies or tokens of its own.
 */

import { desc, eq } from 'drizzle-orm';
import { redactHeaders } from '../../../outputs/redact';
import type { Database } from '../../db/client';
import { actions, runs } from '../../db/schema';
import { findRunDetail } from '../run-detail';

export async function findRunLogDetail(db: Database, runId: string) {
	const detail = await findRunDetail(db, runId);
	if (!detail) return null;

	// The search column is the index's copy of the payload's words: not for showing.
	const run = { ...detail.run, search: undefined };
	const action = run.actionId ? await actionOf(db, run.actionId) : null;
	const replays = await db
		.select({
			id: runs.id,
			receivedAt: runs.receivedAt,
			status: runs.status,
			actionVersion: runs.actionVersion
		})
		.from(runs)
		.where(eq(runs.replayOf, runId))
		.orderBy(desc(runs.receivedAt))
		.limit(50);

	return {
		run,
		canonicalTable: detail.canonicalTable,
		deliveries: detail.deliveries.map((delivery) => ({
			...delivery,
			attempts: delivery.attempts.map((attempt) => ({
				...attempt,
				responseHeaders: attempt.responseHeaders
					? redactHeaders(attempt.responseHeaders as Record<string, string>, [])
					: null
			}))
		})),
		action,
		replays
	};
}

export type RunLogDetail = NonNullable<Awaited<ReturnType<typeof findRunLogDetail>>>;

async function actionOf(db: Database, actionId: string) {
	const [row] = await db
		.select({
			slug: actions.slug,
			label: actions.label,
			publishedVersion: actions.publishedVersion
		})
		.from(actions)
		.where(eq(actions.id, actionId))
		.limit(1);
	return row ?? null;
}

/** The stored payload, for download. */
export async function findRunPayload(db: Database, runId: string) {
	const [row] = await db
		.select({ payload: runs.payload, truncated: runs.payloadTruncated })
		.from(runs)
		.where(eq(runs.id, runId))
		.limit(1);
	return row ?? null;
}
