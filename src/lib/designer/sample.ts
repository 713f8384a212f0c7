/**
 * The designer's sample push: pasted or uploaded JSON, or a recent run's payload, read the
 * way intake reads a push, then shown as column chips with their type and a few values.
 */

import type { ColumnType } from '../payload/types';
import type { ExpectedColumn } from '../actions/definition';
import { columnKey } from '../actions/column-key';
import { normalize } from '../payload/normalize';
import type { CanonicalTable, Cell } from '../payload/types';

export type SampleRead = { ok: true; table: CanonicalTable } | { ok: false; message: string };

/** Reads a sample from its JSON text; any shape intake accepts is accepted here. */
export function readSample(text: string): SampleRead {
	let body: unknown;
	try {
		body = JSON.parse(text);
	} catch (error) {
		return { ok: false, message: `This is not JSON: ${(error as Error).message}` };
	}
	const normalized = normalize(body);
	return normalized.ok
		? { ok: true, table: normalized.table }
		: { ok: false, message: normalized.problem.message };
}

/** A column chip: one column the action expects, one the sample has, or both. */
export interface ColumnChip {
	name: string;
	type: ColumnType | undefined;
	expected: boolean;
	required: boolean;
	inSample: boolean;
	/** A few distinct values from the sample, as text. */
	samples: string[];
}

/**
 * The chips for the expected columns (in their order) and then the sample's other columns.
 * A sample column counts as expected when its name or an alias matches, case and spacing aside.
 */
export function columnChips(
	expected: readonly ExpectedColumn[],
	table: CanonicalTable | null,
	samplesPerColumn = 3
): ColumnChip[] {
	const sampleColumns = table?.columns ?? [];
	const chips: ColumnChip[] = expected.map((column) => {
		const keys = [column.name, ...(column.aliases ?? [])].map(columnKey);
		const match = sampleColumns.find((c) => keys.includes(columnKey(c.name)));
		return {
			name: column.name,
			type: column.type ?? match?.type,
			expected: true,
			required: column.required === true,
			inSample: match !== undefined,
			samples: match && table ? sampleValues(table, match.name, samplesPerColumn) : []
		};
	});
	const matched = new Set(chips.map((chip) => columnKey(chip.name)));
	for (const column of expected)
		for (const alias of column.aliases ?? []) matched.add(columnKey(alias));
	for (const column of sampleColumns) {
		if (matched.has(columnKey(column.name))) continue;
		chips.push({
			name: column.name,
			type: column.type,
			expected: false,
			required: false,
			inSample: true,
			samples: table ? sampleValues(table, column.name, samplesPerColumn) : []
		});
	}
	return chips;
}

/** Up to `count` distinct non-empty values, looking at no more than the first 200 rows. */
function sampleValues(table: CanonicalTable, column: string, count: number): string[] {
	const values = new Set<string>();
	for (const row of table.rows.slice(0, 200)) {
		const text = showCell(row[column]);
		if (text !== '') values.add(text);
		if (values.size >= count) break;
	}
	return [...values];
}

export function showCell(cell: Cell | undefined): string {
	return cell === null || cell === undefined ? '' : String(cell);
}
