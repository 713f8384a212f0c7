/**
 * The answers the simulator can push: a few samples, and the table a person edits. The
 * editor holds every cell as text, as typed; `typedTable` turns it into the values a BI
 * host would send (numbers as numbers, empty cells as null, dates as ISO text, which the
 * payload generator writes as ThoughtSpot's date cells).
 */

import type { GenerateTable } from '../payload/generate';
import type { Cell, ColumnType, Row } from '../payload/types';

export type EditableType = Exclude<ColumnType, 'unknown'>;

export interface EditableColumn {
	name: string;
	type: EditableType;
}

export interface EditableAnswer {
	name: string;
	columns: EditableColumn[];
	/** One array of texts per row, in column order. */
	rows: string[][];
}

export const COLUMN_TYPES: readonly EditableType[] = [
	'string',
	'number',
	'boolean',
	'date',
	'datetime'
];

interface SampleAnswer {
	key: string;
	answer: EditableAnswer;
}

/** The seed's story first: customers due for renewal, as in the payload samples. */
export const SAMPLE_ANSWERS: readonly SampleAnswer[] = [
	{
		key: 'renewals',
		answer: {
			name: 'Renewals due next month',
			columns: [
				{ name: 'Customer Name', type: 'string' },
				{ name: 'Email', type: 'string' },
				{ name: 'Product', type: 'string' },
				{ name: 'Renewal Date', type: 'date' },
				{ name: 'Contract Value', type: 'number' }
			],
			rows: [
				['Acme Corp', 'billing@acme.example', 'Analytics Pro', '2024-07-15', '12000'],
				['Globex Ltd', 'ap@globex.example', 'Data Cloud', '2024-07-22', '8500'],
				['Initech', 'finance@initech.example', 'Analytics Pro', '2024-07-30', '15300']
			]
		}
	},
	{
		key: 'renewals-no-email',
		answer: {
			name: 'Renewals without contacts',
			columns: [
				{ name: 'Customer Name', type: 'string' },
				{ name: 'Renewal Date', type: 'date' },
				{ name: 'Contract Value', type: 'number' }
			],
			rows: [
				['Acme Corp', '2024-07-15', '12000'],
				['Umbrella Inc', '2024-08-02', '4200']
			]
		}
	},
	{
		key: 'tickets',
		answer: {
			name: 'Open support tickets',
			columns: [
				{ name: 'Ticket', type: 'string' },
				{ name: 'Customer', type: 'string' },
				{ name: 'Priority', type: 'string' },
				{ name: 'Opened', type: 'datetime' },
				{ name: 'Escalated', type: 'boolean' }
			],
			rows: [
				['T-1042', 'Acme Corp', 'High', '2024-06-30T09:15:00Z', 'true'],
				['T-1043', 'Søren & Co.', 'Low', '2024-07-01T14:02:00Z', 'false']
			]
		}
	},
	{
		key: 'pipeline',
		answer: {
			name: 'Pipeline by region',
			columns: [
				{ name: 'Region', type: 'string' },
				{ name: 'Quarter', type: 'string' },
				{ name: 'Deals', type: 'number' },
				{ name: 'Pipeline Value', type: 'number' }
			],
			rows: [
				['EMEA', 'Q3', '14', '420000'],
				['Americas', 'Q3', '22', '910000'],
				['APAC', 'Q3', '9', '']
			]
		}
	}
];

/** A fresh copy of a sample, safe to edit; the first sample for an unknown key. */
export function sampleAnswer(key: string): EditableAnswer {
	const sample = SAMPLE_ANSWERS.find((item) => item.key === key) ?? SAMPLE_ANSWERS[0];
	return structuredClone(sample.answer);
}

/** The edited answer as the payload generator takes it. */
export function typedTable(answer: EditableAnswer): GenerateTable {
	const columns = answer.columns.map((column) => ({ name: column.name, type: column.type }));
	const rows = answer.rows.map((texts) => {
		const row: Row = Object.create(null);
		columns.forEach((column, index) => {
			row[column.name] = typedCell(texts[index] ?? '', column.type);
		});
		return row;
	});
	return { name: answer.name, columns, rows };
}

/** A typed cell; text that does not read as its column's type is sent as typed, like a BI tool would. */
export function typedCell(text: string, type: EditableType): Cell {
	const trimmed = text.trim();
	if (trimmed === '') return null;
	if (type === 'number') {
		const value = Number(trimmed);
		return Number.isFinite(value) ? value : trimmed;
	}
	if (type === 'boolean') {
		if (/^(true|yes)$/i.test(trimmed)) return true;
		if (/^(false|no)$/i.test(trimmed)) return false;
	}
	return trimmed;
}

export function addRow(answer: EditableAnswer): EditableAnswer {
	return { ...answer, rows: [...answer.rows, answer.columns.map(() => '')] };
}

export function removeRow(answer: EditableAnswer, index: number): EditableAnswer {
	return { ...answer, rows: answer.rows.filter((_, i) => i !== index) };
}

/** Adds a column named "Column N" (the first N not taken), empty in every row. */
export function addColumn(answer: EditableAnswer): EditableAnswer {
	const taken = new Set(answer.columns.map((column) => column.name));
	let n = answer.columns.length + 1;
	while (taken.has(`Column ${n}`)) n++;
	return {
		...answer,
		columns: [...answer.columns, { name: `Column ${n}`, type: 'string' }],
		rows: answer.rows.map((row) => [...row, ''])
	};
}

export function removeColumn(answer: EditableAnswer, index: number): EditableAnswer {
	return {
		...answer,
		columns: answer.columns.filter((_, i) => i !== index),
		rows: answer.rows.map((row) => row.filter((_, i) => i !== index))
	};
}

/** Problems that would make the pushed table ambiguous: blank or repeated column names. */
export function answerProblems(answer: EditableAnswer): string[] {
	const problems: string[] = [];
	const seen = new Set<string>();
	answer.columns.forEach((column, index) => {
		const name = column.name.trim();
		if (name === '') problems.push(`Column ${index + 1} has no name.`);
		else if (seen.has(name)) problems.push(`Two columns are named "${name}".`);
		seen.add(name);
	});
	return problems;
}
