/**
 * Most templates only put values into text: `Hello {{[Customer Name]}}`, `{{email}}`, or
 * no value at all (`https://billing.example.com/api`). Those render here without Handlebars,
 * whose every call first wraps each registered helper in fresh closures: per row, that setup
 * costs more than the render. The result is the same as the Handlebars build's (the spec
 * beside this file checks it on generated data): own properties only, null and missing
 * values render nothing, anything else is shown as text and escaped in html mode.
 */

import Handlebars from 'handlebars';
import { KNOWN_HELPERS } from './environment';
import type { RenderMode } from './templates';

type Part = string | { path: string[]; escape: boolean };

/** A render function for an interpolation-only template; null when it needs Handlebars. */
export function compileInterpolation(
	program: hbs.AST.Program,
	mode: RenderMode
): ((context: object) => string) | null {
	const parts: Part[] = [];
	for (const statement of program.body) {
		const part = interpolationPart(statement, mode);
		if (part === null) {
			return null;
		}
		if (part !== '') {
			parts.push(part);
		}
	}
	if (parts.every((part) => typeof part === 'string')) {
		const text = parts.join('');
		return () => text;
	}
	return (context) => {
		let out = '';
		for (let i = 0; i < parts.length; i++) {
			const part = parts[i];
			out += typeof part === 'string' ? part : show(read(context, part.path), part.escape);
		}
		return out;
	};
}

/** Text for content, a path for a plain `{{name}}`, null for anything Handlebars must run. */
function interpolationPart(statement: hbs.AST.Statement, mode: RenderMode): Part | null {
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
	const path = mustache.path as hbs.AST.PathExpression;
	const plain =
		path.type === 'PathExpression' &&
		!path.data &&
		path.depth === 0 &&
		path.parts.length > 0 &&
		!/^\.|this\b/.test(path.original) &&
		mustache.params.length === 0 &&
		!mustache.hash;
	// A single name might be a helper with no arguments (`{{now}}`): Handlebars decides those.
	if (!plain || (path.parts.length === 1 && isHelperName(path.parts[0]))) {
		return null;
	}
	return { path: path.parts, escape: mode === 'html' && mustache.escaped };
}

function isHelperName(name: string): boolean {
	return KNOWN_HELPERS[name] === true;
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
