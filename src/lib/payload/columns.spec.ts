import { describe, expect, it } from 'vitest';
import type { ExpectedColumn } from '../actions/definition';
import { checkExpectedColumns, describeMissing } from './columns';
import { normalize } from './normalize';
import type { CanonicalTable, Cell } from './types';

/** A pushed table of plain rows, normalized as a push would be. */
function pushed(rows: Record<string, Cell>[]): CanonicalTable {
	const result = normalize(rows);
	if (!result.ok) throw new Error(result.problem.message);
	return result.table;
}

/** One column of values, checked as the given declared type. */
function coerced(type: ExpectedColumn['type'], values: Cell[]) {
	const table = pushed(values.map((value) => ({ Value: value })));
	const check = checkExpectedColumns(table, [{ name: 'Value', type }]);
	return { values: check.table.rows.map((row) => row['Value']), warnings: check.warnings };
}

describe('matching expected columns', () => {
	it('ignores case and surrounding or repeated spaces, and renames to the expected name', () => {
		const table = pushed([{ '  customer   NAME ': 'Acme Corp', email: 'a@acme.example' }]);

		const check = checkExpectedColumns(table, [
			{ name: 'Customer Name', required: true },
			{ name: 'Email', required: true }
		]);

		expect(check.missing).toEqual([]);
		expect(check.table.columns.map((column) => column.name)).toEqual(['Customer Name', 'Email']);
		expect(check.table.rows).toEqual([{ 'Customer Name': 'Acme Corp', Email: 'a@acme.example' }]);
		expect(check.table.tables[0].rows).toBe(check.table.rows);
		expect(Object.getPrototypeOf(check.table.rows[0])).toBeNull();
	});

	it('finds a column under one of its aliases', () => {
		const table = pushed([{ CLIENT: 'Acme Corp' }]);

		const check = checkExpectedColumns(table, [
			{ name: 'Customer Name', required: true, aliases: ['Customer', 'Client'] }
		]);

		expect(check.missing).toEqual([]);
		expect(check.table.rows[0]['Customer Name']).toBe('Acme Corp');
	});

	it('prefers the expected name over an alias when both arrive', () => {
		const table = pushed([{ Customer: 'short', 'Customer Name': 'full' }]);

		const check = checkExpectedColumns(table, [{ name: 'Customer Name', aliases: ['Customer'] }]);

		expect(check.table.rows[0]).toEqual({ Customer: 'short', 'Customer Name': 'full' });
	});

	it('keeps columns nobody expects, and tells one apart when its name is taken by a match', () => {
		const table = pushed([{ email: 'first', Email: 'second', Notes: 'n' }]);

		const check = checkExpectedColumns(table, [{ name: 'Email' }]);

		expect(check.table.rows[0]).toEqual({ Email: 'first', 'Email (2)': 'second', Notes: 'n' });
		expect(check.warnings).toEqual([
			expect.objectContaining({ code: 'duplicate-column-name', column: 'Email (2)' })
		]);
	});

	it('renames the clicked row of a context-menu push as well', () => {
		const table = { ...pushed([{ client: 'Acme' }]) };
		table.clickedRow = Object.assign(Object.create(null), { client: 'Acme' });

		const check = checkExpectedColumns(table, [{ name: 'Client', type: 'string' }]);

		expect(check.table.clickedRow).toEqual({ Client: 'Acme' });
	});

	it('works for an expected column named __proto__', () => {
		const table = pushed(JSON.parse('[{"__PROTO__": "1,000"}]'));

		const check = checkExpectedColumns(table, [{ name: '__proto__', type: 'number' }]);

		expect(check.table.rows[0]['__proto__']).toBe(1000);
		expect(Object.getPrototypeOf(check.table.rows[0])).toBeNull();
	});
});

describe('coercing declared types', () => {
	it('reads numeric text, thousands separators included, as numbers', () => {
		const result = coerced('number', ['1,234.50', ' 7 ', '-0.5', '1e3', 12, null]);

		expect(result.values).toEqual([1234.5, 7, -0.5, 1000, 12, null]);
		expect(result.warnings).toEqual([]);
	});

	it('keeps values that are not numbers as sent and counts them in one warning', () => {
		const result = coerced('number', ['12', 'n/a', '1,23', true, '0x10']);

		expect(result.values).toEqual([12, 'n/a', '1,23', true, '0x10']);
		expect(result.warnings).toEqual([
			{
				code: 'value-not-coerced',
				column: 'Value',
				message:
					"4 values in 'Value' could not be read as a number (for example 'n/a'); they were passed on as sent."
			}
		]);
	});

	it('reads true/false, yes/no and 1/0 as booleans', () => {
		const result = coerced('boolean', ['true', 'FALSE', 'Yes', ' no ', 1, 0, '1', 'maybe']);

		expect(result.values).toEqual([true, false, true, false, true, false, true, 'maybe']);
		expect(result.warnings.map((warning) => warning.message)).toEqual([
			"1 value in 'Value' could not be read as true or false (for example 'maybe'); they were passed on as sent."
		]);
	});

	it('reads epoch seconds, epoch milliseconds and ISO text as UTC days for a date column', () => {
		const result = coerced('date', [
			1721001600,
			1721001600000,
			'2024-07-15',
			'2024-07-15T23:30:00-02:00',
			'2024-07-15T23:30:00',
			'soon'
		]);

		expect(result.values).toEqual([
			'2024-07-15',
			'2024-07-15',
			'2024-07-15',
			'2024-07-16',
			'2024-07-15',
			'soon'
		]);
		expect(result.warnings).toHaveLength(1);
	});

	it('reads epoch numbers and ISO text as ISO timestamps for a datetime column', () => {
		const result = coerced('datetime', [
			1721050200,
			'2024-07-15',
			'2024-07-15T12:00:00+02:00',
			false
		]);

		expect(result.values).toEqual([
			'2024-07-15T13:30:00.000Z',
			'2024-07-15T00:00:00.000Z',
			'2024-07-15T10:00:00.000Z',
			false
		]);
		expect(result.warnings[0].message).toContain('1 value in');
	});

	it('writes numbers and booleans as text for a string column', () => {
		expect(coerced('string', [12.5, true, 'x']).values).toEqual(['12.5', 'true', 'x']);
	});

	it('gives each matched column its declared type and leaves undeclared ones alone', () => {
		const table = pushed([{ Amount: '12', Notes: 'x' }]);

		const check = checkExpectedColumns(table, [
			{ name: 'amount', type: 'number' },
			{ name: 'Notes' }
		]);

		expect(check.table.columns).toEqual([
			{ name: 'amount', type: 'number' },
			{ name: 'Notes', type: 'string' }
		]);
	});

	it('adds its warnings to the table warnings', () => {
		const table = pushed([{ Amount: 'lots' }]);

		const check = checkExpectedColumns(table, [{ name: 'Amount', type: 'number' }]);

		expect(check.table.warnings).toEqual(check.warnings);
	});
});

describe('missing required columns', () => {
	const table = pushed([{ 'E-mail': 'a@acme.example', Customer: 'Acme', Product: 'Data Cloud' }]);

	it('lists each required column that did not arrive, suggesting a close name', () => {
		const check = checkExpectedColumns(table, [
			{ name: 'Email', required: true },
			{ name: 'Renewal Date', required: true },
			{ name: 'Contract Value' }
		]);

		expect(check.missing).toEqual([
			{
				name: 'Email',
				didYouMean: 'E-mail',
				message:
					"Add 'Email' to your search and run the action again. The push has 'E-mail': if that is the same column, rename it to 'Email' in the search."
			},
			{
				name: 'Renewal Date',
				message: "Add 'Renewal Date' to your search and run the action again."
			}
		]);
	});

	it('suggests a shorter name that is a likely mix-up', () => {
		const check = checkExpectedColumns(table, [{ name: 'Customer Name', required: true }]);

		expect(check.missing[0].didYouMean).toBe('Customer');
	});

	it('does not suggest a column already matched to another expected column', () => {
		const check = checkExpectedColumns(table, [
			{ name: 'Customers', required: true },
			{ name: 'Customer', required: true }
		]);

		expect(check.missing).toEqual([
			{ name: 'Customers', message: "Add 'Customers' to your search and run the action again." }
		]);
	});

	it('summarises one missing column with what arrived', () => {
		const check = checkExpectedColumns(table, [{ name: 'Renewal Date', required: true }]);

		const summary = describeMissing(check.missing, check.table.columns);

		expect(summary).toEqual({
			code: 'missing-columns',
			message:
				"The push is missing the column 'Renewal Date'. Add 'Renewal Date' to your search and run the action again. It has 'E-mail', 'Customer' and 'Product'.",
			details: { missing: check.missing, arrived: ['E-mail', 'Customer', 'Product'] }
		});
	});

	it('summarises several missing columns in one sentence', () => {
		const missing = [
			{ name: 'Email', message: 'm' },
			{ name: 'Renewal Date', message: 'm' }
		];

		expect(describeMissing(missing, []).message).toBe(
			"The push is missing 2 columns: 'Email' and 'Renewal Date'. Add them to your search and run the action again. It has no columns."
		);
	});
});
