import { describe, expect, it } from 'vitest';
import type { Row } from '../payload/types';
import { compileBindings, type PushView } from './bindings';

function row(values: Record<string, string | number | null>): Row {
	return Object.assign(Object.create(null), values);
}

function pushOf(rows: Row[]): PushView {
	return {
		answer: { id: 'a-1', name: 'Renewals due' },
		columns: [
			{ name: 'Customer Name', type: 'string' },
			{ name: 'Email', type: 'string' }
		],
		rows,
		rowCount: rows.length,
		tables: [],
		clickedRow: null,
		format: 'plain.rows'
	};
}

describe('compileBindings', () => {
	const rows = [
		row({ 'Customer Name': 'Ann', Email: 'ann@example.com', Value: 1200 }),
		row({ 'Customer Name': 'Bob', Email: null, Value: 80 })
	];

	it('evaluates row bindings over each row with one compiled set', () => {
		const bindings = compileBindings([
			{ name: 'email', path: "$['Email']", scope: 'row' },
			{ name: 'customer', path: "$['Customer Name']", scope: 'row' }
		]);
		expect(bindings.problems).toEqual([]);
		expect({ ...bindings.evaluateRow(rows[0]) }).toEqual({
			email: 'ann@example.com',
			customer: 'Ann'
		});
		expect({ ...bindings.evaluateRow(rows[1]) }).toEqual({ email: null, customer: 'Bob' });
	});

	it('evaluates push bindings over the answer, the rows and the count', () => {
		const bindings = compileBindings([
			{ name: 'answerName', path: '$.answer.name', scope: 'push' },
			{ name: 'emails', path: '$.rows[*].Email', scope: 'push' },
			{ name: 'count', path: '$.rowCount', scope: 'push' },
			{ name: 'values', path: '$..Value', scope: 'push' }
		]);
		expect({ ...bindings.evaluatePush(pushOf(rows)) }).toEqual({
			answerName: 'Renewals due',
			emails: ['ann@example.com', null],
			count: 2,
			values: [1200, 80]
		});
	});

	it('keeps row and push bindings apart', () => {
		const bindings = compileBindings([
			{ name: 'email', path: '$.Email', scope: 'row' },
			{ name: 'answerName', path: '$.answer.name', scope: 'push' }
		]);
		expect(bindings.rowNames).toEqual(['email']);
		expect(bindings.pushNames).toEqual(['answerName']);
		expect(Object.keys(bindings.evaluateRow(rows[0]))).toEqual(['email']);
	});

	it('writes values into a given object instead of allocating one', () => {
		const bindings = compileBindings([{ name: 'email', path: '$.Email', scope: 'row' }]);
		const target: Record<string, unknown> = { kept: true };
		expect(bindings.evaluateRow(rows[0], target)).toBe(target);
		expect(target).toEqual({ kept: true, email: 'ann@example.com' });
	});

	it('reports a bad path at compile time and leaves that binding out', () => {
		const bindings = compileBindings([
			{ name: 'risky', path: '$.rows[?(@.Value > 100)]', scope: 'push' },
			{ name: 'email', path: '$.Email', scope: 'row' }
		]);
		expect(bindings.problems).toHaveLength(1);
		expect(bindings.problems[0]).toMatchObject({ code: 'invalid-jsonpath', binding: 'risky' });
		expect(bindings.problems[0].message).toContain('script expression');
		expect(bindings.pushNames).toEqual([]);
		expect(bindings.rowNames).toEqual(['email']);
	});

	it('reports duplicate names, missing names and unknown scopes', () => {
		const bindings = compileBindings([
			{ name: 'email', path: '$.Email', scope: 'row' },
			{ name: 'email', path: '$.Email', scope: 'push' },
			{ name: ' ', path: '$.Email', scope: 'row' },
			{ name: 'x', path: '$.Email', scope: 'table' as 'row' }
		]);
		expect(bindings.problems.map((problem) => problem.code)).toEqual([
			'duplicate-binding',
			'invalid-binding',
			'invalid-binding'
		]);
	});
});
