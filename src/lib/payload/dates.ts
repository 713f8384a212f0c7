/**
 * Dates as the canonical table writes them: `YYYY-MM-DD` (UTC) for date columns and ISO 8601
 * (`toISOString`) for datetime columns. Cheap character checks come before any parsing,
 * because inference looks at every cell of a column.
 */

/** The largest distance from the epoch a JavaScript Date can hold, in milliseconds. */
const MAX_DATE_MS = 8.64e15;

/** Epoch seconds as `YYYY-MM-DD` in UTC; undefined when no calendar date is that far out. */
export function epochSecondsToDate(seconds: number): string | undefined {
	return epochMsToIso(seconds * 1000)?.slice(0, 10);
}

/** Epoch seconds as an ISO 8601 timestamp in UTC. */
export function epochSecondsToDatetime(seconds: number): string | undefined {
	return epochMsToIso(seconds * 1000);
}

const MS_PER_DAY = 86_400_000;
const TWO_DIGITS = Array.from({ length: 100 }, (_, n) => String(n).padStart(2, '0'));

/** `YYYY-MM-DD` by day number; answers repeat the same days, so each is written once. */
const dayTexts = new Map<number, string>();
const DAY_TEXTS_KEPT = 100_000;

/**
 * Epoch milliseconds as `toISOString` writes them, but without a Date per cell: a date
 * column of thousands of rows would spend most of its time creating them.
 */
export function epochMsToIso(value: number): string | undefined {
	if (!Number.isFinite(value) || Math.abs(value) > MAX_DATE_MS) return undefined;
	// Date drops fractions of a millisecond toward zero; so does this.
	const ms = Math.trunc(value);
	const days = Math.floor(ms / MS_PER_DAY);
	const date = dayText(days);
	// Years outside 0000-9999 take the expanded form; leave those rare ones to Date.
	if (date === undefined) return new Date(ms).toISOString();

	const inDay = ms - days * MS_PER_DAY;
	const hours = TWO_DIGITS[Math.floor(inDay / 3_600_000)];
	const minutes = TWO_DIGITS[Math.floor(inDay / 60_000) % 60];
	const seconds = TWO_DIGITS[Math.floor(inDay / 1000) % 60];
	const millis = inDay % 1000;
	const millisText = millis < 10 ? `00${millis}` : millis < 100 ? `0${millis}` : String(millis);
	return `${date}T${hours}:${minutes}:${seconds}.${millisText}Z`;
}

function dayText(days: number): string | undefined {
	const known = dayTexts.get(days);
	if (known !== undefined) return known;
	const { year, month, day } = civilFromDays(days);
	if (year < 0 || year > 9999) return undefined;
	const text = `${String(year).padStart(4, '0')}-${TWO_DIGITS[month]}-${TWO_DIGITS[day]}`;
	if (dayTexts.size >= DAY_TEXTS_KEPT) dayTexts.clear();
	dayTexts.set(days, text);
	return text;
}

/** Days since 1970-01-01 as a proleptic Gregorian date (Howard Hinnant's civil_from_days). */
function civilFromDays(days: number): { year: number; month: number; day: number } {
	const z = days + 719_468;
	const era = Math.floor(z / 146_097);
	const dayOfEra = z - era * 146_097;
	const yearOfEra = Math.floor(
		(dayOfEra -
			Math.floor(dayOfEra / 1460) +
			Math.floor(dayOfEra / 36_524) -
			Math.floor(dayOfEra / 146_096)) /
			365
	);
	const dayOfYear =
		dayOfEra - (365 * yearOfEra + Math.floor(yearOfEra / 4) - Math.floor(yearOfEra / 100));
	const shiftedMonth = Math.floor((5 * dayOfYear + 2) / 153);
	const day = dayOfYear - Math.floor((153 * shiftedMonth + 2) / 5) + 1;
	const month = shiftedMonth < 10 ? shiftedMonth + 3 : shiftedMonth - 9;
	return { year: yearOfEra + era * 400 + (month <= 2 ? 1 : 0), month, day };
}

function isDigit(code: number): boolean {
	return code >= 48 && code <= 57;
}

function twoDigits(text: string, at: number): number {
	return (text.charCodeAt(at) - 48) * 10 + (text.charCodeAt(at + 1) - 48);
}

const DAYS_IN_MONTH = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

function daysInMonth(year: number, month: number): number {
	const leap = year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0);
	return month === 2 && leap ? 29 : DAYS_IN_MONTH[month - 1];
}

/** Whether text starts with a real calendar day `YYYY-MM-DD` (no 30th of February). */
function startsWithIsoDate(text: string): boolean {
	if (text.length < 10 || text[4] !== '-' || text[7] !== '-') return false;
	for (const at of [0, 1, 2, 3, 5, 6, 8, 9]) if (!isDigit(text.charCodeAt(at))) return false;
	const year = Number(text.slice(0, 4));
	const month = twoDigits(text, 5);
	const day = twoDigits(text, 8);
	return month >= 1 && month <= 12 && day >= 1 && day <= daysInMonth(year, month);
}

/** Whether text is exactly a calendar date `YYYY-MM-DD`. */
export function isIsoDate(text: string): boolean {
	return text.length === 10 && startsWithIsoDate(text);
}

/** Whether text is an ISO 8601 date and time, such as `2024-07-15T09:30:00Z`. */
export function isIsoDatetime(text: string): boolean {
	return (
		text.length >= 16 &&
		text.length <= 40 &&
		text[10] === 'T' &&
		startsWithIsoDate(text) &&
		!Number.isNaN(Date.parse(text))
	);
}

/** Whether an ISO date-time names its offset (`Z`, `+02:00` or `+0200`); without one it is local. */
export function hasZone(text: string): boolean {
	if (text.endsWith('Z') || text.endsWith('z')) return true;
	const colon = text.length - 3;
	const sign = text[text[colon] === ':' ? text.length - 6 : text.length - 5];
	return sign === '+' || sign === '-';
}

/**
 * Epoch milliseconds for an ISO date or date-time. Text without an offset is read as UTC,
 * so the result does not depend on the time zone of the machine Pushmap runs on.
 */
export function isoToEpochMs(text: string): number | undefined {
	if (isIsoDate(text)) return Date.parse(text);
	if (!isIsoDatetime(text)) return undefined;
	const ms = Date.parse(hasZone(text) ? text : `${text}Z`);
	return Number.isNaN(ms) ? undefined : ms;
}
