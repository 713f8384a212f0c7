/**
 * Every warning the payload code gives, with a stable code each. Messages speak to the person
 * who clicked the action, or to the admin reading the run log.
 */

import type { ColumnType, Warning } from './types';

export const WARNING_CODES = {
	columnWithoutData: 'column-without-data',
	dataWithoutColumn: 'data-without-column',
	partialAnswer: 'partial-answer',
	emptyAnswer: 'empty-answer',
	duplicateColumnName: 'duplicate-column-name',
	valueNotCoerced: 'value-not-coerced'
} as const;

/** Shows a name or a value inside a sentence, cut short when long. */
export function quote(text: string): string {
	return `'${text.length > 80 ? `${text.slice(0, 77)}...` : text}'`;
}

export function columnWithoutData(column: string): Warning {
	return {
		code: WARNING_CODES.columnWithoutData,
		column,
		message: `The column ${quote(column)} is listed but arrived without values; its cells are empty.`
	};
}

export function dataWithoutColumn(columnId: string): Warning {
	return {
		code: WARNING_CODES.dataWithoutColumn,
		message: `Values arrived for a column id ${quote(columnId)} that the payload does not list; they were left out.`
	};
}

export function partialAnswer(received: number, total: number): Warning {
	return {
		code: WARNING_CODES.partialAnswer,
		message: `The push holds ${received} of the answer's ${total} rows, so only those were processed. Narrow the search so that all of its rows fit in one push.`
	};
}

export function emptyAnswer(tableName?: string): Warning {
	const what = tableName === undefined ? 'The push' : `The table ${quote(tableName)}`;
	return {
		code: WARNING_CODES.emptyAnswer,
		message: `${what} holds no rows, so there is nothing to act on. Check the search's filters and run the action again.`
	};
}

export function duplicateColumnName(original: string, renamed: string): Warning {
	return {
		code: WARNING_CODES.duplicateColumnName,
		column: renamed,
		message: `More than one column is named ${quote(original)}; this one is called ${quote(renamed)} here. Rename one of them in the search to tell them apart.`
	};
}

export function valueNotCoerced(
	column: string,
	type: Exclude<ColumnType, 'unknown'>,
	count: number,
	example: string
): Warning {
	const values = count === 1 ? '1 value' : `${count} values`;
	return {
		code: WARNING_CODES.valueNotCoerced,
		column,
		message: `${values} in ${quote(column)} could not be read as ${ARTICLE_TYPE[type]} (for example ${quote(example)}); they were passed on as sent.`
	};
}

const ARTICLE_TYPE: Record<Exclude<ColumnType, 'unknown'>, string> = {
	string: 'text',
	number: 'a number',
	boolean: 'true or false',
	date: 'a date',
	datetime: 'a date and time'
};
