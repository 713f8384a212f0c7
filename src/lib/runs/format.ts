/** How the run log writes times and durations: UTC, to the second, the same on every screen. */

export function formatTime(iso: string | Date | null): string {
	if (!iso) return '–';
	const time = typeof iso === 'string' ? new Date(iso) : iso;
	return `${time.toISOString().slice(0, 19).replace('T', ' ')} UTC`;
}

export function formatDuration(ms: number | null): string {
	if (ms === null || ms < 0) return '–';
	if (ms < 1000) return `${Math.round(ms)} ms`;
	if (ms < 60_000) return `${(ms / 1000).toFixed(1)} s`;
	if (ms < 3_600_000) return `${Math.floor(ms / 60_000)} min ${Math.round((ms % 60_000) / 1000)} s`;
	return `${(ms / 3_600_000).toFixed(1)} h`;
}

/** A `datetime-local` input's value for a time, in UTC (the run log's inputs are UTC). */
export function toInputTime(time: Date | null): string {
	return time ? time.toISOString().slice(0, 16) : '';
}

export const STATUS_LABELS: Record<string, string> = {
	received: 'Received',
	running: 'Running',
	succeeded: 'Succeeded',
	'partly-failed': 'Partly failed',
	failed: 'Failed',
	rejected: 'Rejected',
	test: 'Test runs'
};
