/**
 * ThoughtSpot REST API responses that people push as they got them: v2 search, answer and
 * Liveboard data (`contents[]`), v1 search data, and v1 Liveboard data.
 */

import { countField, describeValue, field, isObject, showKey, textField } from '../read';
import { invalidAt, ok, type Parsed } from '../result';
import type { ReadPush } from '../table';
import type { Table, Warning } from '../types';
import { readRowArrays } from './row-arrays';
import type { Shape } from './shape';

export const restV2SearchData: Shape = {
	format: 'rest-v2.searchdata',
	matches: (body) => Array.isArray(field(body, 'contents')),
	read: readContents
};

/** Each of `contents[]` is one table: one per visualization in Liveboard data responses. */
function readContents(body: unknown): Parsed<ReadPush> {
	const contents = field(body, 'contents') as unknown[];
	if (contents.length === 0)
		return invalidAt('rest-v2.searchdata', 'contents', 'is empty, so there is no table to read');

	const tables: Table[] = [];
	const warnings: Warning[] = [];
	for (let i = 0; i < contents.length; i++) {
		const content = contents[i];
		const read = readRowArrays({
			format: 'rest-v2.searchdata',
			about: {
				id: textField(content, 'visualization_id'),
				name: textField(content, 'visualization_name') ?? textField(content, 'metadata_name')
			},
			names: field(content, 'column_names'),
			namesPath: `contents[${i}].column_names`,
			rows: field(content, 'data_rows'),
			rowsPath: `contents[${i}].data_rows`
		});
		if (!read.ok) return read;
		tables.push(read.value.table);
		warnings.push(...read.value.warnings);
	}

	const first = contents[0];
	const metadata = { id: textField(first, 'metadata_id'), name: textField(first, 'metadata_name') };
	// Liveboard responses name visualizations; then the metadata is the Liveboard's.
	const isLiveboard = textField(first, 'visualization_name') !== undefined;
	return ok({
		answer: isLiveboard ? { id: tables[0].id, name: tables[0].name } : metadata,
		liveboard: isLiveboard ? metadata : undefined,
		tables,
		warnings,
		totalRowCount: countField(first, 'available_data_row_count')
	});
}

export const restV1SearchData: Shape = {
	format: 'rest-v1.searchdata',
	matches: (body) => Array.isArray(field(body, 'columnNames')),
	read: (body) => {
		const read = readRowArrays({
			format: 'rest-v1.searchdata',
			about: {},
			names: field(body, 'columnNames'),
			namesPath: 'columnNames',
			rows: field(body, 'data'),
			rowsPath: 'data'
		});
		if (!read.ok) return read;
		return ok({
			answer: {},
			tables: [read.value.table],
			warnings: read.value.warnings,
			totalRowCount: countField(body, 'totalRowCount')
		});
	}
};

export const restV1Liveboard: Shape = {
	format: 'rest-v1.liveboard',
	matches: (body) =>
		isObject(body) &&
		Object.keys(body).length > 0 &&
		Object.values(body).every((viz) => field(viz, 'columnNames') !== undefined),
	read: readVisualizations
};

/** An object keyed by visualization id, each `{ name, columnNames, data }`: a table each. */
function readVisualizations(body: unknown): Parsed<ReadPush> {
	const tables: Table[] = [];
	const warnings: Warning[] = [];
	for (const [vizId, viz] of Object.entries(body as Record<string, unknown>)) {
		const path = showKey(vizId).replace(/^\./, '');
		if (!isObject(viz))
			return invalidAt('rest-v1.liveboard', path, `is ${describeValue(viz)}, not a visualization`);
		const read = readRowArrays({
			format: 'rest-v1.liveboard',
			about: { id: vizId, name: textField(viz, 'name') },
			names: field(viz, 'columnNames'),
			namesPath: `${path}.columnNames`,
			rows: field(viz, 'data'),
			rowsPath: `${path}.data`
		});
		if (!read.ok) return read;
		tables.push(read.value.table);
		warnings.push(...read.value.warnings);
	}
	return ok({ answer: { id: tables[0].id, name: tables[0].name }, tables, warnings });
}
