import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Row } from '../payload/types';
import { compileBindings, type PushView } from './bindings';
import { rowContext, rowContextWriter } from './context';

function pushOf(rows: Row[]): PushView {
	return {
		answer: { id: 'a-1', name: 'Renewals due' },
		columns: [],
		rows,
		rowCount: rows.length,
		tables: [],
		clickedRow: null,
		format: 'plain.rows'
	};
}

const bindings = compileBindings([
	{ name: 'email', path: '$.Email', scope: 'row' },
	{ name: 'due', path: "$['Renewal Date']", scope: 'row' },
	{ name: 'region', path: '$.answer.name', scope: 'push' }
]);

describe('rowContextWriter', () => {
	it('gives each row what rowContext gives, in the same order, with nothing left from before', () => {
		// Columns that collide with built-in names, push and row bindings, and columns that
		// come and go from one row to the next.
		const column = fc.constantFrom('Email', 'Renewal Date', 'Amount', 'rows', 'region', 'email');
		const row = fc
			.dictionary(column, fc.oneof(fc.string({ maxLength: 3 }), fc.integer(), fc.constant(null)))
			.map((values): Row => Object.assign(Object.create(null), values));
		fc.assert(
			fc.property(fc.array(row, { minLength: 1, maxLength: 8 }), (rows) => {
				const view = pushOf(rows);
				const pushValues = bindings.evaluatePush(view);
				const contextFor = rowContextWriter(view, pushValues, bindings);
				for (const each of rows) {
					const expected = rowContext(each, view, pushValues, bindings);
					const written = contextFor(each);
					expect(Object.getPrototypeOf(written)).toBeNull();
					expect(Object.entries(written)).toEqual(Object.entries(expected));
				}
			}),
			{ numRuns: 300 }
		);
	});
});
