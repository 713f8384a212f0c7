/**
 * Turning a checked template AST into a Handlebars render function: compiled eagerly, so
 * compile errors surface now rather than at the first render, with every shown value made
 * text first, and run in an environment that holds only the helpers it calls.
 */

import type Handlebars from 'handlebars';
import { environment, KNOWN_HELPERS, runtimeFor, TEXT_HELPER } from './environment';
import type { RenderMode } from './templates';

type Program = hbs.AST.Program;
type Path = hbs.AST.PathExpression;

/** Handlebars' own data-access settings, spelled out so a default can never turn them on. */
export const RUNTIME_OPTIONS: Handlebars.RuntimeOptions = Object.freeze({
	allowProtoPropertiesByDefault: false,
	allowProtoMethodsByDefault: false,
	allowCallsToHelperMissing: false,
	allowedProtoProperties: {},
	allowedProtoMethods: {}
});

/** The compiler classes Handlebars exposes but its type definitions leave out. */
interface CompilerInternals {
	Compiler: new () => { compile(ast: Program, options: object): unknown };
	JavaScriptCompiler: new () => {
		compile(environment: unknown, options: object, context: undefined, asObject: true): object;
	};
}

/**
 * Compiles a template AST (changing it) into a render function. Throws Handlebars' compile
 * errors, which carry the position of the node at fault.
 */
export function buildWithHandlebars(
	ast: Program,
	mode: RenderMode,
	helpers: string[]
): Handlebars.TemplateDelegate {
	const options = {
		knownHelpers: { ...KNOWN_HELPERS, [TEXT_HELPER]: true },
		knownHelpersOnly: true,
		noEscape: mode === 'text',
		data: true,
		strict: false,
		compat: false,
		preventIndent: true
	};
	showAsText(ast, []);
	// What Handlebars' own `compile` does, but now instead of at the first render.
	const internals = environment as unknown as CompilerInternals;
	const compiled = new internals.Compiler().compile(ast, options);
	const spec = new internals.JavaScriptCompiler().compile(compiled, options, undefined, true);
	return runtimeFor([...helpers, TEXT_HELPER]).template(spec);
}

/**
 * Handlebars adds, rather than joins, numbers shown side by side without escaping: with a = 1
 * and b = 2, `{{{a}}}{{{b}}}` (and `{{a}}{{b}}` in text mode) gives "3" (handlebars.js issue
 * 1838, fixed after 4.7.10). So every `{{value}}` becomes `{{TEXT_HELPER value}}`, and a
 * helper call `{{helper args}}` becomes `{{TEXT_HELPER (helper args)}}`: values are text
 * before they are joined. Escaping still applies to the text, as before.
 */
function showAsText(program: Program | undefined, blockParams: string[][]): void {
	if (!program) {
		return;
	}
	const scope = [program.blockParams ?? [], ...blockParams];
	for (const statement of program.body) {
		if (statement.type === 'MustacheStatement') {
			wrapInTextHelper(statement as hbs.AST.MustacheStatement, scope);
		} else if (statement.type === 'BlockStatement') {
			const block = statement as hbs.AST.BlockStatement;
			showAsText(block.program, scope);
			showAsText(block.inverse, scope);
		}
	}
}

function wrapInTextHelper(mustache: hbs.AST.MustacheStatement, blockParams: string[][]): void {
	const path = asPath(mustache.path as hbs.AST.Node);
	const callsHelper =
		mustache.params.length > 0 ||
		(mustache.hash?.pairs.length ?? 0) > 0 ||
		(isSimple(path) &&
			KNOWN_HELPERS[path.parts[0]] === true &&
			!blockParams.some((names) => names.includes(path.parts[0])));
	const value: hbs.AST.Expression = callsHelper
		? ({
				type: 'SubExpression',
				path,
				params: mustache.params,
				hash: mustache.hash,
				loc: mustache.loc
			} as hbs.AST.SubExpression)
		: path;
	const helper: Path = {
		type: 'PathExpression',
		data: false,
		depth: 0,
		parts: [TEXT_HELPER],
		original: TEXT_HELPER,
		loc: mustache.loc
	};
	Object.assign(mustache, { path: helper, params: [value], hash: undefined });
}

/** A literal in a mustache's head is a name to look up, as Handlebars reads it. */
function asPath(node: hbs.AST.Node): Path {
	if (node.type === 'PathExpression') {
		return node as Path;
	}
	const name = String((node as hbs.AST.StringLiteral).original);
	return {
		type: 'PathExpression',
		data: false,
		depth: 0,
		parts: [name],
		original: name,
		loc: node.loc
	};
}

function isSimple(path: Path): boolean {
	return (
		!path.data && path.depth === 0 && path.parts.length === 1 && !/^\.|this\b/.test(path.original)
	);
}
