/**
 * The designer's static check: every name a template looks up should be an expected column,
 * a binding or a built-in name. A typo would otherwise render as a silent blank, so it is
 * listed before anything runs.
 */

import type { ActionDefinition } from '../actions/definition';
import { CONTEXT_NAMES } from './context';
import { environment } from './environment';
import { outputTemplateFields, PAGE_FIELD, type TemplateField } from './output-fields';
import type { MappingProblem } from './problems';
import { inspectTemplate, type TemplateName } from './template-ast';

export type { TemplateName };

/** A name a template uses that nothing provides where the template renders. */
export interface NameWarning extends MappingProblem {
	code: 'unknown-name' | 'no-current-row';
	name: string;
}

/**
 * Lists the names a template looks up: paths, not helpers, block params, `this` or `@index`.
 * A template that does not parse lists nothing (compiling it reports why).
 */
export function templateNames(template: string): TemplateName[] {
	try {
		return inspectTemplate(environment.parse(template)).names;
	} catch {
		return [];
	}
}

/** Lists, per output and field, each name that no column, binding or built-in name provides. */
export function checkDefinitionNames(
	definition: ActionDefinition,
	knownColumns: string[]
): NameWarning[] {
	const known = {
		columns: new Set(knownColumns),
		rowBindings: new Set<string>(),
		pushBindings: new Set<string>()
	};
	for (const binding of definition.bindings ?? []) {
		(binding.scope === 'row' ? known.rowBindings : known.pushBindings).add(binding.name);
	}

	const warnings: NameWarning[] = [];
	for (const output of definition.outputs ?? []) {
		for (const field of outputTemplateFields(output)) {
			warnings.push(...checkField(field, known, output.id));
		}
	}
	if (definition.page?.template !== undefined) {
		const page: TemplateField = {
			field: PAGE_FIELD,
			source: definition.page.template,
			mode: 'html',
			context: 'push'
		};
		warnings.push(...checkField(page, known, undefined));
	}
	return warnings;
}

interface KnownNames {
	columns: Set<string>;
	rowBindings: Set<string>;
	pushBindings: Set<string>;
}

function checkField(
	field: TemplateField,
	known: KnownNames,
	outputId: string | undefined
): NameWarning[] {
	const warnings: NameWarning[] = [];
	for (const used of typeof field.source === 'string' ? templateNames(field.source) : []) {
		const message = judgeName(used, field.context, known);
		if (message) {
			const { name, line, column } = used;
			warnings.push({ ...message, name, outputId, field: field.field, line, column });
		}
	}
	return warnings;
}

function judgeName(
	used: TemplateName,
	context: 'row' | 'push',
	known: KnownNames
): Pick<NameWarning, 'code' | 'message'> | null {
	const { name } = used;
	if (used.scope === 'other') {
		return null;
	}
	if (used.scope === 'row') {
		return known.columns.has(name) ? null : unknown(name, known, 'is not an expected column');
	}
	if (CONTEXT_NAMES.includes(name) || known.pushBindings.has(name)) {
		return null;
	}
	const rowName = known.columns.has(name) || known.rowBindings.has(name);
	if (rowName && context === 'row') {
		return null;
	}
	if (rowName) {
		const what = known.columns.has(name) ? 'a column' : 'a row binding';
		return {
			code: 'no-current-row',
			message: `"${name}" is ${what}, but this template renders once for all rows, so there is no current row; loop with {{#each rows}}...{{/each}}.`
		};
	}
	return unknown(name, known, 'is neither an expected column, a binding nor a built-in name');
}

function unknown(
	name: string,
	known: KnownNames,
	what: string
): Pick<NameWarning, 'code' | 'message'> {
	const near = nearName(name, known);
	const hint = near ? ` Did you mean "${near}"?` : '';
	return { code: 'unknown-name', message: `"${name}" ${what}; it will render empty.${hint}` };
}

/**
 * A known name the template probably meant: one that differs only in case, spaces or
 * punctuation (`customer_name`), or by a slip of one or two letters (`Emial`).
 */
function nearName(name: string, known: KnownNames): string | undefined {
	const fold = (text: string) => text.toLowerCase().replace(/[\s_\-.]/g, '');
	const target = fold(name);
	const candidates = [
		...known.columns,
		...known.rowBindings,
		...known.pushBindings,
		...CONTEXT_NAMES
	];
	const same = candidates.find((candidate) => fold(candidate) === target);
	if (same || target.length < 4) {
		return same;
	}
	return candidates.find((candidate) => editDistance(fold(candidate), target) <= 2);
}

/** Levenshtein distance, with swapped neighbours counted as one edit. */
function editDistance(a: string, b: string): number {
	if (Math.abs(a.length - b.length) > 2) {
		return 3;
	}
	const rows = Array.from({ length: a.length + 1 }, (_, i) => [
		i,
		...new Array<number>(b.length).fill(0)
	]);
	for (let j = 1; j <= b.length; j++) rows[0][j] = j;
	for (let i = 1; i <= a.length; i++) {
		for (let j = 1; j <= b.length; j++) {
			const cost = a[i - 1] === b[j - 1] ? 0 : 1;
			rows[i][j] = Math.min(rows[i - 1][j] + 1, rows[i][j - 1] + 1, rows[i - 1][j - 1] + cost);
			if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) {
				rows[i][j] = Math.min(rows[i][j], rows[i - 2][j - 2] + 1);
			}
		}
	}
	return rows[a.length][b.length];
}
