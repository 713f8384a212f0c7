/**
 * Plain-text tables and number formats for bench reports, readable in a terminal and in a
 * CI log alike.
 */

/**
 * Lays `rows` (arrays of strings) out under `headers`, the first column left-aligned and
 * the others right-aligned, as figures read best.
 */
export function formatTable(headers, rows) {
	const widths = headers.map((header, column) =>
		Math.max(header.length, ...rows.map((row) => String(row[column] ?? '').length))
	);
	const line = (cells) =>
		cells
			.map((cell, column) =>
				column === 0
					? String(cell ?? '').padEnd(widths[column])
					: String(cell ?? '').padStart(widths[column])
			)
			.join('  ')
			.trimEnd();
	const rule = widths.map((width) => '-'.repeat(width)).join('  ');
	return [line(headers), rule, ...rows.map(line)].join('\n');
}

/** `1234.5` → `1,234.5` with `digits` decimals. */
export function formatNumber(value, digits = 0) {
	return value.toLocaleString('en-US', {
		minimumFractionDigits: digits,
		maximumFractionDigits: digits
	});
}

/** Bytes in megabytes (MiB), one decimal. */
export function formatMegabytes(bytes) {
	return `${formatNumber(bytes / 1024 / 1024, 1)} MB`;
}
