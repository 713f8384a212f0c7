/** The canonical table: every pushed payload shape is normalized into this. */

export type ColumnType = 'string' | 'number' | 'boolean' | 'date' | 'datetime' | 'unknown';

export interface Column {
	name: string;
	type: ColumnType;
	/** The sender's column id, where the payload has one. */
	id?: string;
}

export type Cell = string | number | boolean | null;

/** One row, keyed by column name. Built with a null prototype so any name is safe. */
export type Row = Record<string, Cell>;

export interface Table {
	id?: string;
	name?: string;
	columns: Column[];
	rows: Row[];
}

export interface Warning {
	code: string;
	message: string;
	column?: string;
}

export interface CanonicalTable {
	/** Which shape was recognised, e.g. "callback.answer". */
	format: string;
	answer: { id?: string; name?: string };
	/** tables[0]'s columns and rows. */
	columns: Column[];
	rows: Row[];
	tables: Table[];
	/** What the sender says the full answer holds. */
	totalRowCount?: number;
	/** Context-menu pushes: the point that was clicked. */
	clickedRow?: Row;
	/** The Liveboard a visualization push came from, where the payload says. */
	liveboard?: { id?: string; name?: string };
	/** The BI user who pushed, where the payload says. */
	user?: PushUser;
	warnings: Warning[];
}

export interface PushUser {
	id?: string;
	name?: string;
	email?: string;
}

/** An expected problem with input: a code for programs, a message for people. */
export interface Problem {
	code: string;
	message: string;
	details?: unknown;
}
