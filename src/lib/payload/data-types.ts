import type { ColumnType } from './types';

/** ThoughtSpot data type names and the canonical column type each one means. */
const COLUMN_TYPES: Record<string, ColumnType> = {
	CHAR: 'string',
	VARCHAR: 'string',
	TIME: 'string',
	INT32: 'number',
	INT64: 'number',
	DOUBLE: 'number',
	FLOAT: 'number',
	BOOL: 'boolean',
	DATE: 'date',
	DATE_TIME: 'datetime',
	TIMESTAMP: 'datetime'
};

/** The column type for a ThoughtSpot data type; undefined when it is not one we know. */
export function columnTypeOf(dataType: unknown): ColumnType | undefined {
	if (typeof dataType !== 'string') return undefined;
	const name = dataType.toUpperCase();
	return Object.hasOwn(COLUMN_TYPES, name) ? COLUMN_TYPES[name] : undefined;
}

/** The ThoughtSpot data type a generated payload uses for a column type. */
export function dataTypeOf(type: ColumnType): string {
	switch (type) {
		case 'number':
			return 'DOUBLE';
		case 'boolean':
			return 'BOOL';
		case 'date':
			return 'DATE';
		case 'datetime':
			return 'DATE_TIME';
		default:
			return 'CHAR';
	}
}
