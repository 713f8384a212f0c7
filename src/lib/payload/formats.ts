/** The payload shapes Pushmap recognises, each with the words people see in messages. */

export type FormatId =
	| 'callback.answer'
	| 'callback.liveboard-viz'
	| 'callback.context-menu'
	| 'callback.liveboard-classic'
	| 'callback.legacy'
	| 'callback.wrapped'
	| 'answer-service'
	| 'rest-v2.searchdata'
	| 'rest-v1.searchdata'
	| 'rest-v1.liveboard'
	| 'rows';

export interface AcceptedShape {
	format: FormatId;
	/** A short name for the shape, used inside sentences. */
	label: string;
	/** One line: what the shape is and the fields that identify it. */
	description: string;
}

/** Every accepted shape, in the order they are tried; listed in the 400 for unknown shapes. */
export const ACCEPTED_SHAPES: readonly AcceptedShape[] = [
	{
		format: 'callback.context-menu',
		label: 'ThoughtSpot context-menu callback',
		description: 'a ThoughtSpot context-menu callback, with data.contextMenuPoints'
	},
	{
		format: 'callback.liveboard-viz',
		label: 'ThoughtSpot Liveboard visualization callback',
		description:
			'a ThoughtSpot Liveboard visualization callback, with data.embedAnswerData whose data is an array'
	},
	{
		format: 'callback.answer',
		label: 'ThoughtSpot answer callback',
		description: 'a ThoughtSpot answer callback, with data.embedAnswerData whose data is an object'
	},
	{
		format: 'callback.legacy',
		label: 'ThoughtSpot callback from before mid-2021',
		description: 'a ThoughtSpot callback from before mid-2021, with data.columnsAndData'
	},
	{
		format: 'callback.liveboard-classic',
		label: 'ThoughtSpot classic Liveboard callback',
		description:
			'a ThoughtSpot classic Liveboard callback, with id and data as JSON text holding reportBookData'
	},
	{
		format: 'callback.wrapped',
		label: 'wrapped ThoughtSpot callback',
		description:
			'a ThoughtSpot callback wrapped once more, with payload.embedAnswerData or payload.payload.embedAnswerData'
	},
	{
		format: 'answer-service',
		label: 'ThoughtSpot answer service response',
		description:
			'ThoughtSpot answer service data, with columns and data[].columnDataLite (values as JSON text)'
	},
	{
		format: 'rest-v2.searchdata',
		label: 'ThoughtSpot REST v2 data response',
		description:
			'a ThoughtSpot REST v2 search, answer or Liveboard data response, with contents[].column_names and data_rows'
	},
	{
		format: 'rest-v1.searchdata',
		label: 'ThoughtSpot REST v1 search data response',
		description: 'a ThoughtSpot REST v1 search data response, with columnNames and data'
	},
	{
		format: 'rows',
		label: 'plain rows payload',
		description: 'plain rows: an array of objects, one per row, or { "rows": [...] }'
	},
	{
		format: 'rest-v1.liveboard',
		label: 'ThoughtSpot REST v1 Liveboard data response',
		description:
			'a ThoughtSpot REST v1 Liveboard data response: an object keyed by visualization id, each with name, columnNames and data'
	}
];

export const FORMAT_IDS: readonly FormatId[] = ACCEPTED_SHAPES.map((shape) => shape.format);

/** The short name of a format, for sentences. */
export function formatLabel(format: FormatId): string {
	return ACCEPTED_SHAPES.find((shape) => shape.format === format)?.label ?? format;
}
