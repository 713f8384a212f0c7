/**
 * Column names match ignoring case and spaces ("Customer Name" = "customer name" =
 * "CustomerName"), and compatibility forms of Unicode characters count as equal.
 */

/** The form of a column name that two names must share to count as the same column. */
export function columnKey(name: string): string {
	return name.normalize('NFKC').toLowerCase().replace(/\s+/gu, '');
}
