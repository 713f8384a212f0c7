/**
 * Compiling and rendering one template. A template is compiled once (and cached by its
 * text), checked for unknown helpers and partials before it runs, and rendered under a time
 * and size budget with prototype access off. Failures are problems, never thrown errors.
 */

import type Handlebars from 'handlebars';
import { BudgetExceeded, withBudget } from './budget';
import { environment } from './environment';
import { buildWithHandlebars, RUNTIME_OPTIONS } from './handlebars-build';
import { HelperError } from './format-helpers';
import type { MappingProblem } from './problems';
import { compileInterpolation } from './interpolation';
import { alwaysJson } from './json-shape';
import { inspectTemplate, type TemplateName } from './template-ast';

/**
 * `html` escapes every `{{value}}` for pages and HTML email; `text` leaves values as they are
 * for URLs, headers, bodies, subjects and form values, where escaping would corrupt them
 * (a `{{json value}}` body must stay JSON). `{{{value}}}` never escapes.
 */
export type RenderMode = 'html' | 'text';

export const TEMPLATE_LIMITS = Object.freeze({
	/** Longest template text accepted, in characters. */
	maxTemplateChars: 100_000,
	/** Longest rendered text of one field, in characters. */
	maxOutputChars: 1_000_000,
	/** Longest one field's render may take. */
	timeLimitMs: 1_000
});

export interface CompiledTemplate {
	source: string;
	mode: RenderMode;
	/** The names the template looks up, for the designer's checks. */
	names: TemplateName[];
	/** False for templates that only put values into text: they call no helper and cannot loop. */
	budgeted: boolean;
	run: Handlebars.TemplateDelegate;
	/** True when every render is valid JSON whatever the values; see json-shape.ts. */
	alwaysJson?: boolean;
}

export type TemplateCompileResult =
	{ ok: true; template: CompiledTemplate } | { ok: false; problems: MappingProblem[] };

export interface RenderLimits {
	/** The time the `now` helper gives, so a render can be repeated exactly. */
	now: Date;
	timeLimitMs: number;
	maxOutputChars: number;
}

const CACHE_SIZE = 1_000;
const cache = new Map<string, TemplateCompileResult>();

/** Compiles a template once per text and mode; `field` names where it sits, for problems. */
export function compileTemplate(
	source: string,
	mode: RenderMode,
	field: string
): TemplateCompileResult {
	const refusal = refuseSource(source);
	if (refusal) {
		return failed({ ...refusal, field });
	}
	const key = `${mode}\u0000${source}`;
	let result = cache.get(key);
	if (result) {
		cache.delete(key); // re-inserted below, so the least recently used one goes first
	} else {
		result = compileUncached(source, mode);
	}
	cache.set(key, result);
	if (cache.size > CACHE_SIZE) {
		cache.delete(cache.keys().next().value as string);
	}
	return result.ok
		? result
		: { ok: false, problems: result.problems.map((p) => ({ ...p, field })) };
}

/** Templates that are not text or are too long are refused before they reach the cache. */
function refuseSource(source: unknown): MappingProblem | null {
	if (typeof source !== 'string') {
		return { code: 'invalid-template', message: 'The template is not text.' };
	}
	if (source.length > TEMPLATE_LIMITS.maxTemplateChars) {
		return {
			code: 'template-too-large',
			message: `The template is ${source.length} characters long; the limit is ${TEMPLATE_LIMITS.maxTemplateChars}.`
		};
	}
	return null;
}

function compileUncached(source: string, mode: RenderMode): TemplateCompileResult {
	const ast = parse(source);
	if ('code' in ast) {
		return failed(ast);
	}
	const { names, helpers, issues } = inspectTemplate(ast);
	if (issues.length > 0) {
		return { ok: false, problems: issues };
	}
	const direct = compileInterpolation(ast, mode);
	if (direct) {
		const { run, callsHelpers: budgeted } = direct;
		const json = alwaysJson(direct.textsAroundJson);
		return { ok: true, template: { source, mode, names, budgeted, run, alwaysJson: json } };
	}
	return build(ast, mode, source, names, helpers);
}

function failed(problem: MappingProblem): TemplateCompileResult {
	return { ok: false, problems: [problem] };
}

/** Parses a template, or describes the syntax error at the place Handlebars stopped. */
function parse(source: string): hbs.AST.Program | MappingProblem {
	try {
		return environment.parse(source);
	} catch (error) {
		const where = exceptionPosition(error) ?? parserPosition() ?? {};
		return { code: 'template-syntax', message: describeError(error), ...where };
	}
}

/**
 * Handlebars' parse errors carry their position only in the message text; the parser's
 * lexer still holds it right after the (synchronous) failure, so it is read from there.
 */
function parserPosition(): { line: number; column: number } | null {
	const parser = (environment as unknown as { Parser?: { lexer?: { yylloc?: LexerLocation } } })
		.Parser;
	const location = parser?.lexer?.yylloc;
	return location ? { line: location.first_line, column: location.first_column } : null;
}

interface LexerLocation {
	first_line: number;
	first_column: number;
}

function build(
	ast: hbs.AST.Program,
	mode: RenderMode,
	source: string,
	names: TemplateName[],
	helpers: string[]
): TemplateCompileResult {
	try {
		const run = buildWithHandlebars(ast, mode, helpers);
		return { ok: true, template: { source, mode, names, budgeted: true, run } };
	} catch (error) {
		const where = exceptionPosition(error) ?? {};
		return failed({ code: 'template-invalid', message: describeError(error), ...where });
	}
}

/** Renders a compiled template over a context: the text, or the problem that stopped it. */
export function renderTemplate(
	template: CompiledTemplate,
	context: object,
	limits: RenderLimits
): string | MappingProblem {
	try {
		const text = template.budgeted
			? withBudget(limits, () => template.run(context, RUNTIME_OPTIONS))
			: template.run(context);
		if (text.length > limits.maxOutputChars) {
			return {
				code: 'output-too-large',
				message: `The rendered text is ${text.length} characters long; the limit is ${limits.maxOutputChars}.`
			};
		}
		return text;
	} catch (error) {
		if (error instanceof BudgetExceeded) {
			return { code: error.code, message: error.message };
		}
		if (error instanceof HelperError) {
			return { code: 'helper-failed', message: error.message };
		}
		return { code: 'render-failed', message: renderFailure(error) };
	}
}

/**
 * Why a render failed. Pushed data decides what a template meets, so any failure here is
 * the template's or the data's, reported like the others; the commonest is showing a whole
 * row, which has no text form.
 */
function renderFailure(error: unknown): string {
	if (error instanceof TypeError && /primitive/.test(error.message)) {
		return 'The template shows a whole row or object, which has no text form; show one of its columns, or use {{json value}}.';
	}
	return describeError(error);
}

function exceptionPosition(error: unknown): { line: number; column: number } | null {
	const { lineNumber, column } = (error ?? {}) as { lineNumber?: number; column?: number };
	return typeof lineNumber === 'number' ? { line: lineNumber, column: column ?? 0 } : null;
}

/**
 * Handlebars' parse errors quote the template around the error with a caret line under it;
 * the problem already carries the position, so only the first and last lines are kept.
 */
function describeError(error: unknown): string {
	const lines = (error instanceof Error ? error.message : String(error)).split('\n');
	const message = lines.length > 2 ? `${lines[0]} ${lines[lines.length - 1]}` : lines.join(' ');
	return message.includes("got 'CLOSE_UNESCAPED'") ? message + TRIPLE_BRACE_HINT : message;
}

/** `{"a": {{json a}}}` reads as a triple-brace close: the commonest slip in JSON bodies. */
const TRIPLE_BRACE_HINT =
	' Three closing braces in a row end a {{{raw}}} value: if a JSON body ends with }}}, put a space before the last brace, as in {{json value}} }.';
