import { describe, expect, it } from 'vitest';
import type { FilterOp, RowFilter } from '../actions/definition';
import type { Cell, Row } from '../payload/types';
import { compileRowFilter } from './row-filter';

const NOW = new Date('2024-03-10T12:00:00Z');

function row(values: Record<string, Cell>): Row {
	return Object.assign(Object.create(null), values);
}

/** Whether a single condition keeps a row holding `cell` in column "C". */
function keeps(op: FilterOp, value: string | number | boolean | undefined, cell: Cell): boolean {
	const filter = compileRowFilter({ all: [{ column: 'C', op, value }] });
	expect(filter.problems).toEqual([]);
	return filter.at(NOW)(row({ C: cell }));
}

describe('comparison operators', () => {
	it('compares numbers numerically, numeric text included', () => {
		expect(keeps('gt', 9, 10)).toBe(true);
		expect(keeps('gt', 9, '10')).toBe(true);
		expect(keeps('gt', '9', 10)).toBe(true);
		expect(keeps('lt', 9, 10)).toBe(false);
		expect(keeps('gte', 10, 10)).toBe(true);
		expect(keeps('lte', 10, 10.5)).toBe(false);
		expect(keeps('eq', 1200, '1200.0')).toBe(true);
	});

	it('compares ISO dates by date, whatever their form', () => {
		expect(keeps('gt', '2024-03-01', '2024-03-02')).toBe(true);
		expect(keeps('lt', '2024-03-01', '2024-02-28T23:59:00Z')).toBe(true);
		expect(keeps('eq', '2024-03-01T01:00:00+01:00', '2024-03-01T00:00:00Z')).toBe(true);
		expect(keeps('gte', '2024-03-01', 1709251200)).toBe(true);
	});

	it('compares text by code units, not by locale', () => {
		expect(keeps('gt', 'apple', 'banana')).toBe(true);
		// In code-unit order every capital sorts before every small letter; a locale would not.
		expect(keeps('lt', 'a', 'B')).toBe(true);
		expect(keeps('eq', 'Ann', 'Ann')).toBe(true);
		expect(keeps('eq', 'Ann', 'ann')).toBe(false);
	});

	it('compares booleans with booleans and their words', () => {
		expect(keeps('eq', true, true)).toBe(true);
		expect(keeps('eq', 'true', true)).toBe(true);
		expect(keeps('eq', false, true)).toBe(false);
	});

	it('keeps no empty cell with an ordering operator and never throws on one', () => {
		for (const op of ['eq', 'gt', 'gte', 'lt', 'lte'] as const) {
			expect(keeps(op, 5, null)).toBe(false);
		}
	});

	it('treats text against a number as unequal and unordered', () => {
		expect(keeps('gt', 0, 'n/a')).toBe(false);
		expect(keeps('lt', 0, 'n/a')).toBe(false);
		expect(keeps('eq', 0, 'n/a')).toBe(false);
		expect(keeps('neq', 0, 'n/a')).toBe(true);
	});

	it('counts an empty cell as not equal', () => {
		expect(keeps('neq', 'Ann', null)).toBe(true);
		expect(keeps('neq', 'Ann', 'Ann')).toBe(false);
	});
});

describe('text operators', () => {
	it('finds text anywhere, ignoring case', () => {
		expect(keeps('contains', 'EXAMPLE', 'ann@example.com')).toBe(true);
		expect(keeps('contains', 'acme', 'ann@example.com')).toBe(false);
		expect(keeps('contains', '12', 3120)).toBe(true);
		expect(keeps('contains', 'x', null)).toBe(false);
	});

	it('matches the start, ignoring case', () => {
		expect(keeps('starts-with', 'ann', 'Ann Smith')).toBe(true);
		expect(keeps('starts-with', 'smith', 'Ann Smith')).toBe(false);
		expect(keeps('starts-with', 'a', null)).toBe(false);
	});
});

describe('emptiness', () => {
	it('counts null, empty and blank text as empty, and zero or false as values', () => {
		expect(keeps('is-empty', undefined, null)).toBe(true);
		expect(keeps('is-empty', undefined, '')).toBe(true);
		expect(keeps('is-empty', undefined, '   ')).toBe(true);
		expect(keeps('is-empty', undefined, 0)).toBe(false);
		expect(keeps('is-empty', undefined, false)).toBe(false);
		expect(keeps('not-empty', undefined, 'x')).toBe(true);
		expect(keeps('not-empty', undefined, null)).toBe(false);
	});

	it('counts a column the row lacks as empty', () => {
		const filter = compileRowFilter({ all: [{ column: 'Missing', op: 'is-empty' }] });
		expect(filter.at(NOW)(row({ C: 1 }))).toBe(true);
	});
});

describe('relative dates', () => {
	it('keeps dates from the last N days, today included', () => {
		expect(keeps('within-last-days', 7, '2024-03-10')).toBe(true);
		expect(keeps('within-last-days', 7, '2024-03-03')).toBe(true);
		expect(keeps('within-last-days', 7, '2024-03-02')).toBe(false);
		expect(keeps('within-last-days', 7, '2024-03-11')).toBe(false);
	});

	it('keeps dates in the next N days, today included', () => {
		expect(keeps('within-next-days', 30, '2024-03-10')).toBe(true);
		expect(keeps('within-next-days', 30, '2024-04-09')).toBe(true);
		expect(keeps('within-next-days', 30, '2024-04-10')).toBe(false);
		expect(keeps('within-next-days', 30, '2024-03-09')).toBe(false);
	});

	it('counts timestamps and epoch seconds in exact days from now', () => {
		expect(keeps('within-last-days', 1, '2024-03-09T13:00:00Z')).toBe(true);
		expect(keeps('within-last-days', 1, '2024-03-09T11:00:00Z')).toBe(false);
		expect(keeps('within-next-days', 2, Date.parse('2024-03-11T00:00:00Z') / 1000)).toBe(true);
		expect(keeps('within-next-days', 2, Date.parse('2024-03-13T00:00:00Z') / 1000)).toBe(false);
	});

	it('keeps no row whose cell is not a date', () => {
		expect(keeps('within-last-days', 7, 'last week')).toBe(false);
		expect(keeps('within-last-days', 7, '2024-02-30')).toBe(false);
		expect(keeps('within-last-days', 7, null)).toBe(false);
	});

	it('reads the number of days from text too', () => {
		expect(keeps('within-last-days', '7', '2024-03-05')).toBe(true);
	});
});

describe('groups', () => {
	const filter: RowFilter = {
		all: [
			{ column: 'Value', op: 'gt', value: 0 },
			{
				any: [
					{ column: 'Region', op: 'eq', value: 'EMEA' },
					{ column: 'Email', op: 'contains', value: '@example.com' }
				]
			}
		]
	};

	it('keeps rows that match every condition of all and one of any', () => {
		const keep = compileRowFilter(filter).at(NOW);
		expect(keep(row({ Value: 10, Region: 'EMEA', Email: null }))).toBe(true);
		expect(keep(row({ Value: 10, Region: 'APAC', Email: 'a@example.com' }))).toBe(true);
		expect(keep(row({ Value: 10, Region: 'APAC', Email: 'a@acme.test' }))).toBe(false);
		expect(keep(row({ Value: 0, Region: 'EMEA', Email: null }))).toBe(false);
	});

	it('keeps every row without a filter or with an empty all', () => {
		expect(compileRowFilter(undefined).at(NOW)(row({}))).toBe(true);
		expect(compileRowFilter({ all: [] }).at(NOW)(row({}))).toBe(true);
	});

	it('matches column names exactly as given', () => {
		const keep = compileRowFilter({ all: [{ column: 'Region', op: 'eq', value: 'EMEA' }] }).at(NOW);
		expect(keep(row({ region: 'EMEA' }))).toBe(false);
	});

	it('reads only a row’s own columns', () => {
		const keep = compileRowFilter({ all: [{ column: 'constructor', op: 'not-empty' }] }).at(NOW);
		expect(keep({ Region: 'EMEA' })).toBe(false);
	});
});

describe('filters that cannot work', () => {
	it.each([
		[{ all: [{ column: 'C', op: 'gt' }] }, '"gt" needs a value'],
		[{ all: [{ column: 'C', op: 'contains' }] }, '"contains" needs a value'],
		[{ all: [{ column: 'C', op: 'within-last-days', value: 'soon' }] }, 'needs a number of days'],
		[{ all: [{ column: 'C', op: 'within-next-days', value: -1 }] }, 'needs a number of days'],
		[{ all: [{ column: 'C', op: 'like', value: 'x' }] }, '"like" is not a filter operator'],
		[{ all: [{ column: '', op: 'eq', value: 'x' }] }, 'names no column'],
		[{ any: 'x' }, 'must be a list']
	])('%j is a problem: %s', (filter, message) => {
		const compiled = compileRowFilter(filter as unknown as RowFilter);
		expect(compiled.problems).toHaveLength(1);
		expect(compiled.problems[0].code).toBe('invalid-row-filter');
		expect(compiled.problems[0].message).toContain(message);
		expect(compiled.at(NOW)(row({ C: 1 }))).toBe(false);
	});

	it('says where in the filter the problem is', () => {
		const compiled = compileRowFilter({
			all: [{ column: 'A', op: 'is-empty' }, { any: [{ column: 'B', op: 'gt' }] }]
		} as RowFilter);
		expect(compiled.problems[0].field).toBe('rowFilter.all[1].any[0]');
	});

	it('refuses nesting that is surely a mistake', () => {
		let filter: RowFilter = { all: [{ column: 'C', op: 'is-empty' }] };
		for (let i = 0; i < 40; i++) filter = { all: [filter] };
		expect(compileRowFilter(filter).problems[0].message).toContain('nests deeper');
	});
});
