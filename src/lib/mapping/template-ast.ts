/**
 * Reads a parsed template to find what it refers to before it ever runs: the names it looks
 * up (for the designer's warnings) and the helper calls it cannot make (unknown helpers,
 * wrong argument counts, partials), so a mistake is a compile problem, not a blank.
 *
 * Names are followed through the contexts a template moves into: inside `{{#each rows}}`
 * (or `{{#rows}}`, or `{{#with clickedRow}}`) a name is a row's column; inside a block over
 * anything else, what a name means depends on the data.
 */

import { BUILT_IN_HELPERS, KNOWN_HELPERS } from './environment';
import { HELPERS, type HelperSpec } from './helpers';

type AstNode = hbs.AST.Node;
type Program = hbs.AST.Program;
type Path = hbs.AST.PathExpression;

/**
 * A name a template looks up (the first part of its path) and where: `root` at the template's
 * top level, `row` as a row's column inside a loop over rows, `other` inside a block over
 * anything else, where only the data can tell what the name means.
 */
export interface TemplateName {
	name: string;
	scope: 'root' | 'row' | 'other';
	line: number;
	column: number;
}

export interface TemplateIssue {
	code: string;
	message: string;
	line: number;
	column: number;
}

/** What a context holds: the template's top level, one row, or data we cannot know. */
type Kind = 'root' | 'row' | 'other';

/** What a looked-up value is, as far as the template's text tells. */
type ValueKind = Kind | 'rows';

interface Call {
	path: Path;
	params: AstNode[];
	hash?: hbs.AST.Hash;
	loc: hbs.AST.SourceLocation;
}

/** Lists the names a parsed template uses and the problems in its helper calls. */
export function inspectTemplate(program: Program): {
	names: TemplateName[];
	helpers: string[];
	issues: TemplateIssue[];
} {
	const inspector = new Inspector();
	inspector.visitProgram(program, 'root', null);
	return {
		names: [...inspector.names.values()],
		helpers: [...inspector.helpers],
		issues: inspector.issues
	};
}

class Inspector {
	names = new Map<string, TemplateName>();
	/** The known helpers the template calls. */
	helpers = new Set<string>();
	issues: TemplateIssue[] = [];
	private contexts: Kind[] = [];
	private blockParams: Array<Map<string, Kind>> = [];

	visitProgram(program: Program | undefined, kind: Kind | null, params: Kind[] | null): void {
		if (!program) {
			return;
		}
		if (kind) {
			this.contexts.push(kind);
		}
		this.blockParams.push(
			new Map((program.blockParams ?? []).map((name, i) => [name, params?.[i] ?? 'other']))
		);
		for (const statement of program.body) {
			this.visit(statement);
		}
		this.blockParams.pop();
		if (kind) {
			this.contexts.pop();
		}
	}

	private visit(node: AstNode): void {
		switch (node.type) {
			case 'MustacheStatement':
				this.visitCall(asCall(node), 'mustache');
				return;
			case 'SubExpression':
				this.visitCall(asCall(node), 'subexpression');
				return;
			case 'BlockStatement':
				return this.visitBlock(node as hbs.AST.BlockStatement);
			case 'PathExpression':
				this.recordName(node as Path);
				return;
			case 'PartialStatement':
			case 'PartialBlockStatement':
				return this.flag(
					node,
					'partials-not-allowed',
					'Partials ({{> name}}) are not available in Pushmap templates.'
				);
			case 'Decorator':
			case 'DecoratorBlock':
				return this.flag(
					node,
					'decorators-not-allowed',
					'Decorators ({{* name}}) are not available in Pushmap templates.'
				);
		}
	}

	private visitCall(call: Call, kind: 'mustache' | 'subexpression' | 'block'): boolean {
		const helper = this.helperName(call, kind);
		if (helper === null) {
			this.recordName(call.path);
		} else {
			this.checkHelperCall(helper, call, kind);
		}
		for (const param of call.params) {
			this.visit(param);
		}
		for (const pair of call.hash?.pairs ?? []) {
			this.visit(pair.value);
		}
		return helper !== null;
	}

	private visitBlock(block: hbs.AST.BlockStatement): void {
		const call = asCall(block);
		const isHelper = this.visitCall(call, 'block');
		const name = call.path.parts[0];
		const subject = call.params[0] as Path | undefined;
		const subjectKind = subject?.type === 'PathExpression' ? this.valueKind(subject) : 'other';

		if (!isHelper) {
			// A section: a list repeats the block per item, anything else becomes its context.
			const inner = this.valueKind(call.path);
			this.visitProgram(block.program, inner === 'rows' ? 'row' : inner, null);
		} else if (name === 'if' || name === 'unless') {
			this.visitProgram(block.program, null, null);
		} else if (name === 'each') {
			const item = subjectKind === 'rows' ? 'row' : 'other';
			this.visitProgram(block.program, item, [item, 'other']);
		} else if (name === 'with') {
			const inner = subjectKind === 'rows' ? 'other' : subjectKind;
			this.visitProgram(block.program, inner, [inner]);
		} else {
			this.visitProgram(block.program, 'other', null);
		}
		this.visitProgram(block.inverse, null, null);
	}

	/** The helper a call invokes, or null when it looks up a value, as Handlebars decides. */
	private helperName(call: Call, kind: 'mustache' | 'subexpression' | 'block'): string | null {
		const { path } = call;
		const simple = isSimple(path);
		if (simple && this.blockParam(path.parts[0])) {
			return null;
		}
		const hasArguments = call.params.length > 0 || (call.hash?.pairs.length ?? 0) > 0;
		if (kind === 'subexpression' || hasArguments) {
			return path.original;
		}
		return simple && KNOWN_HELPERS[path.parts[0]] ? path.parts[0] : null;
	}

	private checkHelperCall(
		name: string,
		call: Call,
		kind: 'mustache' | 'subexpression' | 'block'
	): void {
		const builtIn = Object.hasOwn(BUILT_IN_HELPERS, name) ? BUILT_IN_HELPERS[name] : null;
		const ours = Object.hasOwn(HELPERS, name) ? HELPERS[name] : null;
		const where = call.loc;
		if (!builtIn && !ours) {
			this.flagAt(where, 'unknown-helper', unknownHelperMessage(name));
			return;
		}
		this.helpers.add(name);
		if (builtIn && builtIn.block !== (kind === 'block')) {
			const message = builtIn.block
				? `"${name}" needs a block: write {{#${name} value}}...{{/${name}}}.`
				: `"${name}" cannot open a block: write {{${name} ...}}.`;
			this.flagAt(where, 'helper-usage', message);
		}
		if (ours && kind === 'block') {
			this.flagAt(where, 'helper-usage', `"${name}" cannot open a block: write {{${name} ...}}.`);
		}
		const count = call.params.length;
		const min = builtIn ? builtIn.args : (ours as HelperSpec).minArgs;
		const max = builtIn ? builtIn.args : (ours as HelperSpec).maxArgs;
		if (count < min || count > max) {
			this.flagAt(where, 'helper-arguments', argumentsMessage(name, count, min, max));
		}
		if (ours && (call.hash?.pairs.length ?? 0) > 0) {
			this.flagAt(where, 'helper-arguments', `"${name}" takes no name=value arguments.`);
		}
	}

	private recordName(path: Path): void {
		const resolved = this.resolve(path);
		if (!resolved || resolved.parts.length === 0) {
			return;
		}
		const name = resolved.parts[0];
		const key = `${resolved.kind}\u0000${name}`;
		if (!this.names.has(key)) {
			const { line, column } = path.loc.start;
			this.names.set(key, { name, scope: resolved.kind, line, column });
		}
	}

	/** Where a path starts (which context) and the parts it reads from there. */
	private resolve(path: Path): { kind: Kind; parts: string[] } | null {
		if (path.data) {
			return path.parts[0] === 'root' ? { kind: 'root', parts: path.parts.slice(1) } : null;
		}
		if (path.depth === 0 && !isScoped(path) && path.parts.length > 0) {
			const param = this.blockParam(path.parts[0]);
			if (param) {
				return { kind: param, parts: path.parts.slice(1) };
			}
		}
		const kind = this.contexts[this.contexts.length - 1 - path.depth];
		return kind ? { kind, parts: path.parts } : null;
	}

	private valueKind(path: Path): ValueKind {
		const resolved = this.resolve(path);
		if (!resolved) {
			return 'other';
		}
		const { kind, parts } = resolved;
		if (parts.length === 0) {
			return kind;
		}
		if (kind === 'root' && parts.length === 1 && parts[0] === 'rows') {
			return 'rows';
		}
		return kind === 'root' && parts.length === 1 && parts[0] === 'clickedRow' ? 'row' : 'other';
	}

	private blockParam(name: string): Kind | undefined {
		for (let i = this.blockParams.length - 1; i >= 0; i--) {
			const kind = this.blockParams[i].get(name);
			if (kind) {
				return kind;
			}
		}
		return undefined;
	}

	private flag(node: AstNode, code: string, message: string): void {
		this.flagAt(node.loc, code, message);
	}

	private flagAt(loc: hbs.AST.SourceLocation, code: string, message: string): void {
		this.issues.push({ code, message, line: loc.start.line, column: loc.start.column });
	}
}

/** A mustache, block or sub-expression, with a literal head read as a path as Handlebars does. */
function asCall(node: AstNode): Call {
	const call = node as hbs.AST.MustacheStatement;
	const head = call.path as AstNode;
	const path =
		head.type === 'PathExpression'
			? (head as Path)
			: literalPath(head as hbs.AST.StringLiteral, head.loc);
	return { path, params: call.params ?? [], hash: call.hash, loc: node.loc };
}

function literalPath(literal: { original?: unknown }, loc: hbs.AST.SourceLocation): Path {
	const name = String(literal.original);
	return { type: 'PathExpression', data: false, depth: 0, parts: [name], original: name, loc };
}

function isScoped(path: Path): boolean {
	return /^\.|this\b/.test(path.original);
}

function isSimple(path: Path): boolean {
	return !path.data && path.depth === 0 && path.parts.length === 1 && !isScoped(path);
}

function unknownHelperMessage(name: string): string {
	const lower = name.toLowerCase();
	const near = Object.keys(KNOWN_HELPERS).find((known) => known.toLowerCase() === lower);
	const hint = near ? ` Did you mean "${near}"?` : '';
	return `"${name}" is not a helper, and only helpers take arguments.${hint} To show a value, write its name alone between the braces.`;
}

function argumentsMessage(name: string, count: number, min: number, max: number): string {
	const wanted = min === max ? `${min}` : max === Infinity ? `at least ${min}` : `${min} to ${max}`;
	return `"${name}" takes ${wanted} argument${wanted === '1' ? '' : 's'}, but is given ${count}.`;
}
