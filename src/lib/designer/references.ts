/**
 * How a column is written where the designer puts it: inside a template (`Email`,
 * `[Customer Name]`, or `lookup this "a]b"` for a name no bracket can hold) and as the
 * JSONPath of a binding (`$['Customer Name']`). Dropping a chip must always produce a
 * reference that compiles and reads that exact column.
 */

import { BUILT_IN_HELPERS } from '../mapping/environment';
import { HELPERS } from '../mapping/helpers';

/** Names Handlebars reads as literals or scopes rather than as a path. */
const RESERVED = new Set(['true', 'false', 'null', 'undefined', 'this', 'else']);
const PLAIN = /^[A-Za-z_$][A-Za-z0-9_$]*$/;

/** Whether a column name can stand alone in a mustache and mean that column. */
function isPlainName(name: string): boolean {
	return (
		PLAIN.test(name) &&
		!RESERVED.has(name) &&
		!Object.hasOwn(HELPERS, name) &&
		!Object.hasOwn(BUILT_IN_HELPERS, name)
	);
}

/**
 * The expression that reads `name` inside a mustache. A name that is also a helper's name
 * goes through `this.` so Handlebars cannot take it for a helper call.
 */
export function columnExpression(name: string): string {
	if (isPlainName(name)) return name;
	if (name.includes(']')) return `lookup this ${handlebarsString(name)}`;
	const bracketed = `[${name}]`;
	return PLAIN.test(name) ? `this.${bracketed}` : bracketed;
}

/** A Handlebars string literal; its lexer only knows `\"` as an escape inside double quotes. */
function handlebarsString(text: string): string {
	if (!text.includes("'")) return `'${text}'`;
	return `"${text.replaceAll('"', '\\"')}"`;
}

/** The expression as an argument of a helper: a `lookup` call needs parentheses there. */
export function columnArgument(name: string): string {
	const expression = columnExpression(name);
	return expression.startsWith('lookup ') ? `(${expression})` : expression;
}

/** The JSONPath of a column in a row binding, e.g. `$.Email` or `$['Customer Name']`. */
export function columnJsonPath(name: string): string {
	if (/^[\p{L}_][\p{L}\p{N}_]*$/u.test(name)) return `$.${name}`;
	return `$['${name.replaceAll('\\', '\\\\').replaceAll("'", "\\'")}']`;
}

/**
 * A binding name for a column that no other binding has: `Customer Name` → `customerName`,
 * `Email` → `email`, and `email2` when `email` is taken.
 */
export function bindingNameFor(column: string, taken: Iterable<string>): string {
	const words = column.match(/[\p{L}\p{N}]+/gu) ?? [];
	const camel = words
		.map((word, i) =>
			i === 0 ? word.toLowerCase() : word[0].toUpperCase() + word.slice(1).toLowerCase()
		)
		.join('');
	const base = /^[A-Za-z_]/.test(camel) ? camel : `column${camel}`;
	const used = new Set(taken);
	if (!used.has(base) && !RESERVED.has(base)) return base;
	for (let n = 2; ; n++) if (!used.has(`${base}${n}`)) return `${base}${n}`;
}
