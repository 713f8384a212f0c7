/**
 * Date, number and currency formatting for templates, on top of Intl. Formatters are costly
 * to build and cheap to reuse, so they are kept per settings; the cache is emptied when full
 * because settings can come from pushed data and must not grow memory without bound.
 */

import { toNumber } from './compare';
import { parseDateValue } from './dates';

/** A mistake in how a template calls a helper, e.g. an unknown currency code. */
export class HelperError extends Error {}

const MAX_CACHED_FORMATTERS = 256;
const formatters = new Map<string, Intl.DateTimeFormat | Intl.NumberFormat | string[]>();

function cached<T extends Intl.DateTimeFormat | Intl.NumberFormat | string[]>(
	key: string,
	make: () => T
): T {
	const found = formatters.get(key);
	if (found) {
		return found as T;
	}
	if (formatters.size >= MAX_CACHED_FORMATTERS) {
		formatters.clear();
	}
	const made = make();
	formatters.set(key, made);
	return made;
}

/** Renders an unusable value as it came, so a person sees it instead of a silent blank. */
function passThrough(value: unknown): string {
	return value == null ? '' : String(value);
}

const TOKENS = /'(?:[^']|'')*'|yyyy|yy|MMMM|MMM|MM|M|dd|d|EEEE|EEE|HH|H|hh|h|mm|ss|SSS|a/g;

interface DateParts {
	year: number;
	month: number;
	day: number;
	hour: number;
	minute: number;
	second: number;
	ms: number;
	/** 0 for Sunday to 6 for Saturday. */
	weekday: number;
	locale: string;
}

/**
 * Formats a date with a pattern: yyyy yy MMMM MMM MM M dd d EEEE EEE HH H hh h mm ss SSS a,
 * and 'quoted text'. A calendar date (`YYYY-MM-DD`) has no time zone, so it is never shifted
 * into one: `2024-03-01` stays the 1st in New York.
 */
export function formatDate(
	value: unknown,
	pattern: unknown = 'yyyy-MM-dd',
	timeZone: unknown = 'UTC',
	locale: unknown = 'en-US'
): string {
	const date = parseDateValue(value);
	if (!date) {
		return passThrough(value);
	}
	const zone = date.dateOnly ? 'UTC' : String(timeZone);
	const parts = dateParts(new Date(date.ms), zone, String(locale));
	return String(pattern).replace(TOKENS, (token) => formatToken(token, parts));
}

/**
 * The calendar fields of an instant in a time zone. UTC, which every calendar date uses, is
 * read straight from the Date; other zones go through Intl, the only source of their rules.
 */
function dateParts(instant: Date, timeZone: string, locale: string): DateParts {
	const ms = ((instant.getTime() % 1000) + 1000) % 1000;
	if (timeZone === 'UTC') {
		return {
			year: instant.getUTCFullYear(),
			month: instant.getUTCMonth() + 1,
			day: instant.getUTCDate(),
			hour: instant.getUTCHours(),
			minute: instant.getUTCMinutes(),
			second: instant.getUTCSeconds(),
			ms,
			weekday: instant.getUTCDay(),
			locale
		};
	}
	const found: Record<string, number> = {};
	for (const part of zoneFormat(timeZone).formatToParts(instant)) {
		if (part.type !== 'literal') {
			found[part.type] = Number(part.value);
		}
	}
	const { year, month, day } = found;
	return {
		year,
		month,
		day,
		hour: found.hour % 24,
		minute: found.minute,
		second: found.second,
		ms,
		weekday: new Date(Date.UTC(year, month - 1, day)).getUTCDay(),
		locale
	};
}

function zoneFormat(timeZone: string): Intl.DateTimeFormat {
	return cached(`zone|${timeZone}`, () =>
		makeDateFormat('en-US', timeZone, {
			timeZone,
			year: 'numeric',
			month: 'numeric',
			day: 'numeric',
			hour: 'numeric',
			minute: 'numeric',
			second: 'numeric',
			hourCycle: 'h23'
		})
	);
}

function formatToken(token: string, parts: DateParts): string {
	switch (token) {
		case 'yyyy':
			return String(parts.year).padStart(4, '0');
		case 'yy':
			return String(parts.year % 100).padStart(2, '0');
		case 'MMMM':
			return names(parts.locale, 'month', 'long')[parts.month - 1];
		case 'MMM':
			return names(parts.locale, 'month', 'short')[parts.month - 1];
		case 'MM':
			return pad2(parts.month);
		case 'M':
			return String(parts.month);
		case 'dd':
			return pad2(parts.day);
		case 'd':
			return String(parts.day);
		case 'EEEE':
			return names(parts.locale, 'weekday', 'long')[parts.weekday];
		case 'EEE':
			return names(parts.locale, 'weekday', 'short')[parts.weekday];
		case 'HH':
			return pad2(parts.hour);
		case 'H':
			return String(parts.hour);
		case 'hh':
			return pad2(parts.hour % 12 || 12);
		case 'h':
			return String(parts.hour % 12 || 12);
		case 'mm':
			return pad2(parts.minute);
		case 'ss':
			return pad2(parts.second);
		case 'SSS':
			return String(parts.ms).padStart(3, '0');
		case 'a':
			return parts.hour < 12 ? 'AM' : 'PM';
		default:
			// A quoted literal; '' inside it is one quote.
			return token.slice(1, -1).replaceAll("''", "'");
	}
}

/** A locale's month names (January first) or weekday names (Sunday first), built once. */
function names(locale: string, field: 'month' | 'weekday', width: 'long' | 'short'): string[] {
	return cached(`names|${locale}|${field}|${width}`, () => {
		const format = makeDateFormat(locale, 'UTC', { [field]: width, timeZone: 'UTC' });
		// 2023 began on a Sunday, so day i of January is weekday i - 1.
		const dates =
			field === 'month'
				? Array.from({ length: 12 }, (_, month) => Date.UTC(2023, month, 15))
				: Array.from({ length: 7 }, (_, weekday) => Date.UTC(2023, 0, weekday + 1));
		return dates.map((date) => format.format(date));
	});
}

function makeDateFormat(
	locale: string,
	timeZone: string,
	options: Intl.DateTimeFormatOptions
): Intl.DateTimeFormat {
	try {
		return new Intl.DateTimeFormat(locale, options);
	} catch {
		throw new HelperError(
			`formatDate: "${timeZone}" is not a time zone, or "${locale}" is not a locale; use names such as "Europe/Paris" and "fr-FR".`
		);
	}
}

function pad2(value: number): string {
	return value < 10 ? `0${value}` : String(value);
}

/**
 * Formats a number with a fixed count of decimals: plainly (`1234.50`) without a locale,
 * with the locale's grouping and separators (`1.234,50`) with one.
 */
export function formatNumber(value: unknown, decimals: unknown, locale?: unknown): string {
	const number = toNumber(value);
	if (number === null) {
		return passThrough(value);
	}
	const digits = decimalCount(decimals);
	if (locale === undefined || locale === null || locale === '') {
		return number.toFixed(digits);
	}
	const format = cached(`number|${String(locale)}|${digits}`, () =>
		makeNumberFormat(
			String(locale),
			{ minimumFractionDigits: digits, maximumFractionDigits: digits },
			`formatNumber: "${String(locale)}" is not a locale; use one such as "de-DE".`
		)
	) as Intl.NumberFormat;
	return format.format(number);
}

function decimalCount(decimals: unknown): number {
	const count = toNumber(decimals);
	if (count === null || !Number.isInteger(count) || count < 0 || count > 20) {
		throw new HelperError(`formatNumber: decimals must be a whole number from 0 to 20.`);
	}
	return count;
}

/** Formats an amount in a currency for a locale, e.g. `currency 1234.5 "EUR" "de-DE"`. */
export function currency(value: unknown, code: unknown, locale: unknown = 'en-US'): string {
	const number = toNumber(value);
	if (number === null) {
		return passThrough(value);
	}
	const format = cached(`currency|${String(locale)}|${String(code)}`, () =>
		makeNumberFormat(
			String(locale),
			{ style: 'currency', currency: String(code) },
			`currency: "${String(code)}" is not a currency code or "${String(locale)}" is not a locale; use codes such as "EUR" and locales such as "de-DE".`
		)
	) as Intl.NumberFormat;
	return format.format(number);
}

function makeNumberFormat(
	locale: string,
	options: Intl.NumberFormatOptions,
	mistake: string
): Intl.NumberFormat {
	try {
		return new Intl.NumberFormat(locale, options);
	} catch {
		throw new HelperError(mistake);
	}
}
