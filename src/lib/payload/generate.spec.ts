import { describe, expect, it } from 'vitest';
import { generatePayload } from './generate';
import { normalize } from './normalize';
import { loadSampleObject, type SampleFile } from './test-samples';
import type { CanonicalTable } from './types';

/** The samples' table, read from the answer menu sample, with the samples' column ids. */
function renewals(): CanonicalTable {
	const result = normalize(loadSampleObject('callback-answer-menu.json'));
	if (!result.ok) throw new Error(result.problem.message);
	return result.table;
}

/** A generated payload after a trip through JSON, as a host would send it. */
function generated(
	format: Parameters<typeof generatePayload>[1],
	options: Parameters<typeof generatePayload>[2] = {},
	table = renewals()
	// eslint-disable-next-line @typescript-eslint/no-explicit-any
): any {
	const payload = generatePayload({ ...table, name: 'Renewals due next month' }, format, options);
	return JSON.parse(JSON.stringify(payload));
}

function sample(file: SampleFile) {
	return loadSampleObject(file);
}

describe('generatePayload, compared with the ThoughtSpot samples', () => {
	it('writes the answer menu callback with the same column metadata and column data', () => {
		const payload = generated('callback.answer');
		const expected = sample('callback-answer-menu.json');

		expect(payload.type).toBe('customAction');
		expect(payload.status).toBe('end');
		expect(payload.data.embedAnswerData.columns).toEqual(expected.data.embedAnswerData.columns);
		const { columnDataLite, completionRatio, samplingRatio, totalRowCount } =
			expected.data.embedAnswerData.data;
		expect(payload.data.embedAnswerData.data).toEqual({
			columnDataLite,
			completionRatio,
			samplingRatio,
			totalRowCount
		});
		expect(payload.data.embedAnswerData.reportBookMetadata.name).toBe('Renewals due next month');
	});

	it('writes the Liveboard visualization callback with its data as a list', () => {
		const options = {
			vizId: '8d2e93ad-cae8-4c8e-a364-e7966a69a41e',
			liveboard: { id: 'e40c0727-01e6-49db-bb2f-5aa19661477b', name: 'Customer Renewals' }
		};
		const payload = generated('callback.liveboard-viz', options);
		const expected = sample('callback-liveboard-viz-menu.json');

		expect(payload.data.embedAnswerData.columns).toEqual(expected.data.embedAnswerData.columns);
		expect(payload.data.embedAnswerData.data[0].columnDataLite).toEqual(
			expected.data.embedAnswerData.data[0].columnDataLite
		);
		const ours = normalize(payload);
		const theirs = normalize(expected);
		expect(ours.ok && [ours.table.answer, ours.table.liveboard]).toEqual(
			theirs.ok && [theirs.table.answer, theirs.table.liveboard]
		);
	});

	it('writes the context menu callback as the sample has it for the clicked row', () => {
		const table = renewals();
		const clicked = { ...table, rows: [table.rows[1]] };

		const payload = generated('callback.context-menu', {}, clicked);

		expect(payload.data.contextMenuPoints).toEqual(
			sample('callback-context-menu.json').data.contextMenuPoints
		);
	});

	it('marks the clicked row among several selected rows', () => {
		const payload = generated('callback.context-menu', { clickedRowIndex: 2 });
		const result = normalize(payload);

		expect(payload.data.contextMenuPoints.selectedPoints).toHaveLength(3);
		expect(result.ok && result.table.clickedRow?.['Customer Name']).toBe('Initech');
	});

	it('writes the classic Liveboard callback with its data as JSON text', () => {
		const liveboardId = 'd836410b-db43-4c60-84d6-963bd25c50cc';
		const vizId = '2c9a59ec-c741-45c8-bb35-84928aece3fb';
		const payload = generated('callback.liveboard-classic', {
			vizId,
			liveboard: { id: liveboardId }
		});
		const expected = sample('callback-liveboard-classic.json');

		expect(typeof payload.data).toBe('string');
		const ours = JSON.parse(payload.data);
		const theirs = JSON.parse(expected.data);
		const dataSet = (data: typeof ours) =>
			data.reportBookData[liveboardId].vizData[vizId].dataSets.PINBOARD_VIZ;
		expect(ours.vizId).toBe(theirs.vizId);
		expect(dataSet(ours).columns).toEqual(dataSet(theirs).columns);
		expect(dataSet(ours).data).toEqual(dataSet(theirs).data);
	});

	it('writes the answer service page with each column of values as JSON text', () => {
		const payload = generated('answer-service');
		const expected = sample('callback-answerService-fetchData.json');

		expect(payload.columns).toEqual(expected.columns);
		const values = (entry: { dataValue: string }) => JSON.parse(entry.dataValue);
		for (const [i, entry] of payload.data[0].columnDataLite.entries()) {
			const theirs = expected.data[0].columnDataLite[i];
			expect(typeof entry.dataValue).toBe('string');
			expect([entry.columnId, entry.columnDataType, values(entry)]).toEqual([
				theirs.columnId,
				theirs.columnDataType,
				values(theirs)
			]);
		}
	});

	it('writes REST v1 search data exactly as the sample, dates as epoch seconds', () => {
		expect(generated('rest-v1.searchdata')).toEqual(sample('rest-v1-searchdata-response.json'));
	});

	it('writes REST v2 search data as the sample, naming the answer', () => {
		const [content] = generated('rest-v2.searchdata').contents;
		const [expected] = sample('rest-v2-searchdata-response.json').contents;

		// The sample asked for pages of 10; a generated response is one page of its rows.
		expect(content).toEqual({
			...expected,
			record_size: 3,
			metadata_name: 'Renewals due next month'
		});
	});

	it('writes the pre-2021 and wrapped callbacks around the same column-wise data', () => {
		const legacy = generated('callback.legacy');
		const wrapped = generated('callback.wrapped');
		const answer = sample('callback-answer-menu.json').data.embedAnswerData;

		expect(legacy.data.columnsAndData.columns).toEqual(answer.columns);
		expect(legacy.data.columnsAndData.data.columnDataLite).toEqual(answer.data.columnDataLite);
		expect(wrapped.payload.embedAnswerData.data.columnDataLite).toEqual(answer.data.columnDataLite);
	});

	it('writes REST v1 Liveboard data keyed by visualization id', () => {
		const payload = generated('rest-v1.liveboard', { vizId: 'viz-1' });

		expect(Object.keys(payload)).toEqual(['viz-1']);
		expect(payload['viz-1'].name).toBe('Renewals due next month');
		expect(payload['viz-1'].data[0]).toEqual([
			'Acme Corp',
			'billing@acme.example',
			'Analytics Pro',
			1721001600,
			12000
		]);
	});

	it('writes plain rows as objects keyed by column name', () => {
		expect(generated('rows')[0]).toEqual({
			'Customer Name': 'Acme Corp',
			Email: 'billing@acme.example',
			Product: 'Analytics Pro',
			'Renewal Date': '2024-07-15',
			'Contract Value': 12000
		});
	});

	it('says the answer is partial when asked to', () => {
		const payload = generated('callback.answer', { totalRowCount: 500 });

		expect(payload.data.embedAnswerData.data.totalRowCount).toBe('500');
		const result = normalize(payload);
		expect(result.ok && result.table.warnings.map((w) => w.code)).toEqual(['partial-answer']);
	});
});
