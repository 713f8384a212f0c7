/**
 * The helper library templates can call. Each helper declares how many arguments it takes,
 * so a call with too few or too many is caught when the template is compiled.
 *
 * Helpers receive pushed data, so they never throw for odd values (an empty cell, text
 * where a number was expected): they pass such values through or give an empty result.
 * They throw HelperError only for a template's own mistakes, such as an unknown currency.
 */

import { compareValues, toNumber } from './compare';
import { DAY_MS, formatDateValue, parseDateValue } from './dates';
import { currency, formatDate, formatNumber } from './format-helpers';
import { renderNow } from './budget';

export interface HelperSpec {
	minArgs: number;
	/** Infinity for helpers that take any number of arguments. */
	maxArgs: number;
	/** Called with the template's arguments only, without Handlebars' options object. */
	run(args: unknown[]): unknown;
}

function helper(minArgs: number, maxArgs: number, run: HelperSpec['run']): HelperSpec {
	return { minArgs, maxArgs, run };
}

/** Every helper by name; `if`, `unless`, `each`, `with` and `lookup` come from Handlebars. */
export const HELPERS: Readonly<Record<string, HelperSpec>> = Object.freeze({
	formatDate: helper(1, 4, (a) => formatDate(a[0], a[1], a[2], a[3])),
	now: helper(0, 0, () => renderNow().toISOString()),
	addDays: helper(2, 2, (a) => addDays(a[0], a[1])),
	formatNumber: helper(2, 3, (a) => formatNumber(a[0], a[1], a[2])),
	currency: helper(2, 3, (a) => currency(a[0], a[1], a[2])),
	json: helper(1, 1, (a) => JSON.stringify(a[0] === undefined ? null : a[0]) ?? 'null'),
	urlEncode: helper(1, 1, (a) => encodeURIComponent(wellFormed(text(a[0])))),
	default: helper(2, 2, (a) => (a[0] == null || a[0] === '' ? a[1] : a[0])),
	eq: helper(2, 2, (a) => compareValues(a[0], a[1]) === 0),
	ne: helper(2, 2, (a) => compareValues(a[0], a[1]) !== 0),
	gt: helper(2, 2, (a) => (compareValues(a[0], a[1]) ?? NaN) > 0),
	gte: helper(2, 2, (a) => (compareValues(a[0], a[1]) ?? NaN) >= 0),
	lt: helper(2, 2, (a) => (compareValues(a[0], a[1]) ?? NaN) < 0),
	lte: helper(2, 2, (a) => (compareValues(a[0], a[1]) ?? NaN) <= 0),
	and: helper(1, Infinity, (a) => a.every(truthy)),
	or: helper(1, Infinity, (a) => a.some(truthy)),
	not: helper(1, 1, (a) => !truthy(a[0])),
	join: helper(1, 2, (a) => join(a[0], a[1])),
	sum: helper(1, 2, (a) => sum(a[0], a[1])),
	count: helper(1, 1, (a) => (Array.isArray(a[0]) ? a[0].length : 0)),
	pluck: helper(2, 2, (a) => (Array.isArray(a[0]) ? a[0].map((item) => field(item, a[1])) : [])),
	upper: helper(1, 1, (a) => text(a[0]).toUpperCase()),
	lower: helper(1, 1, (a) => text(a[0]).toLowerCase()),
	trim: helper(1, 1, (a) => text(a[0]).trim())
});

function text(value: unknown): string {
	return value == null ? '' : String(value);
}

/** Truth as `{{#if}}` sees it: false, 0, '', null and empty lists are false. */
function truthy(value: unknown): boolean {
	return Array.isArray(value) ? value.length > 0 : Boolean(value);
}

/** Lone surrogates cannot be URL-encoded; they become U+FFFD instead of failing the render. */
function wellFormed(value: string): string {
	return value.replace(
		/[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g,
		'\uFFFD'
	);
}

function addDays(value: unknown, days: unknown): unknown {
	const date = parseDateValue(value);
	const count = toNumber(days);
	if (!date || count === null) {
		return text(value);
	}
	return formatDateValue({ ms: date.ms + count * DAY_MS, dateOnly: date.dateOnly });
}

function join(list: unknown, separator: unknown): string {
	if (!Array.isArray(list)) {
		return text(list);
	}
	return list.map(text).join(separator === undefined ? ', ' : text(separator));
}

/** A row's own value for a column; never one inherited from a prototype. */
function field(item: unknown, column: unknown): unknown {
	const name = String(column);
	if (item !== null && typeof item === 'object' && Object.hasOwn(item, name)) {
		return (item as Record<string, unknown>)[name];
	}
	return null;
}

/**
 * Adds the numbers in a list, or in one column of a list of rows; cells that are not
 * numbers are skipped. The total is cut to 15 significant digits so that adding 0.1 and
 * 0.2 shows 0.3 rather than binary floating point's 0.30000000000000004.
 */
function sum(list: unknown, column: unknown): number {
	if (!Array.isArray(list)) {
		return 0;
	}
	let total = 0;
	for (const item of list) {
		const number = toNumber(column === undefined ? item : field(item, column));
		if (number !== null) {
			total += number;
		}
	}
	return Number(total.toPrecision(15));
}
