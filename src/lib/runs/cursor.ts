/**
 * Keyset pagination over (received_at, id): a page ends at a run, and the next page starts
 * after it. The time is kept in microseconds, as PostgreSQL stores it, so that runs
 * received in the same millisecond are neither skipped nor repeated.
 */

export interface RunCursor {
	receivedMicros: string;
	id: string;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export function encodeCursor(cursor: RunCursor): string {
	return `${cursor.receivedMicros}_${cursor.id}`;
}

/** Null for a cursor that was not made by encodeCursor. */
export function decodeCursor(text: string | null): RunCursor | null {
	if (!text) return null;
	const [micros, id] = text.split('_');
	if (!/^\d{1,20}$/.test(micros ?? '') || !UUID.test(id ?? '')) return null;
	return { receivedMicros: micros, id };
}

export function isRunId(text: string): boolean {
	return UUID.test(text);
}
