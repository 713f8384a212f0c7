/**
 * The callback shapes that carry `embedAnswerData` (answer menu, Liveboard visualization,
 * wrapped once more), the pre-2021 `columnsAndData` callback, and the answer service page.
 */

import type { FormatId } from '../formats';
import { field, fieldAt, isObject, textField } from '../read';
import { ok, type Parsed } from '../result';
import type { ReadPush } from '../table';
import type { PushUser } from '../types';
import { readColumnWise, type ColumnWiseSource } from './column-wise';
import type { Shape } from './shape';

function embedAnswerDataOf(body: unknown): unknown {
	return fieldAt(body, 'data', 'embedAnswerData');
}

export const callbackLiveboardViz: Shape = {
	format: 'callback.liveboard-viz',
	matches: (body) => Array.isArray(field(embedAnswerDataOf(body), 'data')),
	read: (body) =>
		readEmbedAnswerData('callback.liveboard-viz', embedAnswerDataOf(body), 'data.embedAnswerData')
};

export const callbackAnswer: Shape = {
	format: 'callback.answer',
	matches: (body) => isObject(embedAnswerDataOf(body)),
	read: (body) =>
		readEmbedAnswerData('callback.answer', embedAnswerDataOf(body), 'data.embedAnswerData')
};

export const callbackWrapped: Shape = {
	format: 'callback.wrapped',
	matches: (body) => wrappedPath(body) !== undefined,
	read: (body) => {
		const path = wrappedPath(body) ?? ['payload', 'embedAnswerData'];
		return readEmbedAnswerData('callback.wrapped', fieldAt(body, ...path), path.join('.'));
	}
};

function wrappedPath(body: unknown): string[] | undefined {
	if (isObject(fieldAt(body, 'payload', 'embedAnswerData'))) return ['payload', 'embedAnswerData'];
	if (isObject(fieldAt(body, 'payload', 'payload', 'embedAnswerData')))
		return ['payload', 'payload', 'embedAnswerData'];
	return undefined;
}

export const callbackLegacy: Shape = {
	format: 'callback.legacy',
	matches: (body) => isObject(fieldAt(body, 'data', 'columnsAndData')),
	read: (body) => {
		const source = fieldAt(body, 'data', 'columnsAndData');
		return readSingleTable(
			{
				format: 'callback.legacy',
				about: {},
				columns: field(source, 'columns'),
				columnsPath: 'data.columnsAndData.columns',
				data: field(source, 'data'),
				dataPath: 'data.columnsAndData.data'
			},
			{ answer: {} }
		);
	}
};

export const answerService: Shape = {
	format: 'answer-service',
	matches: (body) =>
		Array.isArray(field(body, 'columns')) &&
		Array.isArray(field(firstOf(field(body, 'data')), 'columnDataLite')),
	read: (body) =>
		readSingleTable(
			{
				format: 'answer-service',
				about: {},
				columns: field(body, 'columns'),
				columnsPath: 'columns',
				data: field(body, 'data'),
				dataPath: 'data'
			},
			{ answer: {} }
		)
};

function firstOf(list: unknown): unknown {
	return Array.isArray(list) ? list[0] : undefined;
}

/**
 * `embedAnswerData` from an answer or a Liveboard visualization. An answer names itself in
 * `reportBookMetadata`; a visualization names itself, and the metadata names its Liveboard.
 */
function readEmbedAnswerData(format: FormatId, embed: unknown, path: string): Parsed<ReadPush> {
	const header = fieldAt(embed, 'reportBookMetadata', 'headerMetadata');
	const reportBook = field(embed, 'reportBookMetadata');
	const isViz = Array.isArray(field(embed, 'data'));
	const viz = {
		id: textField(embed, 'vizId') ?? textField(embed, 'id'),
		name: textField(embed, 'name')
	};

	const answer = isViz
		? viz
		: {
				id: textField(reportBook, 'id') ?? textField(header, 'id') ?? viz.id,
				name: textField(reportBook, 'name') ?? textField(header, 'name') ?? viz.name
			};
	const liveboard = isViz
		? { id: textField(header, 'id'), name: textField(header, 'name') }
		: undefined;

	return readSingleTable(
		{
			format,
			about: viz,
			columns: field(embed, 'columns'),
			columnsPath: `${path}.columns`,
			data: field(embed, 'data'),
			dataPath: `${path}.data`
		},
		{ answer, liveboard, user: readUser(field(embed, 'user')) }
	);
}

function readSingleTable(
	source: ColumnWiseSource,
	around: Pick<ReadPush, 'answer' | 'liveboard' | 'user'>
): Parsed<ReadPush> {
	const read = readColumnWise(source);
	if (!read.ok) return read;
	const { table, warnings, totalRowCount } = read.value;
	return ok({ ...around, tables: [table], warnings, totalRowCount });
}

/** The user ThoughtSpot says pushed: `{ userName, userGUID, userEmail }`. */
export function readUser(user: unknown): PushUser | undefined {
	if (!isObject(user)) return undefined;
	return {
		id: textField(user, 'userGUID'),
		name: textField(user, 'userName'),
		email: textField(user, 'userEmail')
	};
}
