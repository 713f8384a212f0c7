/**
 * Reading the date forms pushed data uses: `YYYY-MM-DD`, ISO 8601 timestamps and epoch
 * seconds. Timestamps without an offset are read as UTC, because that is what the payload
 * normalizer writes, and because the server's own time zone must never change a result.
 */

export const DAY_MS = 86_400_000;

/** A point in time, and whether it came from a calendar date with no time of day. */
export interface DateValue {
	ms: number;
	dateOnly: boolean;
}

const DATE_ONLY = /^(\d{4})-(\d{2})-(\d{2})$/;
const DATE_TIME =
	/^(\d{4})-(\d{2})-(\d{2})[Tt ](\d{2}):(\d{2})(?::(\d{2})(?:[.,](\d+))?)?\s*([Zz]|[+-]\d{2}(?::?\d{2})?)?$/;

/** Reads a date, timestamp or epoch seconds; anything else is null. */
export function parseDateValue(value: unknown): DateValue | null {
	if (typeof value === 'number') {
		return Number.isFinite(value) ? { ms: value * 1000, dateOnly: false } : null;
	}
	if (value instanceof Date) {
		return Number.isNaN(value.getTime()) ? null : { ms: value.getTime(), dateOnly: false };
	}
	if (typeof value !== 'string') {
		return null;
	}
	const text = value.trim();
	const date = DATE_ONLY.exec(text);
	if (date) {
		const ms = calendarDay(+date[1], +date[2], +date[3]);
		return ms === null ? null : { ms, dateOnly: true };
	}
	return parseTimestamp(text);
}

/** True for strings that look like a date or a timestamp, whatever their validity. */
export function looksLikeDate(value: unknown): boolean {
	return (
		typeof value === 'string' && (DATE_ONLY.test(value.trim()) || DATE_TIME.test(value.trim()))
	);
}

function parseTimestamp(text: string): DateValue | null {
	const match = DATE_TIME.exec(text);
	if (!match) {
		return null;
	}
	const [, year, month, day, hour, minute, second = '0', fraction = '0', zone = 'Z'] = match;
	const midnight = calendarDay(+year, +month, +day);
	if (midnight === null || +hour > 23 || +minute > 59 || +second > 59) {
		return null;
	}
	const millis = Math.round(Number(`0.${fraction}`) * 1000);
	const local = midnight + ((+hour * 60 + +minute) * 60 + +second) * 1000 + millis;
	return { ms: local - zoneOffsetMs(zone), dateOnly: false };
}

/** Milliseconds since the epoch at UTC midnight of a calendar day, or null if it does not exist. */
function calendarDay(year: number, month: number, day: number): number | null {
	const ms = Date.UTC(year, month - 1, day);
	const check = new Date(ms);
	const exists =
		check.getUTCFullYear() === year &&
		check.getUTCMonth() === month - 1 &&
		check.getUTCDate() === day;
	return exists ? ms : null;
}

function zoneOffsetMs(zone: string): number {
	if (zone === 'Z' || zone === 'z') {
		return 0;
	}
	const sign = zone[0] === '-' ? -1 : 1;
	const digits = zone.slice(1).replace(':', '');
	const hours = Number(digits.slice(0, 2));
	const minutes = Number(digits.slice(2) || '0');
	return sign * (hours * 60 + minutes) * 60_000;
}

/** The UTC day a point in time falls on, counted from the epoch. */
export function utcDay(ms: number): number {
	return Math.floor(ms / DAY_MS);
}

/** Writes a date back in the form it came in: `YYYY-MM-DD` for dates, ISO 8601 otherwise. */
export function formatDateValue(date: DateValue): string {
	const iso = new Date(date.ms).toISOString();
	return date.dateOnly ? iso.slice(0, 10) : iso;
}
