/**
 * JSONPath for bindings. Most bindings are plain member paths (`$.answer.name`,
 * `$['Customer Name']`, `$.rows[*].Email`): those are parsed once into segments and read
 * with own-property access, which is what keeps mapping 100,000 rows cheap. Anything else
 * (`..`, slices, unions) goes to jsonpath-plus with script evaluation off.
 *
 * Both give jsonpath-plus's `wrap: false` result, with null for no match: a path without a
 * wildcard gives its one value; a path with a wildcard gives an array of every match.
 *
 * One deliberate difference: inside quotes, a fast path reads the name literally, as RFC 9535
 * does, while jsonpath-plus gives meaning to `,` `;` `^` `~` `@` `(` `*` and `$` there. So
 * `$['Revenue, USD']` reads that column instead of the union of `Revenue` and ` USD`.
 */

import { JSONPath } from 'jsonpath-plus';

type Segment = { kind: 'key'; key: string } | { kind: 'wildcard' };

/** A path compiled once, ready to evaluate over many values. */
export interface CompiledJsonPath {
	/** True when the path takes the own-property fast path. */
	simple: boolean;
	evaluate(root: unknown): unknown;
}

export type JsonPathCompileResult =
	{ ok: true; path: CompiledJsonPath } | { ok: false; message: string };

/** Compiles a JSONPath, or says in plain words why it cannot be used. */
export function compileJsonPath(path: string): JsonPathCompileResult {
	if (typeof path !== 'string' || path.trim() === '') {
		return { ok: false, message: 'The path is empty; write one such as $.name.' };
	}
	const segments = parseSimplePath(path);
	if (segments) {
		return { ok: true, path: simplePath(segments) };
	}
	const rejection = rejectGeneralPath(path);
	if (rejection) {
		return { ok: false, message: rejection };
	}
	return { ok: true, path: generalPath(path) };
}

/**
 * Splits a simple path into segments, or returns null when the path uses anything else.
 * Simple: `$`, then any of `.name`, `.*`, `[*]`, `[0]`, `['any name']`, `["any name"]`.
 */
export function parseSimplePath(path: string): Segment[] | null {
	if (path[0] !== '$') {
		return null;
	}
	const segments: Segment[] = [];
	let at = 1;
	while (at < path.length) {
		const step = path[at] === '.' ? readDotStep(path, at + 1) : readBracketStep(path, at);
		if (!step) {
			return null;
		}
		segments.push(step.segment);
		at = step.next;
	}
	return segments;
}

type Step = { segment: Segment; next: number } | null;

const DOT_NAME = /[\p{L}_][\p{L}\p{N}_-]*/uy;
const INDEX = /(?:0|[1-9][0-9]*)\]/y;

function readDotStep(path: string, at: number): Step {
	if (path[at] === '*') {
		return { segment: { kind: 'wildcard' }, next: at + 1 };
	}
	DOT_NAME.lastIndex = at;
	const match = DOT_NAME.exec(path);
	if (!match) {
		return null;
	}
	return { segment: { kind: 'key', key: match[0] }, next: at + match[0].length };
}

function readBracketStep(path: string, at: number): Step {
	if (path[at] !== '[') {
		return null;
	}
	const inner = path[at + 1];
	if (inner === '*' && path[at + 2] === ']') {
		return { segment: { kind: 'wildcard' }, next: at + 3 };
	}
	if (inner === "'" || inner === '"') {
		return readQuotedName(path, at + 2, inner);
	}
	INDEX.lastIndex = at + 1;
	const match = INDEX.exec(path);
	if (!match) {
		return null;
	}
	return { segment: { kind: 'key', key: match[0].slice(0, -1) }, next: at + 1 + match[0].length };
}

/** Reads a quoted name up to its closing quote and `]`; a backslash escapes the next character. */
function readQuotedName(path: string, at: number, quote: string): Step {
	let name = '';
	for (let i = at; i < path.length; i++) {
		const char = path[i];
		if (char === '\\' && i + 1 < path.length) {
			name += path[++i];
		} else if (char === quote) {
			return path[i + 1] === ']' ? { segment: { kind: 'key', key: name }, next: i + 2 } : null;
		} else {
			name += char;
		}
	}
	return null;
}

function simplePath(segments: Segment[]): CompiledJsonPath {
	const keys = segments.every((segment) => segment.kind === 'key')
		? segments.map((segment) => (segment as { key: string }).key)
		: null;
	if (keys) {
		return { simple: true, evaluate: (root) => readKeys(keys, root) };
	}
	return {
		simple: true,
		evaluate(root) {
			const matches: unknown[] = [];
			collectMatches(segments, 0, root, matches);
			return matches.length > 0 ? matches : null;
		}
	};
}

/**
 * Whether `value` holds `key` as its own property. Like jsonpath-plus, falsy values hold
 * nothing and strings hold their characters and length; nothing is read from a prototype.
 */
function holds(value: unknown, key: string): boolean {
	return Boolean(value) && Object.hasOwn(value as object, key);
}

function readKeys(keys: string[], root: unknown): unknown {
	let value = root;
	for (let i = 0; i < keys.length; i++) {
		if (!holds(value, keys[i])) {
			return null;
		}
		value = (value as Record<string, unknown>)[keys[i]];
	}
	return value ?? null;
}

function collectMatches(segments: Segment[], at: number, value: unknown, out: unknown[]): void {
	if (at === segments.length) {
		out.push(value);
		return;
	}
	const segment = segments[at];
	if (segment.kind === 'key') {
		if (holds(value, segment.key)) {
			collectMatches(segments, at + 1, (value as Record<string, unknown>)[segment.key], out);
		}
		return;
	}
	if (Array.isArray(value)) {
		for (let i = 0; i < value.length; i++) {
			collectMatches(segments, at + 1, value[i], out);
		}
	} else if (value !== null && typeof value === 'object') {
		for (const key of Object.keys(value)) {
			collectMatches(segments, at + 1, (value as Record<string, unknown>)[key], out);
		}
	}
}

function generalPath(path: string): CompiledJsonPath {
	return {
		simple: false,
		evaluate(root) {
			const json = root as object;
			return JSONPath<unknown>({ path, json, wrap: false, eval: false }) ?? null;
		}
	};
}

/**
 * Finds what makes a path unusable before any push arrives: jsonpath-plus would only fail on
 * script expressions once it meets data, and it reads unbalanced brackets as something else.
 */
function rejectGeneralPath(path: string): string | null {
	if (!/^\$(?:$|[.[])/.test(path)) {
		return `"${path}" does not start with $ followed by . or [, e.g. $.name or $['Customer Name'].`;
	}
	if (path.endsWith('.')) {
		return `"${path}" ends with a dot; name the property after it or remove the dot.`;
	}
	if (!bracketsBalance(path)) {
		return `"${path}" has a [ or a quote that is never closed.`;
	}
	const steps = JSONPath.toPathArray(path);
	if (steps.some((step) => step.startsWith('?(') || step.startsWith('('))) {
		return `"${path}" uses a script expression such as [?(...)] or [(...)]; scripts are turned off for safety. Use the row filter to keep rows instead.`;
	}
	if (steps.includes('@other()')) {
		return `"${path}" uses @other(), which bindings do not support.`;
	}
	return null;
}

function bracketsBalance(path: string): boolean {
	let depth = 0;
	let quote: string | null = null;
	for (const char of path) {
		if (quote) {
			quote = char === quote ? null : quote;
		} else if (char === "'" || char === '"') {
			quote = char;
		} else if (char === '[') {
			depth++;
		} else if (char === ']' && --depth < 0) {
			return false;
		}
	}
	return depth === 0 && quote === null;
}
