/**
 * Putting a column into a template where it was dropped or where the cursor is. What to
 * insert depends on the spot: inside an open `{{ … }}` only the name goes in; in a JSON body,
 * outside a string, the value goes through `json` so the body stays JSON for any value.
 */

import { columnArgument, columnExpression } from './references';

export interface FieldKind {
	/** The template is a JSON request body. */
	json?: boolean;
}

export interface Insertion {
	text: string;
	/** Where the cursor goes: just after what was inserted. */
	cursor: number;
	/** What was inserted at the position. */
	inserted: string;
}

/** Inserts a reference to `column` into `template` at `position`. */
export function insertColumnReference(
	template: string,
	position: number,
	column: string,
	kind: FieldKind = {}
): Insertion {
	const at = Math.max(0, Math.min(position, template.length));
	const before = template.slice(0, at);
	const after = template.slice(at);
	const inserted = padBraces(before, referenceFor(before, column, kind), after);
	return {
		text: before + inserted + after,
		cursor: at + inserted.length,
		inserted
	};
}

function referenceFor(before: string, column: string, kind: FieldKind): string {
	if (insideMustache(before)) {
		const spaced = /[\s({]$/.test(before) ? '' : ' ';
		return spaced + columnArgument(column);
	}
	if (kind.json && !insideJsonString(before)) return `{{json ${columnArgument(column)}}}`;
	return `{{${columnExpression(column)}}}`;
}

/**
 * A space between a mustache and a neighbouring brace, as in `{ {{json x}} }`: written
 * together, `{{{` would read as Handlebars' unescaped triple mustache.
 */
function padBraces(before: string, inserted: string, after: string): string {
	if (!inserted.startsWith('{{')) return inserted;
	const left = before.endsWith('{') ? ' ' : '';
	const right = after.startsWith('}') ? ' ' : '';
	return left + inserted + right;
}

/** Whether the text ends inside an opened and not yet closed `{{`. */
export function insideMustache(before: string): boolean {
	return before.lastIndexOf('{{') > before.lastIndexOf('}}');
}

/**
 * Whether the text ends inside a JSON string literal, reading the template's literal text
 * and skipping the mustaches, which render to values rather than to JSON syntax.
 */
export function insideJsonString(before: string): boolean {
	const literal = before.replace(/\{\{[\s\S]*?\}\}/g, '');
	let inString = false;
	for (let i = 0; i < literal.length; i++) {
		if (literal[i] === '\\' && inString) i++;
		else if (literal[i] === '"') inString = !inString;
	}
	return inString;
}
