import { describe, expect, it } from 'vitest';
import { normalize } from '../payload/normalize';
import { generatePayload } from '../payload/generate';
import { DELIVERY_WAYS } from './delivery-ways';
import {
	addColumn,
	addRow,
	answerProblems,
	removeColumn,
	removeRow,
	sampleAnswer,
	typedCell,
	typedTable
} from './answers';

describe('the simulator answers', () => {
	it('types cells by their column: numbers, booleans, empty cells as null, other text as typed', () => {
		expect(typedCell('12000', 'number')).toBe(12000);
		expect(typedCell('12,000', 'number')).toBe('12,000');
		expect(typedCell(' yes ', 'boolean')).toBe(true);
		expect(typedCell('', 'string')).toBeNull();
		expect(typedCell('2024-07-15', 'date')).toBe('2024-07-15');
	});

	it('pushes the renewal sample through every delivery way as the same table', () => {
		const table = typedTable(sampleAnswer('renewals'));
		for (const way of DELIVERY_WAYS) {
			const normalized = normalize(generatePayload(table, way.format));
			expect(normalized.ok, way.id).toBe(true);
			if (!normalized.ok) continue;
			expect(normalized.table.format, way.id).toBe(way.format);
			expect(
				normalized.table.rows.map((row) => row['Email']),
				way.id
			).toEqual(['billing@acme.example', 'ap@globex.example', 'finance@initech.example']);
			// REST responses carry no column types: their dates stay epoch seconds until an
			// action declares the column a date.
			const due = way.format.startsWith('rest') ? 1721001600 : '2024-07-15';
			expect(normalized.table.rows[0]['Renewal Date'], way.id).toBe(due);
		}
	});

	it('adds and removes rows and columns, keeping every row as wide as the columns', () => {
		let answer = sampleAnswer('pipeline');
		answer = addColumn(addRow(answer));
		expect(answer.columns.at(-1)).toEqual({ name: 'Column 5', type: 'string' });
		expect(answer.rows).toHaveLength(4);
		expect(answer.rows.every((row) => row.length === 5)).toBe(true);
		answer = removeColumn(removeRow(answer, 0), 0);
		expect(answer.columns.map((c) => c.name)).toEqual([
			'Quarter',
			'Deals',
			'Pipeline Value',
			'Column 5'
		]);
		expect(answer.rows[0]).toEqual(['Q3', '22', '910000', '']);
	});

	it('names blank and repeated column names as problems', () => {
		const answer = sampleAnswer('tickets');
		answer.columns[1].name = 'Ticket';
		answer.columns[2].name = ' ';
		expect(answerProblems(answer)).toEqual([
			'Two columns are named "Ticket".',
			'Column 3 has no name.'
		]);
	});

	it('gives a fresh copy of a sample each time', () => {
		const first = sampleAnswer('renewals');
		first.rows[0][0] = 'changed';
		expect(sampleAnswer('renewals').rows[0][0]).toBe('Acme Corp');
	});
});
