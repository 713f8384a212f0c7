/**
 * The classic Liveboard callback: `data` is JSON text. Decoded, it holds
 * `reportBookData.<liveboard id>.vizData.<viz id>.dataSets.PINBOARD_VIZ` laid out column-wise,
 * and `vizId` names the visualization the action was run on.
 */

import { decodeJsonText, describeValue, field, isObject, showKey, textField } from '../read';
import { invalidAt, ok, type Parsed } from '../result';
import type { ReadPush } from '../table';
import type { Table, Warning } from '../types';
import { readUser } from './callback';
import { readColumnWise } from './column-wise';
import type { Shape } from './shape';

const FORMAT = 'callback.liveboard-classic';

export const callbackLiveboardClassic: Shape = {
	format: FORMAT,
	matches: (body) => typeof field(body, 'data') === 'string',
	read: (body) => {
		const decoded = decodeJsonText(field(body, 'data') as string);
		if (!decoded.ok) return invalidAt(FORMAT, 'data', 'is text that is not valid JSON');
		return readDecoded(decoded.value);
	}
};

function readDecoded(data: unknown): Parsed<ReadPush> {
	const books = field(data, 'reportBookData');
	if (!isObject(books))
		return invalidAt(
			FORMAT,
			'data.reportBookData',
			`is ${describeValue(books)}, not an object keyed by Liveboard id`
		);

	const clickedViz = textField(data, 'vizId');
	const tables: Table[] = [];
	const warnings: Warning[] = [];
	let liveboardId: string | undefined;
	let totalRowCount: number | undefined;

	for (const [bookId, book] of Object.entries(books)) {
		const vizData = field(book, 'vizData');
		const vizPath = `data.reportBookData${showKey(bookId)}.vizData`;
		if (!isObject(vizData))
			return invalidAt(
				FORMAT,
				vizPath,
				`is ${describeValue(vizData)}, not an object keyed by visualization id`
			);

		for (const [vizId, viz] of Object.entries(vizData)) {
			const read = readViz(vizId, viz, `${vizPath}${showKey(vizId)}`);
			if (!read.ok) return read;
			// The visualization the action ran on comes first: it is the push's main table.
			const isClicked = vizId === clickedViz;
			if (isClicked) tables.unshift(read.value.table);
			else tables.push(read.value.table);
			if (isClicked || liveboardId === undefined) liveboardId = bookId;
			if (isClicked || totalRowCount === undefined) totalRowCount = read.value.totalRowCount;
			warnings.push(...read.value.warnings);
		}
	}

	if (tables.length === 0)
		return invalidAt(FORMAT, 'data.reportBookData', 'holds no visualization data');
	return ok({
		answer: { id: clickedViz ?? tables[0].id },
		liveboard: { id: liveboardId },
		user: readUser(field(data, 'user')),
		tables,
		warnings,
		totalRowCount
	});
}

/** One visualization's data set: PINBOARD_VIZ, or the only data set there is. */
function readViz(vizId: string, viz: unknown, path: string) {
	const dataSets = field(viz, 'dataSets');
	const named = field(dataSets, 'PINBOARD_VIZ');
	const dataSet = named ?? (isObject(dataSets) ? Object.values(dataSets)[0] : undefined);
	const setPath = `${path}.dataSets${named === undefined ? '' : '.PINBOARD_VIZ'}`;
	if (!isObject(dataSet))
		return invalidAt(
			FORMAT,
			setPath,
			`is ${describeValue(dataSet)}, not a data set with columns and data`
		);

	return readColumnWise({
		format: FORMAT,
		about: { id: vizId, name: textField(viz, 'name') },
		columns: field(dataSet, 'columns'),
		columnsPath: `${setPath}.columns`,
		data: field(dataSet, 'data'),
		dataPath: `${setPath}.data`
	});
}
