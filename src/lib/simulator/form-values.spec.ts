import { describe, expect, it } from 'vitest';
import type { FormField } from '../actions/definition';
import { checkRecords, inputName, readRecords, typedValue } from './form-values';

const fields: FormField[] = [
	{ name: 'Customer Name', label: 'Customer', type: 'text', required: true },
	{ name: 'Contract Value', label: 'Amount', type: 'number', min: 0 },
	{ name: 'Email', label: 'Email', type: 'email' },
	{ name: 'Send', label: 'Send', type: 'checkbox' }
];

describe('submitted form values', () => {
	it('reads one record per row, with unticked boxes as false', () => {
		const form = new URLSearchParams();
		form.set(inputName(0, 'Customer Name'), 'Acme');
		form.set(inputName(0, 'Send'), 'on');
		form.set(inputName(1, 'Customer Name'), 'Globex');
		const records = readRecords(form, fields, 2);
		expect(records.map((r) => ({ ...r }))).toEqual([
			{ 'Customer Name': 'Acme', 'Contract Value': '', Email: '', Send: 'true' },
			{ 'Customer Name': 'Globex', 'Contract Value': '', Email: '', Send: 'false' }
		]);
	});

	it('names each wrong value by its input, in words a person can act on', () => {
		const errors = checkRecords(fields, [
			{ 'Customer Name': ' ', 'Contract Value': '-5', Email: 'nobody', Send: 'false' },
			{ 'Customer Name': 'Globex', 'Contract Value': '12.5', Email: 'a@b.example', Send: 'true' }
		]);
		expect(errors).toEqual({
			'0:Customer Name': 'Customer is required.',
			'0:Contract Value': 'Amount must be at least 0.',
			'0:Email': 'Email must be an email address.'
		});
	});

	it('types numbers and ticks, and keeps empty values as null', () => {
		expect(typedValue(fields[1], '12.5')).toBe(12.5);
		expect(typedValue(fields[1], '')).toBeNull();
		expect(typedValue(fields[3], 'true')).toBe(true);
		expect(typedValue(fields[0], ' Acme ')).toBe('Acme');
	});
});
