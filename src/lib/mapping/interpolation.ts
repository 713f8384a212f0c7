/**
 * Most templates only put values into text: `Hello {{[Customer Name]}}`, `{{email}}`,
 * `{"due": {{formatDate due "yyyy-MM-dd"}} }`, or no value at all. Those render here without
 * Handlebars, whose every call first wraps each helper it holds in fresh closures and sets up
 * prototype access control: per row, that setup costs more than the render. A template
 * qualifies when it holds only text, comments, `{{path}}` and calls of our helpers whose
 * arguments are paths, literals or such calls again, with no blocks, `@data`, `this`, `../`
 * or name=value arguments.
 *
 * The result is the same as the Handlebars build's (the spec beside this file checks it on
 * generated templates and data): own properties only, null and missing values render
 * nothing, every shown value is made text (so numbers are joined, not added), html mode
 * escapes `{{…}}` but not `{{{…}}}`, and each helper call checks the render's deadline first,
 * as the helpers registered with Handlebars do.
 */

import Handlebars from 'handlebars';
import { checkDeadline } from './budget';
import { KNOWN_HELPERS } from './environment';
import { HELPERS } from './helpers';
import type { RenderMode } from './templates';

/** Reads one value of a template from the render's context. */
type Read = (context: object) => unknown;

type Part = string | { read: Read; escape: boolean };

export interface DirectRender {
	run: (context: object) => string;
	/** True when the template calls a helper, so it must render under a budget. */
	callsHelpers: boolean;
	/**
	 * When every value the template shows is an unescaped `{{json …}}`: the texts around them
	 * (one more than there are values), so a caller can tell whether the result is always JSON.
	 */
	textsAroundJson: string[] | null;
}

/** A render function for a template Handlebars need not run; null when it needs Handlebars. */
export function compileInterpolation(
	program: hbs.AST.Program,
	mode: RenderMode
): DirectRender | null {
	const parts: Part[] = [];
	const calls = { count: 0 };
	let texts: string[] | null = [''];
	for (const statement of program.body) {
		const part = directPart(statement, mode, calls);
		if (part === null) {
			return null;
		}
		if (typeof part === 'string') {
			if (texts) texts[texts.length - 1] += part;
		} else if (texts && !part.escape && isJsonCall(statement)) {
			texts.push('');
		} else {
			texts = null;
		}
		if (part !== '') {
			parts.push(part);
		}
	}
	return { run: joinParts(parts), callsHelpers: calls.count > 0, textsAroundJson: texts };
}

/** `{{json value}}`: a mustache that shows what the json helper makes of one argument. */
function isJsonCall(statement: hbs.AST.Statement): boolean {
	const { path, params } = statement as hbs.AST.MustacheStatement;
	const head = path as hbs.AST.PathExpression;
	return head.type === 'PathExpression' && head.original === 'json' && params.length === 1;
}

function joinParts(parts: Part[]): (context: object) => string {
	if (parts.every((part) => typeof part === 'string')) {
		const text = parts.join('');
		return () => text;
	}
	// Joined once, not added piece by piece: `+=` leaves a chain of the pieces in memory for as
	// long as the rendered output lives, where join makes one flat string.
	return (context) => {
		const texts = new Array<string>(parts.length);
		for (let i = 0; i < parts.length; i++) {
			const part = parts[i];
			texts[i] = typeof part === 'string' ? part : show(part.read(context), part.escape);
		}
		return texts.join('');
	};
}

/** Text for content, a reader for a value or helper call, null for what Handlebars must run. */
function directPart(
	statement: hbs.AST.Statement,
	mode: RenderMode,
	calls: { count: number }
): Part | null {
	if (statement.type === 'ContentStatement') {
		return (statement as hbs.AST.ContentStatement).value;
	}
	if (statement.type === 'CommentStatement') {
		return '';
	}
	if (statement.type !== 'MustacheStatement') {
		return null;
	}
	const mustache = statement as hbs.AST.MustacheStatement;
	const read = mustacheReader(mustache, calls);
	return read && { read, escape: mode === 'html' && mustache.escaped };
}

/**
 * A mustache's head is a helper when it has arguments or, alone, names a helper (`{{now}}`);
 * otherwise it is a value to look up, as Handlebars decides with `knownHelpers`.
 */
function mustacheReader(
	mustache: hbs.AST.MustacheStatement,
	calls: { count: number }
): Read | null {
	const head = mustache.path as hbs.AST.Node;
	if (head.type !== 'PathExpression' || mustache.hash) {
		return null;
	}
	const path = head as hbs.AST.PathExpression;
	const helperAlone = path.parts.length === 1 && KNOWN_HELPERS[path.parts[0]] === true;
	if (mustache.params.length > 0 || (isPlain(path) && helperAlone)) {
		return callReader(path, mustache.params, calls);
	}
	return pathReader(path);
}

/** A call of one of our helpers, with the deadline checked first as in the Handlebars build. */
function callReader(
	path: hbs.AST.PathExpression,
	params: hbs.AST.Expression[],
	calls: { count: number }
): Read | null {
	const name = path.parts[0];
	if (!isPlain(path) || path.parts.length !== 1 || !Object.hasOwn(HELPERS, name)) {
		return null;
	}
	const args: Read[] = [];
	for (const param of params) {
		const read = argumentReader(param, calls);
		if (read === null) {
			return null;
		}
		args.push(read);
	}
	calls.count++;
	const { run } = HELPERS[name];
	return (context) => {
		checkDeadline();
		const values = new Array<unknown>(args.length);
		for (let i = 0; i < args.length; i++) {
			values[i] = args[i](context);
		}
		return run(values);
	};
}

/** An argument: a value to look up (never a helper call), a literal, or a sub-expression. */
function argumentReader(param: hbs.AST.Expression, calls: { count: number }): Read | null {
	switch (param.type) {
		case 'PathExpression':
			return pathReader(param as hbs.AST.PathExpression);
		case 'SubExpression': {
			const sub = param as hbs.AST.SubExpression;
			const head = sub.path as hbs.AST.Node;
			return head.type === 'PathExpression' && !sub.hash
				? callReader(head as hbs.AST.PathExpression, sub.params, calls)
				: null;
		}
		case 'StringLiteral':
		case 'NumberLiteral':
		case 'BooleanLiteral':
			return constant((param as hbs.AST.StringLiteral).value);
		case 'NullLiteral':
			return constant(null);
		case 'UndefinedLiteral':
			return constant(undefined);
		default:
			return null;
	}
}

function constant(value: unknown): Read {
	return () => value;
}

function pathReader(path: hbs.AST.PathExpression): Read | null {
	if (!isPlain(path)) {
		return null;
	}
	const parts = path.parts;
	if (parts.length === 1) {
		const [name] = parts;
		return (context) => (Object.hasOwn(context, name) ? (context as never)[name] : undefined);
	}
	return (context) => read(context, parts);
}

/** A path from the current context: not `@data`, `this`, `.` or `../`, and not empty. */
function isPlain(path: hbs.AST.PathExpression): boolean {
	return (
		!path.data && path.depth === 0 && path.parts.length > 0 && !/^\.|this\b/.test(path.original)
	);
}

function read(context: object, path: string[]): unknown {
	let value: unknown = context;
	for (let i = 0; i < path.length; i++) {
		if (value == null) {
			return value;
		}
		value = Object.hasOwn(Object(value), path[i])
			? (value as Record<string, unknown>)[path[i]]
			: undefined;
	}
	return value;
}

function show(value: unknown, escape: boolean): string {
	if (value == null) {
		return '';
	}
	const text = '' + value;
	return escape ? Handlebars.escapeExpression(text) : text;
}
