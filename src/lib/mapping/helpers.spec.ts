import { describe, expect, it } from 'vitest';
import { HELPERS } from './helpers';
import { compileTemplate, renderTemplate } from './templates';

const NOW = new Date('2024-03-10T12:34:56Z');

function render(source: string, values: Record<string, unknown> = {}): unknown {
	const compiled = compileTemplate(source, 'text', 'body');
	if (!compiled.ok) throw new Error(compiled.problems[0].message);
	const context = Object.assign(Object.create(null), values);
	return renderTemplate(compiled.template, context, {
		now: NOW,
		timeLimitMs: 1000,
		maxOutputChars: 10_000
	});
}

const rows = [
	{ Customer: 'Ann', Value: 1200.5, Email: 'ann@example.com' },
	{ Customer: 'Bob', Value: '80', Email: null },
	{ Customer: 'Cy', Value: 'n/a', Email: 'cy@example.com' }
];

describe('date helpers', () => {
	it('formats a timestamp in a time zone with a pattern', () => {
		const due = '2024-03-01T23:30:00Z';
		expect(render('{{formatDate due "yyyy-MM-dd HH:mm" "Europe/Paris"}}', { due })).toBe(
			'2024-03-02 00:30'
		);
		expect(render('{{formatDate due "d/M/yy h:mm a" "America/New_York"}}', { due })).toBe(
			'1/3/24 6:30 PM'
		);
	});

	it('uses yyyy-MM-dd in UTC by default', () => {
		expect(render('{{formatDate due}}', { due: '2024-03-01T23:30:00Z' })).toBe('2024-03-01');
	});

	it('never shifts a calendar date into a time zone', () => {
		expect(
			render('{{formatDate due "yyyy-MM-dd" "America/Los_Angeles"}}', { due: '2024-03-01' })
		).toBe('2024-03-01');
	});

	it('names months and weekdays in a locale, and quotes literal text', () => {
		const due = '2024-03-01';
		expect(render(`{{formatDate due "EEEE d MMMM yyyy" "UTC" "fr-FR"}}`, { due })).toBe(
			'vendredi 1 mars 2024'
		);
		expect(render(`{{formatDate due "EEE, MMM d 'at' HH'h'"}}`, { due })).toBe('Fri, Mar 1 at 00h');
	});

	it('reads epoch seconds and timestamps without an offset as UTC', () => {
		expect(render('{{formatDate at "yyyy-MM-dd HH:mm:ss"}}', { at: 1709251200 })).toBe(
			'2024-03-01 00:00:00'
		);
		expect(render('{{formatDate at "HH:mm"}}', { at: '2024-03-01T08:15:00' })).toBe('08:15');
	});

	it('passes a value that is not a date through, and renders null as nothing', () => {
		expect(render('{{formatDate due}}', { due: 'soon' })).toBe('soon');
		expect(render('[{{formatDate due}}]', { due: null })).toBe('[]');
	});

	it('refuses an unknown time zone as a problem', () => {
		expect(
			render('{{formatDate due "yyyy" "Mars/Olympus"}}', { due: '2024-03-01T00:00:00Z' })
		).toMatchObject({
			code: 'helper-failed'
		});
	});

	it('gives the run’s time as now and adds days keeping the form', () => {
		expect(render('{{now}}')).toBe('2024-03-10T12:34:56.000Z');
		expect(render('{{formatDate (now) "yyyy-MM-dd"}}')).toBe('2024-03-10');
		expect(render('{{addDays due 30}}', { due: '2024-02-15' })).toBe('2024-03-16');
		expect(render('{{addDays due -1}}', { due: '2024-03-01T10:00:00Z' })).toBe(
			'2024-02-29T10:00:00.000Z'
		);
		expect(render('{{addDays due 1}}', { due: 'never' })).toBe('never');
	});
});

describe('number helpers', () => {
	it('formats with fixed decimals, plainly or in a locale', () => {
		expect(render('{{formatNumber v 2}}', { v: 1234.5 })).toBe('1234.50');
		expect(render('{{formatNumber v 0}}', { v: '1234.5' })).toBe('1235');
		expect(render('{{formatNumber v 1 "de-DE"}}', { v: 1234567.25 })).toBe('1.234.567,3');
		expect(render('{{formatNumber v 2}}', { v: 'n/a' })).toBe('n/a');
	});

	it('formats currency for a locale', () => {
		expect(render('{{currency v "EUR" "de-DE"}}', { v: 1234.5 })).toBe('1.234,50\u00a0€');
		expect(render('{{currency v "USD"}}', { v: 1234.5 })).toBe('$1,234.50');
		expect(render('{{currency v "JPY" "ja-JP"}}', { v: 1234 })).toBe('￥1,234');
	});

	it('refuses decimals that are not a whole number from 0 to 20', () => {
		expect(render('{{formatNumber v 25}}', { v: 1 })).toMatchObject({ code: 'helper-failed' });
	});
});

describe('embedding helpers', () => {
	it('writes any value as a JSON literal', () => {
		expect(render('{{json v}}', { v: 'say "hi"\nbye' })).toBe('"say \\"hi\\"\\nbye"');
		expect(render('{{json v}}', { v: null })).toBe('null');
		expect(render('{{json missing}}')).toBe('null');
		expect(render('{{json v}}', { v: 12.5 })).toBe('12.5');
		expect(JSON.parse(render('{{json rows}}', { rows }) as string)).toEqual(rows);
	});

	it('URL-encodes a value, including characters that are not valid alone', () => {
		expect(render('{{urlEncode v}}', { v: 'a b&c/é' })).toBe('a%20b%26c%2F%C3%A9');
		expect(render('{{urlEncode v}}', { v: 'x\uD800y' })).toBe('x%EF%BF%BDy');
		expect(render('[{{urlEncode v}}]', { v: null })).toBe('[]');
	});

	it('falls back for null, missing and empty values only', () => {
		expect(render('{{default v "none"}}', { v: null })).toBe('none');
		expect(render('{{default missing "none"}}')).toBe('none');
		expect(render('{{default v "none"}}', { v: '' })).toBe('none');
		expect(render('{{default v "none"}}', { v: 0 })).toBe('0');
	});
});

describe('comparison and logic helpers', () => {
	it('compares like the row filter', () => {
		expect(render('{{#if (eq v 10)}}yes{{else}}no{{/if}}', { v: '10' })).toBe('yes');
		expect(render('{{#if (ne v "Ann")}}yes{{else}}no{{/if}}', { v: 'Ann' })).toBe('no');
		expect(render('{{#if (gt v 100)}}big{{/if}}', { v: 1200 })).toBe('big');
		expect(render('{{#if (gte due "2024-03-01")}}late{{/if}}', { due: '2024-03-01' })).toBe('late');
		expect(render('{{#if (lt v 0)}}neg{{else}}not{{/if}}', { v: null })).toBe('not');
		expect(render('{{lte 3 3}}')).toBe('true');
	});

	it('combines conditions', () => {
		expect(render('{{and a b}} {{or a b}} {{not a}}', { a: 1, b: 0 })).toBe('false true false');
		expect(render('{{and a b c}}', { a: 1, b: 'x', c: [1] })).toBe('true');
		expect(render('{{or a b}}', { a: [], b: '' })).toBe('false');
	});
});

describe('list helpers', () => {
	it('sums a column, skipping cells that are not numbers', () => {
		expect(render('{{sum rows "Value"}}', { rows })).toBe('1280.5');
		expect(render('{{sum list}}', { list: [0.1, 0.2] })).toBe('0.3');
		expect(render('{{sum missing "Value"}}')).toBe('0');
	});

	it('counts, plucks and joins', () => {
		expect(render('{{count rows}}', { rows })).toBe('3');
		expect(render('{{join (pluck rows "Customer") " / "}}', { rows })).toBe('Ann / Bob / Cy');
		expect(render('{{join (pluck rows "Email")}}', { rows })).toBe(
			'ann@example.com, , cy@example.com'
		);
		expect(render('{{join v}}', { v: 'single' })).toBe('single');
	});

	it('plucks only own columns', () => {
		expect(render('{{json (pluck rows "constructor")}}', { rows })).toBe('[null,null,null]');
		expect(render('{{sum rows "__proto__"}}', { rows })).toBe('0');
	});
});

describe('text helpers', () => {
	it('changes case and trims, rendering null as nothing', () => {
		expect(render('{{upper v}}|{{lower v}}|{{trim v}}', { v: '  Ann Ö ' })).toBe(
			'  ANN Ö |  ann ö |Ann Ö'
		);
		expect(render('[{{upper v}}]', { v: null })).toBe('[]');
	});
});

describe('the helper list', () => {
	it('holds the helpers the designer documents', () => {
		expect(Object.keys(HELPERS).sort()).toEqual(
			[
				'formatDate',
				'now',
				'addDays',
				'formatNumber',
				'currency',
				'json',
				'urlEncode',
				'default',
				'eq',
				'ne',
				'gt',
				'gte',
				'lt',
				'lte',
				'and',
				'or',
				'not',
				'join',
				'sum',
				'count',
				'pluck',
				'upper',
				'lower',
				'trim'
			].sort()
		);
	});
});
