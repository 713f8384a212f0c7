/**
 * Raw SQL results differ by driver: postgres-js returns the rows as an array, PGlite an
 * object holding them. Queries written with `db.execute` read their rows through this.
 */
export function rowsOf<T>(result: unknown): T[] {
	return (Array.isArray(result) ? result : (result as { rows: T[] }).rows) as T[];
}
