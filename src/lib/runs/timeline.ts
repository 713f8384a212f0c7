/**
 * A run's timeline, from what was recorded: received, normalized and mapped (one moment:
 * intake does them in one go before recording), then each delivery's attempts with their
 * timings, then the end of the run.
 */

export interface TimelineRun {
	receivedAt: Date | string;
	finishedAt: Date | string | null;
	status: string;
	format: string | null;
	rowCount: number | null;
	warnings: unknown;
	error: unknown;
}

export interface TimelineDelivery {
	id: string;
	outputId: string;
	rowIndex: number | null;
	createdAt: Date | string;
	lastError: string | null;
	status: string;
	attempts: {
		number: number;
		startedAt: Date | string;
		durationMs: number;
		responseStatus: number | null;
		error: string | null;
	}[];
}

export interface TimelineEntry {
	/** Milliseconds after the run was received. */
	offsetMs: number;
	at: string;
	label: string;
	detail: string;
	tone: 'info' | 'ok' | 'fail';
	/** The delivery the entry belongs to, to link to it. */
	deliveryId?: string;
	durationMs?: number;
}

export function buildTimeline(run: TimelineRun, deliveries: TimelineDelivery[]): TimelineEntry[] {
	const start = time(run.receivedAt);
	const entry = (
		at: Date | string,
		rest: Omit<TimelineEntry, 'offsetMs' | 'at'>
	): TimelineEntry => ({
		offsetMs: time(at) - start,
		at: new Date(time(at)).toISOString(),
		...rest
	});

	const entries = [entry(run.receivedAt, { label: 'Received', detail: '', tone: 'info' })];
	entries.push(entry(run.receivedAt, normalizedEntry(run)));
	if (run.status !== 'rejected' || deliveries.length > 0) {
		const mappedAt = deliveries.length > 0 ? deliveries[0].createdAt : run.receivedAt;
		entries.push(entry(mappedAt, mappedEntry(deliveries)));
	}
	for (const delivery of deliveries) entries.push(...deliveryEntries(delivery, entry));
	if (run.finishedAt) {
		const tone = run.status === 'succeeded' ? 'ok' : run.status === 'running' ? 'info' : 'fail';
		entries.push(entry(run.finishedAt, { label: 'Finished', detail: run.status, tone }));
	}
	return entries.sort((a, b) => a.offsetMs - b.offsetMs);
}

function normalizedEntry(run: TimelineRun): Omit<TimelineEntry, 'offsetMs' | 'at'> {
	if (run.format === null) {
		const message =
			(run.error as { message?: string } | null)?.message ?? 'The payload was not read.';
		return { label: 'Rejected', detail: message, tone: 'fail' };
	}
	const warnings = Array.isArray(run.warnings) ? run.warnings.length : 0;
	const rows = `${run.rowCount ?? 0} row${run.rowCount === 1 ? '' : 's'}`;
	const warned = warnings > 0 ? `, ${warnings} warning${warnings === 1 ? '' : 's'}` : '';
	return { label: 'Normalized', detail: `${run.format}: ${rows}${warned}`, tone: 'info' };
}

function mappedEntry(deliveries: TimelineDelivery[]): Omit<TimelineEntry, 'offsetMs' | 'at'> {
	const unrendered = deliveries.filter(
		(d) => d.attempts.length === 0 && d.status === 'dead'
	).length;
	const queued = `${deliveries.length} deliver${deliveries.length === 1 ? 'y' : 'ies'} queued`;
	const failed = unrendered > 0 ? `, ${unrendered} could not be rendered` : '';
	return { label: 'Mapped', detail: queued + failed, tone: unrendered > 0 ? 'fail' : 'info' };
}

function deliveryEntries(
	delivery: TimelineDelivery,
	entry: (at: Date | string, rest: Omit<TimelineEntry, 'offsetMs' | 'at'>) => TimelineEntry
): TimelineEntry[] {
	const name = `${delivery.outputId}${delivery.rowIndex === null ? '' : ` (row ${delivery.rowIndex + 1})`}`;
	return delivery.attempts.map((attempt) => {
		const status = attempt.responseStatus;
		const ok = attempt.error === null && (status === null || status < 400);
		const answer = status === null ? (ok ? 'sent' : 'no answer') : `answered ${status}`;
		return entry(attempt.startedAt, {
			label: `Attempt ${attempt.number}: ${name}`,
			detail: attempt.error ?? answer,
			tone: ok ? 'ok' : 'fail',
			deliveryId: delivery.id,
			durationMs: attempt.durationMs
		});
	});
}

function time(value: Date | string): number {
	return (typeof value === 'string' ? new Date(value) : value).getTime();
}
