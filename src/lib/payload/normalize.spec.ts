import { describe, expect, it } from 'vitest';
import { normalize } from './normalize';
import { loadSample, type SampleFile } from './test-samples';
import type { CanonicalTable } from './types';

/** The renewals every sample carries, as the canonical table writes them. */
const RENEWALS = [
	{
		'Customer Name': 'Acme Corp',
		Email: 'billing@acme.example',
		Product: 'Analytics Pro',
		'Renewal Date': '2024-07-15',
		'Contract Value': 12000
	},
	{
		'Customer Name': 'Globex Ltd',
		Email: 'ap@globex.example',
		Product: 'Data Cloud',
		'Renewal Date': '2024-07-22',
		'Contract Value': 8500
	},
	{
		'Customer Name': 'Initech',
		Email: 'finance@initech.example',
		Product: 'Analytics Pro',
		'Renewal Date': '2024-07-30',
		'Contract Value': 15300
	}
];

const TYPED_COLUMNS = [
	{ name: 'Customer Name', type: 'string', id: '3f1c2a10-6b7e-4c2e-9a51-1d2e3f4a5b61' },
	{ name: 'Email', type: 'string', id: '7a9d4e22-0c3b-4f8a-b1d2-2e3f4a5b6c72' },
	{ name: 'Product', type: 'string', id: 'b25e6f33-1d4c-4a9b-82e3-3f4a5b6c7d83' },
	{ name: 'Renewal Date', type: 'date', id: 'c86f7a44-2e5d-4bac-93f4-4a5b6c7d8e94' },
	{ name: 'Contract Value', type: 'number', id: 'd97a8b55-3f6e-4cbd-a405-5b6c7d8e9fa5' }
];

/** REST responses carry no types and send dates as epoch seconds, which stay numbers. */
const REST_COLUMNS = [
	{ name: 'Customer Name', type: 'string' },
	{ name: 'Email', type: 'string' },
	{ name: 'Product', type: 'string' },
	{ name: 'Renewal Date', type: 'number' },
	{ name: 'Contract Value', type: 'number' }
];
const REST_DATES = [1721001600, 1721606400, 1722297600];

const JANE = {
	id: '59481331-ee53-42be-a548-bd87be6ddd4a',
	name: 'jane.doe',
	email: 'jane.doe@example.com'
};

function normalized(file: SampleFile): CanonicalTable {
	const result = normalize(loadSample(file));
	if (!result.ok) throw new Error(`${file}: ${result.problem.message}`);
	return result.table;
}

describe('normalize on the ThoughtSpot samples', () => {
	it('reads the answer menu callback, joining values to columns by id and dates as UTC days', () => {
		const table = normalized('callback-answer-menu.json');

		expect(table.format).toBe('callback.answer');
		expect(table.answer).toEqual({
			id: 'f5d85d72-1234-4f11-a850-5f76191251bb',
			name: 'Renewals due next month'
		});
		expect(table.columns).toEqual(TYPED_COLUMNS);
		expect(table.rows).toEqual(RENEWALS);
		expect(table.tables).toHaveLength(1);
		expect(table.tables[0].id).toBe('47805958-d92b-4301-a1ca-59b84d57c25e');
		expect(table.totalRowCount).toBe(3);
		expect(table.user).toEqual(JANE);
		expect(table.warnings).toEqual([]);
	});

	it('reads the Liveboard visualization callback and names the visualization and its Liveboard', () => {
		const table = normalized('callback-liveboard-viz-menu.json');

		expect(table.format).toBe('callback.liveboard-viz');
		expect(table.answer).toEqual({
			id: '8d2e93ad-cae8-4c8e-a364-e7966a69a41e',
			name: 'Renewals due next month'
		});
		expect(table.liveboard).toEqual({
			id: 'e40c0727-01e6-49db-bb2f-5aa19661477b',
			name: 'Customer Renewals'
		});
		expect(table.columns).toEqual(TYPED_COLUMNS);
		expect(table.rows).toEqual(RENEWALS);
		expect(table.totalRowCount).toBe(3);
		expect(table.warnings).toEqual([]);
	});

	it('reads the context menu callback: the selected point is the row and the clicked one is kept', () => {
		const table = normalized('callback-context-menu.json');

		expect(table.format).toBe('callback.context-menu');
		expect(table.columns).toEqual(TYPED_COLUMNS);
		expect(table.rows).toEqual([RENEWALS[1]]);
		expect(table.clickedRow).toEqual(RENEWALS[1]);
		expect(table.warnings).toEqual([]);
	});

	it('reads the classic Liveboard callback by decoding its data text', () => {
		const table = normalized('callback-liveboard-classic.json');

		expect(table.format).toBe('callback.liveboard-classic');
		expect(table.answer).toEqual({ id: '2c9a59ec-c741-45c8-bb35-84928aece3fb' });
		expect(table.liveboard).toEqual({ id: 'd836410b-db43-4c60-84d6-963bd25c50cc' });
		expect(table.columns).toEqual(TYPED_COLUMNS);
		expect(table.rows).toEqual(RENEWALS);
		expect(table.totalRowCount).toBe(3);
		expect(table.user).toEqual(JANE);
	});

	it('reads the answer service page, whose values arrive as JSON text', () => {
		const table = normalized('callback-answerService-fetchData.json');

		expect(table.format).toBe('answer-service');
		expect(table.columns).toEqual(TYPED_COLUMNS);
		expect(table.rows).toEqual(RENEWALS);
		expect(table.totalRowCount).toBe(3);
	});

	it('reads REST v2 search data, inferring types and leaving epoch dates as numbers', () => {
		const table = normalized('rest-v2-searchdata-response.json');

		expect(table.format).toBe('rest-v2.searchdata');
		expect(table.columns).toEqual(REST_COLUMNS);
		expect(table.rows).toEqual(
			RENEWALS.map((row, i) => ({ ...row, 'Renewal Date': REST_DATES[i] }))
		);
		expect(table.totalRowCount).toBe(3);
		expect(table.warnings).toEqual([]);
	});

	it('reads REST v1 search data the same way', () => {
		const table = normalized('rest-v1-searchdata-response.json');

		expect(table.format).toBe('rest-v1.searchdata');
		expect(table.columns).toEqual(REST_COLUMNS);
		expect(table.rows).toEqual(
			RENEWALS.map((row, i) => ({ ...row, 'Renewal Date': REST_DATES[i] }))
		);
		expect(table.totalRowCount).toBe(3);
	});

	it('builds every row without a prototype', () => {
		const table = normalized('callback-answer-menu.json');

		for (const row of table.rows) expect(Object.getPrototypeOf(row)).toBeNull();
	});
});

describe('normalize on the shapes without a sample', () => {
	const answer = loadSample('callback-answer-menu.json') as {
		data: { embedAnswerData: { columns: unknown; data: unknown } };
	};
	const embedAnswerData = answer.data.embedAnswerData;

	it('reads the pre-2021 callback from data.columnsAndData', () => {
		const body = {
			type: 'customAction',
			data: {
				columnsAndData: { columns: embedAnswerData.columns, data: embedAnswerData.data }
			}
		};
		const result = normalize(body);

		expect(result.ok && result.table.format).toBe('callback.legacy');
		expect(result.ok && result.table.rows).toEqual(RENEWALS);
		expect(result.ok && result.table.columns).toEqual(TYPED_COLUMNS);
	});

	it('reads a callback wrapped once more, in payload or in payload.payload', () => {
		const once = normalize({ payload: { embedAnswerData } });
		const twice = normalize({ payload: { payload: { embedAnswerData } } });

		expect(once.ok && once.table.format).toBe('callback.wrapped');
		expect(once.ok && once.table.rows).toEqual(RENEWALS);
		expect(twice.ok && twice.table.format).toBe('callback.wrapped');
		expect(twice.ok && twice.table.rows).toEqual(RENEWALS);
	});

	it('reads REST v1 Liveboard data as one table per visualization', () => {
		const body = {
			'viz-1': {
				name: 'Renewals',
				columnNames: ['Customer Name', 'Contract Value'],
				data: [
					['Acme Corp', 12000],
					['Initech', 15300]
				]
			},
			'viz-2': { name: 'Products', columnNames: ['Product'], data: [['Data Cloud']] }
		};
		const result = normalize(body);
		if (!result.ok) throw new Error(result.problem.message);

		expect(result.table.format).toBe('rest-v1.liveboard');
		expect(result.table.answer).toEqual({ id: 'viz-1', name: 'Renewals' });
		expect(result.table.rows).toEqual([
			{ 'Customer Name': 'Acme Corp', 'Contract Value': 12000 },
			{ 'Customer Name': 'Initech', 'Contract Value': 15300 }
		]);
		expect(result.table.tables.map((table) => [table.id, table.name, table.rows])).toEqual([
			['viz-1', 'Renewals', result.table.rows],
			['viz-2', 'Products', [{ Product: 'Data Cloud' }]]
		]);
	});

	it('reads REST v2 Liveboard data, naming the visualization and its Liveboard', () => {
		const result = normalize({
			contents: [
				{
					metadata_id: 'lb-1',
					metadata_name: 'Customer Renewals',
					visualization_id: 'viz-1',
					visualization_name: 'Due next month',
					column_names: ['Email'],
					data_rows: [['ap@globex.example']],
					available_data_row_count: 1
				}
			]
		});
		if (!result.ok) throw new Error(result.problem.message);

		expect(result.table.answer).toEqual({ id: 'viz-1', name: 'Due next month' });
		expect(result.table.liveboard).toEqual({ id: 'lb-1', name: 'Customer Renewals' });
		expect(result.table.rows).toEqual([{ Email: 'ap@globex.example' }]);
	});

	it('reads plain rows as an array or under rows, with columns in first-seen order', () => {
		const rows = [
			{ Email: 'a@example.com', Paid: true },
			{ Amount: 12.5, Email: 'b@example.com' }
		];
		const bare = normalize(rows);
		const wrapped = normalize({ name: 'Manual push', rows });
		if (!bare.ok || !wrapped.ok) throw new Error('plain rows were rejected');

		expect(bare.table.format).toBe('rows');
		expect(bare.table.columns).toEqual([
			{ name: 'Email', type: 'string' },
			{ name: 'Paid', type: 'boolean' },
			{ name: 'Amount', type: 'number' }
		]);
		expect(bare.table.rows).toEqual([
			{ Email: 'a@example.com', Paid: true, Amount: null },
			{ Email: 'b@example.com', Paid: null, Amount: 12.5 }
		]);
		expect(wrapped.table.rows).toEqual(bare.table.rows);
		expect(wrapped.table.answer).toEqual({ name: 'Manual push' });
	});
});
