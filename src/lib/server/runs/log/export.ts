/** Runs for export, by id or by the list's filters, as CSV or JSON. */

import type { ExportedRun } from '../../../runs/export';
import type { RunFilters } from '../../../runs/filters';
import type { Database } from '../../db/client';
import { runConditions, runsSource } from './conditions';
import { findRunSummaries, selectRuns, type RunSummary } from './list';

/** An export holds at most this many runs; narrow the filters for more. */
export const MAX_EXPORT = 10_000;

export async function findRunsToExport(
	db: Database,
	selection: { ids: string[] } | { filters: RunFilters }
): Promise<ExportedRun[]> {
	const summaries =
		'ids' in selection
			? await findRunSummaries(db, selection.ids.slice(0, MAX_EXPORT))
			: await selectRuns(
					db,
					runsSource(selection.filters),
					runConditions(selection.filters),
					MAX_EXPORT
				);
	return summaries.map(toExported);
}

function toExported(run: RunSummary): ExportedRun {
	return {
		id: run.id,
		receivedAt: run.receivedAt,
		finishedAt: run.finishedAt,
		action: run.action?.slug ?? null,
		actionVersion: run.actionVersion,
		status: run.status,
		test: run.test,
		rowCount: run.rowCount,
		format: run.format,
		clientAddress: run.clientAddress,
		authMethod: run.authMethod,
		idempotencyKey: run.idempotencyKey,
		replayOf: run.replayOf,
		deliveries: run.deliveries.total,
		deliveriesSucceeded: run.deliveries.succeeded,
		deliveriesFailed: run.deliveries.failed,
		error: run.error
	};
}
