/** Runs as a CSV file, one line per run, for the run log's export. */

import { toCsv } from '../outputs/csv';

export interface ExportedRun {
	id: string;
	receivedAt: string;
	finishedAt: string | null;
	action: string | null;
	actionVersion: number | null;
	status: string;
	test: boolean;
	rowCount: number | null;
	format: string | null;
	clientAddress: string | null;
	authMethod: string | null;
	idempotencyKey: string | null;
	replayOf: string | null;
	deliveries: number;
	deliveriesSucceeded: number;
	deliveriesFailed: number;
	error: string | null;
}

export const EXPORT_COLUMNS: (keyof ExportedRun)[] = [
	'id',
	'receivedAt',
	'finishedAt',
	'action',
	'actionVersion',
	'status',
	'test',
	'rowCount',
	'format',
	'clientAddress',
	'authMethod',
	'idempotencyKey',
	'replayOf',
	'deliveries',
	'deliveriesSucceeded',
	'deliveriesFailed',
	'error'
];

export function runsToCsv(runs: ExportedRun[]): string {
	return toCsv(EXPORT_COLUMNS, runs as unknown as Record<string, unknown>[]);
}
