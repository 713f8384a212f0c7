/**
 * One ordering for the row filter and the template comparison helpers: numbers by value,
 * dates by time, strings by UTF-16 code units (never by the server's locale). Values of
 * kinds that have no common order cannot be compared, and nothing here throws.
 */

import { looksLikeDate, parseDateValue } from './dates';

const NUMERIC = /^\s*[-+]?(?:\d+\.?\d*|\.\d+)(?:[eE][-+]?\d+)?\s*$/;

/** Orders `a` against `b`: negative, zero or positive; null when they cannot be compared. */
export function compareValues(a: unknown, b: unknown): number | null {
	if (a == null || b == null) {
		return a == null && b == null ? 0 : null;
	}
	if (typeof a === 'number' && typeof b === 'number') {
		return orderNumbers(a, b);
	}
	if (looksLikeDate(a) || looksLikeDate(b)) {
		const order = compareDates(a, b);
		if (order !== null) {
			return order;
		}
	}
	const leftNumber = toNumber(a);
	const rightNumber = toNumber(b);
	if (leftNumber !== null && rightNumber !== null) {
		return orderNumbers(leftNumber, rightNumber);
	}
	const leftBoolean = toBoolean(a);
	const rightBoolean = toBoolean(b);
	if (leftBoolean !== null && rightBoolean !== null) {
		return Number(leftBoolean) - Number(rightBoolean);
	}
	if (typeof a === 'string' && typeof b === 'string') {
		return a < b ? -1 : a > b ? 1 : 0;
	}
	return null;
}

/** A number, or a string that is exactly a decimal number; anything else is null. */
export function toNumber(value: unknown): number | null {
	if (typeof value === 'number') {
		return Number.isFinite(value) ? value : null;
	}
	if (typeof value === 'string' && NUMERIC.test(value)) {
		return Number(value);
	}
	return null;
}

function toBoolean(value: unknown): boolean | null {
	if (typeof value === 'boolean') {
		return value;
	}
	if (typeof value === 'string') {
		const word = value.trim().toLowerCase();
		return word === 'true' ? true : word === 'false' ? false : null;
	}
	return null;
}

function compareDates(a: unknown, b: unknown): number | null {
	const left = parseDateValue(a);
	const right = parseDateValue(b);
	return left && right ? orderNumbers(left.ms, right.ms) : null;
}

function orderNumbers(a: number, b: number): number | null {
	if (Number.isNaN(a) || Number.isNaN(b)) {
		return null;
	}
	return a < b ? -1 : a > b ? 1 : 0;
}
