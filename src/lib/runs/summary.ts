/** A run as the run log's list shows it, and as its live updates and exports carry it. */

export interface RunSummary {
	id: string;
	receivedAt: string;
	finishedAt: string | null;
	action: { slug: string; label: string } | null;
	actionVersion: number | null;
	status: string;
	test: boolean;
	rowCount: number | null;
	format: string | null;
	clientAddress: string | null;
	authMethod: string | null;
	idempotencyKey: string | null;
	replayOf: string | null;
	/** Why it was rejected, or why its first failed delivery failed. */
	error: string | null;
	deliveries: { total: number; succeeded: number; failed: number; open: number };
	/** Where the list goes on after this run. */
	cursor: string;
}
