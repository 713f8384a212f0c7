/**
 * The pushed table as CSV (RFC 4180), for attaching to emails. People open these files in
 * spreadsheets, which run cells that start like a formula; such text cells get a leading `'`
 * so they show as text instead of running.
 */

const FORMULA_START = /^[=+\-@\t\r]/;
const NEEDS_QUOTES = /[",\r\n]/;

/** Writes a header line of `columns`, then one line per row, each ending in CRLF. */
export function toCsv(columns: string[], rows: Record<string, unknown>[]): string {
	const lines = [columns.map(csvCell)];
	for (const row of rows) {
		lines.push(columns.map((column) => csvCell(Object.hasOwn(row, column) ? row[column] : null)));
	}
	return lines.map((cells) => cells.join(',') + '\r\n').join('');
}

function csvCell(value: unknown): string {
	const text = cellText(value);
	const safe = typeof value === 'string' && FORMULA_START.test(text) ? `'${text}` : text;
	return NEEDS_QUOTES.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

/**
 * Numbers and booleans are written as they are: a negative number is data, not a formula, and
 * prefixing it would turn it into text in the spreadsheet.
 */
function cellText(value: unknown): string {
	if (value === null || value === undefined) return '';
	if (typeof value === 'string') return value;
	if (typeof value === 'number' || typeof value === 'boolean' || typeof value === 'bigint') {
		return String(value);
	}
	if (value instanceof Date) return value.toISOString();
	return JSON.stringify(value);
}
