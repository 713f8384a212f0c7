/**
 * Generates every accepted payload shape from a table, as a BI host would send it: used by
 * the simulator that stands in for ThoughtSpot, and by tests. The shapes follow the samples
 * in tests/fixtures/payloads: ids, data type names, date cells and fields sent as JSON text.
 */

import type { FormatId } from './formats';
import {
	answerColumn,
	callbackCell,
	dataBlock,
	identifyColumns,
	restCell,
	stableId,
	vizColumns,
	type IdentifiedColumn,
	type JsonObject,
	type JsonValue
} from './generate-thoughtspot';
import type { Column, PushUser, Row } from './types';

export type { JsonValue } from './generate-thoughtspot';

export interface GenerateOptions {
	/** Context-menu pushes: the row that was clicked (default the first). */
	clickedRowIndex?: number;
	/** What the sender says the full answer holds (default the number of rows). */
	totalRowCount?: number;
	/** The custom action's id in ThoughtSpot (default `pushmap-simulator`). */
	actionId?: string;
	/** The user who pushed, for the shapes that name one. */
	user?: PushUser;
	/** The Liveboard a visualization is on, for the Liveboard shapes. */
	liveboard?: { id?: string; name?: string };
	/** The visualization's id (default one made from the table's name). */
	vizId?: string;
}

export interface GenerateTable {
	name?: string;
	columns: Column[];
	rows: Row[];
}

interface Context {
	name?: string;
	columns: IdentifiedColumn[];
	rows: Row[];
	total: number;
	vizId: string;
	actionId: string;
	options: GenerateOptions;
}

/** A payload of the given shape carrying the table. */
export function generatePayload(
	table: GenerateTable,
	format: FormatId,
	options: GenerateOptions = {}
): JsonValue {
	const context: Context = {
		name: table.name,
		columns: identifyColumns(table.columns),
		rows: table.rows,
		total: options.totalRowCount ?? table.rows.length,
		vizId: options.vizId ?? stableId(`viz:${table.name ?? ''}`),
		actionId: options.actionId ?? 'pushmap-simulator',
		options
	};
	return GENERATORS[format](context);
}

const GENERATORS: Record<FormatId, (context: Context) => JsonValue> = {
	'callback.answer': (c) => callback(c, { id: c.actionId, embedAnswerData: answerData(c) }),
	'callback.liveboard-viz': (c) => callback(c, { id: c.actionId, embedAnswerData: vizData(c) }),
	'callback.context-menu': (c) =>
		callback(c, { id: c.actionId, contextMenuPoints: contextMenuPoints(c) }),
	'callback.liveboard-classic': classicLiveboard,
	'callback.legacy': (c) =>
		callback(c, {
			id: c.actionId,
			columnsAndData: {
				columns: vizColumns(c.columns),
				data: dataBlock(c.columns, c.rows, c.total)
			}
		}),
	'callback.wrapped': (c) => ({ payload: { id: c.actionId, embedAnswerData: answerData(c) } }),
	'answer-service': answerService,
	'rest-v2.searchdata': restV2,
	'rest-v1.searchdata': (c) => restV1Table(c),
	'rest-v1.liveboard': (c) => ({
		[c.vizId]: { name: c.name ?? 'Visualization', ...restV1Table(c) }
	}),
	rows: plainRows
};

function callback(context: Context, data: JsonObject): JsonObject {
	return { type: 'customAction', data, status: 'end' };
}

function userOf(context: Context): JsonObject | undefined {
	const user = context.options.user;
	if (user === undefined) return undefined;
	return withoutUndefined({ userName: user.name, userGUID: user.id, userEmail: user.email });
}

/** An answer's `embedAnswerData`: one data block, named by `reportBookMetadata`. */
function answerData(context: Context): JsonObject {
	const answerId = stableId(`answer:${context.name ?? ''}`);
	const name = context.name ?? '';
	return withoutUndefined({
		__typename: 'TableViz',
		id: context.vizId,
		columns: vizColumns(context.columns),
		data: dataBlock(context.columns, context.rows, context.total),
		user: userOf(context),
		reportBookMetadata: {
			id: answerId,
			name,
			description: '',
			headerMetadata: { id: answerId, name, description: '', isNewAnswer: false, isHidden: false }
		}
	});
}

/** A Liveboard visualization's `embedAnswerData`: data as a list, the Liveboard in metadata. */
function vizData(context: Context): JsonObject {
	const liveboard = context.options.liveboard;
	return withoutUndefined({
		__typename: 'TableViz',
		id: context.vizId,
		name: context.name,
		description: '',
		clientState: {},
		columns: vizColumns(context.columns),
		data: [dataBlock(context.columns, context.rows, context.total)],
		user: userOf(context),
		reportBookMetadata: liveboard && {
			headerMetadata: withoutUndefined({ id: liveboard.id, name: liveboard.name, isHidden: true })
		},
		isAnswerUnsaved: false,
		vizId: context.vizId
	});
}

/**
 * Every row as a selected point, and the clicked row as the clicked point. As in ThoughtSpot's
 * table context menu, attributes are selected and measures listed as deselected.
 */
function contextMenuPoints(context: Context): JsonObject {
	const index = context.options.clickedRowIndex ?? 0;
	const clicked = context.rows[index] ?? context.rows[0] ?? Object.create(null);
	return {
		clickedPoint: point(context.columns, clicked),
		selectedPoints: context.rows.map((row) => point(context.columns, row))
	};
}

function point(columns: readonly IdentifiedColumn[], row: Row): JsonObject {
	const item = (column: IdentifiedColumn) => ({
		column: answerColumn(column),
		value: callbackCell(row[column.name] ?? null, column)
	});
	const attributes = columns.filter((column) => column.type !== 'number');
	const measures = columns.filter((column) => column.type === 'number');
	return {
		selectedAttributes: attributes.map(item),
		deselectedAttributes: [],
		selectedMeasures: [],
		deselectedMeasures: measures.map(item)
	};
}

/** The classic Liveboard callback: the whole report book as JSON text in `data`. */
function classicLiveboard(context: Context): JsonObject {
	const liveboardId = context.options.liveboard?.id ?? stableId(`liveboard:${context.name ?? ''}`);
	const dataSet = {
		id: stableId(`dataset:${context.vizId}`),
		columns: context.columns.map((column) => ({
			column: answerColumn(column, false),
			legacyMetricDefinition: null
		})),
		data: [dataBlock(context.columns, context.rows, context.total)]
	};
	const data = withoutUndefined({
		completionRatio: 1,
		reportBookData: {
			[liveboardId]: { vizData: { [context.vizId]: { dataSets: { PINBOARD_VIZ: dataSet } } } }
		},
		reportBookMetadata: { reportContent: { sheets: [{ sheetType: 'PINBOARD' }] } },
		user: userOf(context),
		vizId: context.vizId
	});
	return { type: 'customAction', id: context.actionId, data: JSON.stringify(data) };
}

/** The answer service page: bare column metadata, and each column's values as JSON text. */
function answerService(context: Context): JsonObject {
	const columns = context.columns.map((column) => {
		const { id, name, type, aggregationType, dataType } = answerColumn(column);
		return { column: { id, name, type, aggregationType, dataType } };
	});
	return { columns, data: [dataBlock(context.columns, context.rows, context.total, true)] };
}

function restRows(context: Context): JsonValue[][] {
	return context.rows.map((row) =>
		context.columns.map((column) => restCell(row[column.name] ?? null, column))
	);
}

function restV2(context: Context): JsonObject {
	const content = withoutUndefined({
		available_data_row_count: context.total,
		column_names: context.columns.map((column) => column.name),
		data_rows: restRows(context),
		record_offset: 0,
		record_size: context.rows.length,
		returned_data_row_count: context.rows.length,
		sampling_ratio: 1,
		metadata_name: context.name
	});
	return { contents: [content] };
}

function restV1Table(context: Context): JsonObject {
	return {
		columnNames: context.columns.map((column) => column.name),
		data: restRows(context),
		samplingRatio: 1,
		totalRowCount: context.total,
		rowCount: context.rows.length,
		pageSize: 100_000,
		offset: 0
	};
}

/** Plain rows; each is a null-prototype object, so a column named `__proto__` stays a key. */
function plainRows(context: Context): JsonValue[] {
	return context.rows.map((row) => {
		const plain: JsonObject = Object.create(null);
		for (const column of context.columns) plain[column.name] = row[column.name] ?? null;
		return plain;
	});
}

function withoutUndefined(value: Record<string, JsonValue | undefined>): JsonObject {
	return Object.fromEntries(
		Object.entries(value).filter(([, entry]) => entry !== undefined)
	) as JsonObject;
}
