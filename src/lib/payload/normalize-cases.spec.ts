import { describe, expect, it } from 'vitest';
import { generatePayload } from './generate';
import { normalize } from './normalize';
import { loadSampleObject } from './test-samples';
import type { CanonicalTable, Column, Problem, Row } from './types';
import { WARNING_CODES } from './warnings';

function table(body: unknown): CanonicalTable {
	const result = normalize(body);
	if (!result.ok) throw new Error(`unexpected problem: ${result.problem.message}`);
	return result.table;
}

function problem(body: unknown): Problem {
	const result = normalize(body);
	if (result.ok) throw new Error(`expected a problem, got a ${result.table.format} table`);
	return result.problem;
}

function row(values: Record<string, string | number | boolean | null>): Row {
	return Object.assign(Object.create(null), values);
}

/** A one-column answer callback whose column data the test chooses. */
function answerWith(column: Record<string, unknown>, dataValue: unknown[], extra = {}) {
	return {
		data: {
			embedAnswerData: {
				columns: [{ column: { id: 'c1', name: 'Value', ...column } }],
				data: { columnDataLite: [{ columnId: 'c1', dataValue }], ...extra }
			}
		}
	};
}

describe('joining columns to their values', () => {
	it('joins on column ids when the values are listed in another order than the columns', () => {
		const body = loadSampleObject('callback-answer-menu.json');
		body.data.embedAnswerData.data.columnDataLite.reverse();

		const result = table(body);

		expect(result.rows[0]).toEqual({
			'Customer Name': 'Acme Corp',
			Email: 'billing@acme.example',
			Product: 'Analytics Pro',
			'Renewal Date': '2024-07-15',
			'Contract Value': 12000
		});
	});

	it('keeps the columns in the order the payload lists them', () => {
		const body = loadSampleObject('callback-answer-menu.json');
		body.data.embedAnswerData.columns.reverse();

		const result = table(body);

		expect(result.columns.map((column) => column.name)).toEqual([
			'Contract Value',
			'Renewal Date',
			'Product',
			'Email',
			'Customer Name'
		]);
		expect(result.rows[2]['Email']).toBe('finance@initech.example');
	});
});

describe('awkward column names', () => {
	const names = ['Amount (USD) / month', '  padded  ', 'Straße №1', '顧客名', 'a.b[0]', '$where'];

	it('keeps names with spaces, punctuation and non-ASCII letters exactly as sent', () => {
		const columns: Column[] = names.map((name) => ({ name, type: 'string' }));
		const rows = [row(Object.fromEntries(names.map((name, i) => [name, `v${i}`])))];

		const result = table(generatePayload({ columns, rows }, 'callback.answer'));

		expect(result.columns.map((column) => column.name)).toEqual(names);
		expect(result.rows).toEqual(rows);
	});

	it('treats __proto__ and constructor as ordinary columns in plain rows', () => {
		const body = JSON.parse('[{"__proto__": "x", "constructor": 1, "toString": true}]');

		const result = table(body);

		expect(result.columns.map((column) => column.name)).toEqual([
			'__proto__',
			'constructor',
			'toString'
		]);
		expect(Object.keys(result.rows[0])).toEqual(['__proto__', 'constructor', 'toString']);
		expect(result.rows[0]['__proto__']).toBe('x');
		expect(result.rows[0]['constructor']).toBe(1);
		expect(Object.getPrototypeOf(result.rows[0])).toBeNull();
	});

	it('treats __proto__ as an ordinary column in ThoughtSpot callbacks and REST responses', () => {
		const callback = table(answerWith({ name: '__proto__', dataType: 'CHAR' }, ['a', 'b']));
		const rest = table({ columnNames: ['__proto__', 'hasOwnProperty'], data: [[1, 2]] });

		expect(callback.rows.map((r) => r['__proto__'])).toEqual(['a', 'b']);
		expect(rest.rows[0]['__proto__']).toBe(1);
		expect(rest.rows[0]['hasOwnProperty']).toBe(2);
	});
});

describe('values', () => {
	it('keeps nulls as nulls in every column type, date cells included', () => {
		const body = loadSampleObject('callback-answer-menu.json');
		for (const entry of body.data.embedAnswerData.data.columnDataLite) entry.dataValue[1] = null;

		const result = table(body);

		expect(result.rows[1]).toEqual({
			'Customer Name': null,
			Email: null,
			Product: null,
			'Renewal Date': null,
			'Contract Value': null
		});
	});

	it('writes date-time cells as ISO 8601 timestamps and date cells as UTC days', () => {
		const instant = { v: { s: 1721050200, e: 1721050200 } };

		const datetime = table(answerWith({ dataType: 'DATE_TIME' }, [instant]));
		const date = table(answerWith({ dataType: 'DATE' }, [instant]));

		expect(datetime.columns[0].type).toBe('datetime');
		expect(datetime.rows[0]['Value']).toBe('2024-07-15T13:30:00.000Z');
		expect(date.rows[0]['Value']).toBe('2024-07-15');
	});

	it('reads bare epoch seconds in a typed date column as a date', () => {
		const result = table(answerWith({ dataType: 'DATE' }, [1721001600]));

		expect(result.rows[0]['Value']).toBe('2024-07-15');
	});

	it('maps every ThoughtSpot data type to its column type', () => {
		const types = ['VARCHAR', 'TIME', 'INT32', 'INT64', 'FLOAT', 'BOOL', 'TIMESTAMP'];
		const result = types.map((dataType) => table(answerWith({ dataType }, [])).columns[0].type);

		expect(result).toEqual([
			'string',
			'string',
			'number',
			'number',
			'number',
			'boolean',
			'datetime'
		]);
	});

	it('infers types where the shape gives none, keeping epoch numbers as numbers', () => {
		const result = table([
			{ day: '2024-07-15', at: '2024-07-15T10:00:00Z', n: 1721001600, flag: false, mixed: 1 },
			{ day: null, at: '2024-07-16T10:00:00Z', n: 2, flag: true, mixed: 'one' }
		]);

		expect(result.columns.map((column) => column.type)).toEqual([
			'date',
			'datetime',
			'number',
			'boolean',
			'unknown'
		]);
		expect(result.rows[0]['n']).toBe(1721001600);
	});
});

describe('warnings', () => {
	function codes(result: CanonicalTable): string[] {
		return result.warnings.map((warning) => warning.code);
	}

	it('warns when a listed column arrives without values, and gives it empty cells', () => {
		const body = loadSampleObject('callback-answer-menu.json');
		body.data.embedAnswerData.data.columnDataLite.splice(1, 1);

		const result = table(body);

		expect(result.warnings).toEqual([
			expect.objectContaining({ code: WARNING_CODES.columnWithoutData, column: 'Email' })
		]);
		expect(result.rows.map((r) => r['Email'])).toEqual([null, null, null]);
	});

	it('warns about values for a column the payload does not list, and leaves them out', () => {
		const body = loadSampleObject('callback-answer-menu.json');
		body.data.embedAnswerData.data.columnDataLite.push({ columnId: 'stray', dataValue: [1, 2, 3] });

		const result = table(body);

		expect(codes(result)).toEqual([WARNING_CODES.dataWithoutColumn]);
		expect(Object.keys(result.rows[0])).toHaveLength(5);
	});

	it('warns about a partial answer when totalRowCount, sent as text, exceeds the rows received', () => {
		const body = loadSampleObject('callback-answer-menu.json');
		body.data.embedAnswerData.data.totalRowCount = '1200';

		const result = table(body);

		expect(result.totalRowCount).toBe(1200);
		expect(codes(result)).toEqual([WARNING_CODES.partialAnswer]);
		expect(result.warnings[0].message).toContain("3 of the answer's 1200 rows");
	});

	it('warns about an empty answer and still lists its columns', () => {
		const result = table(answerWith({ dataType: 'CHAR' }, [], { totalRowCount: '0' }));

		expect(result.rows).toEqual([]);
		expect(result.columns).toEqual([{ id: 'c1', name: 'Value', type: 'string' }]);
		expect(codes(result)).toEqual([WARNING_CODES.emptyAnswer]);
	});

	it('warns about zero plain rows', () => {
		expect(codes(table([]))).toEqual([WARNING_CODES.emptyAnswer]);
		expect(codes(table({ columnNames: ['A'], data: [] }))).toEqual([WARNING_CODES.emptyAnswer]);
	});

	it('tells duplicate column names apart and says so', () => {
		const result = table({
			columnNames: ['Email', 'Email', 'Email (2)'],
			data: [['a@example.com', 'b@example.com', 'c@example.com']]
		});

		expect(result.columns.map((column) => column.name)).toEqual([
			'Email',
			'Email (3)',
			'Email (2)'
		]);
		expect(result.rows[0]).toEqual({
			Email: 'a@example.com',
			'Email (3)': 'b@example.com',
			'Email (2)': 'c@example.com'
		});
		expect(result.warnings).toEqual([
			expect.objectContaining({ code: WARNING_CODES.duplicateColumnName, column: 'Email (3)' })
		]);
	});
});

describe('payloads that cannot be read', () => {
	it('lists every accepted shape when it recognises none', () => {
		const result = problem({ hello: 'world' });

		expect(result.code).toBe('unrecognised-payload');
		expect(result.message).toMatch(/^Pushmap did not recognise this payload\. It accepts: /);
		expect(result.message).toContain('data.contextMenuPoints');
		expect(result.message).toContain('plain rows: an array of objects');
		expect(result.message).toContain('"hello"');
		expect(result.message).not.toContain('world');
	});

	it('rejects scalars and null as unrecognised', () => {
		for (const body of [null, 42, 'text', true])
			expect(problem(body).code).toBe('unrecognised-payload');
	});

	it('says which column holds a different number of values from the others', () => {
		const body = loadSampleObject('callback-answer-menu.json');
		body.data.embedAnswerData.data.columnDataLite[2].dataValue.pop();

		const result = problem(body);

		expect(result.code).toBe('mismatched-lengths');
		expect(result.message).toContain('data.embedAnswerData.data.columnDataLite[2].dataValue');
		expect(result.message).toContain('holds 2 values where the columns before it hold 3');
	});

	it('says which REST row is too short', () => {
		const result = problem({ columnNames: ['A', 'B'], data: [[1, 2], [3]] });

		expect(result.code).toBe('mismatched-lengths');
		expect(result.message).toContain('data[1] holds 1 values for 2 columns');
	});

	it('rejects a column name that is not text, saying where it is', () => {
		const body = loadSampleObject('callback-answer-menu.json');
		body.data.embedAnswerData.columns[3].column.name = 7;

		const result = problem(body);

		expect(result.code).toBe('invalid-column-name');
		expect(result.message).toContain('data.embedAnswerData.columns[3].column.name is a number');
		expect(result.details).toEqual({
			format: 'callback.answer',
			path: 'data.embedAnswerData.columns[3].column.name'
		});
	});

	it('rejects REST column names that are not text', () => {
		expect(problem({ columnNames: ['A', null], data: [] }).code).toBe('invalid-column-name');
	});

	it('rejects a value that is an object but no date cell', () => {
		const result = problem([{ address: { city: 'Leeds' } }]);

		expect(result.code).toBe('unsupported-value');
		expect(result.message).toContain('the payload[0]["address"] is an object');
	});

	it('rejects a row that is not an object', () => {
		expect(problem({ rows: [{ a: 1 }, 'b'] }).message).toContain('rows[1] is a string');
	});

	it('rejects two columns with the same id, since values could not be joined', () => {
		const body = loadSampleObject('callback-answer-menu.json');
		const columns = body.data.embedAnswerData.columns;
		columns[1].column.id = columns[0].column.id;

		expect(problem(body).message).toContain("repeats the column id '3f1c2a10");
	});

	it('rejects classic Liveboard data text that is not JSON', () => {
		const result = problem({ id: 'x', data: '{"reportBookData": ' });

		expect(result.message).toContain('data is text that is not valid JSON');
	});

	it('rejects answer service values whose text is not JSON', () => {
		const body = loadSampleObject('callback-answerService-fetchData.json');
		body.data[0].columnDataLite[0].dataValue = '["Acme", ';

		expect(problem(body).message).toContain('data[0].columnDataLite[0].dataValue is text');
	});

	it('rejects a context menu push with no points', () => {
		const result = problem({ data: { contextMenuPoints: { selectedPoints: [] } } });

		expect(result.message).toContain('has neither a clickedPoint nor selectedPoints');
	});
});

describe('size', () => {
	const columns: Column[] = Array.from({ length: 50 }, (_, i) => ({
		name: `Column ${i}`,
		type: (['string', 'number', 'date', 'boolean', 'datetime'] as const)[i % 5]
	}));
	const sampleValue = ['text', 42.5, '2024-07-15', true, '2024-07-15T10:00:00.000Z'];
	const rows = Array.from({ length: 5000 }, (_, r) =>
		row(
			Object.fromEntries(columns.map((c, i) => [c.name, r % 7 === 0 ? null : sampleValue[i % 5]]))
		)
	);

	it.each(['callback.answer', 'rest-v2.searchdata', 'rows'] as const)(
		'normalizes 5,000 rows of 50 columns (%s) quickly',
		(format) => {
			const body = JSON.parse(JSON.stringify(generatePayload({ columns, rows }, format)));

			const started = performance.now();
			const result = table(body);
			const elapsed = performance.now() - started;

			expect(result.rows).toHaveLength(5000);
			expect(result.rows[4999]['Column 2']).toBe(
				format === 'callback.answer' || format === 'rows' ? '2024-07-15' : 1721001600
			);
			// Typically 20-60 ms; the bound leaves room for slow CI machines.
			expect(elapsed).toBeLessThan(1000);
		}
	);
});
