/**
 * Coerces a cell to the type an action declares for its column. A value that does not fit
 * is kept as sent and reported, so nothing the person pushed is silently changed or lost.
 */

import { epochMsToIso, hasZone, isoToEpochMs } from './dates';
import type { Cell, ColumnType } from './types';

export type DeclaredType = Exclude<ColumnType, 'unknown'>;

export type Coerced = { fits: true; value: Cell } | { fits: false };

const NOT_FITTING: Coerced = { fits: false };

/** Numbers with optional sign, thousands separators, decimals and exponent: "-1,234.50". */
const NUMERIC_TEXT = /^[+-]?(?:\d{1,3}(?:,\d{3})+|\d+)?(?:\.\d+)?(?:[eE][+-]?\d+)?$/;

/** Epoch values below this are seconds; at or above, milliseconds (seconds would be past 5000 AD). */
const EPOCH_MS_FROM = 1e11;

const BOOLEAN_TEXT: Record<string, boolean> = { true: true, false: false, yes: true, no: false };

/** One cell as the declared type; null is null for every type. */
export function coerceCell(value: Cell, type: DeclaredType): Coerced {
	if (value === null) return { fits: true, value };
	switch (type) {
		case 'string':
			return { fits: true, value: typeof value === 'string' ? value : String(value) };
		case 'number':
			return toNumber(value);
		case 'boolean':
			return toBoolean(value);
		case 'date':
			return toInstant(value, (iso) => iso.slice(0, 10), true);
		case 'datetime':
			return toInstant(value, (iso) => iso, false);
	}
}

function toNumber(value: string | number | boolean): Coerced {
	if (typeof value === 'number') return { fits: true, value };
	if (typeof value !== 'string') return NOT_FITTING;
	const text = value.trim();
	if (text === '' || text === '.' || !NUMERIC_TEXT.test(text)) return NOT_FITTING;
	const number = Number(text.replaceAll(',', ''));
	return Number.isFinite(number) ? { fits: true, value: number } : NOT_FITTING;
}

function toBoolean(value: string | number | boolean): Coerced {
	if (typeof value === 'boolean') return { fits: true, value };
	if (value === 1 || value === 0) return { fits: true, value: value === 1 };
	if (typeof value !== 'string') return NOT_FITTING;
	const text = value.trim().toLowerCase();
	if (text === '1' || text === '0') return { fits: true, value: text === '1' };
	return Object.hasOwn(BOOLEAN_TEXT, text)
		? { fits: true, value: BOOLEAN_TEXT[text] }
		: NOT_FITTING;
}

/**
 * Epoch seconds or milliseconds, or ISO text, as an instant written by `format`. A date
 * column keeps the calendar day of ISO text without an offset as written, rather than
 * moving it through UTC.
 */
function toInstant(
	value: string | number | boolean,
	format: (iso: string) => string,
	isDate: boolean
): Coerced {
	if (typeof value === 'boolean') return NOT_FITTING;
	if (typeof value === 'number') {
		const ms = Math.abs(value) < EPOCH_MS_FROM ? value * 1000 : value;
		const iso = epochMsToIso(ms);
		return iso === undefined ? NOT_FITTING : { fits: true, value: format(iso) };
	}

	const text = value.trim();
	const ms = isoToEpochMs(text);
	if (ms === undefined) return NOT_FITTING;
	if (isDate && (text.length === 10 || !hasZone(text)))
		return { fits: true, value: text.slice(0, 10) };
	const iso = epochMsToIso(ms);
	return iso === undefined ? NOT_FITTING : { fits: true, value: format(iso) };
}
