/**
 * Which columns an action reads: in its templates, its row bindings and its row filter. The
 * designer warns about an expected column that nothing reads (a leftover, or a typo elsewhere).
 */

import type { ActionDefinition, RowFilter, RowFilterNode } from '../actions/definition';
import { parseSimplePath } from '../mapping/json-path';
import { templateNames } from '../mapping/names';
import { outputTemplateFields } from '../mapping/output-fields';

/** Every template source of the definition: each output's fields and the page. */
export function templateSources(definition: ActionDefinition): string[] {
	const sources = (definition.outputs ?? []).flatMap((output) =>
		outputTemplateFields(output).map((field) => field.source)
	);
	if (definition.page?.template !== undefined) sources.push(definition.page.template);
	return sources.filter((source): source is string => typeof source === 'string');
}

/** The names of the columns the definition reads. */
export function usedColumns(definition: ActionDefinition): Set<string> {
	const used = new Set<string>();
	for (const source of templateSources(definition)) {
		for (const name of templateNames(source)) if (name.scope !== 'other') used.add(name.name);
		for (const name of lookedUp(source)) used.add(name);
	}
	for (const binding of definition.bindings ?? []) {
		const first = binding.scope === 'row' ? parseSimplePath(binding.path)?.[0] : undefined;
		if (first?.kind === 'key') used.add(first.key);
	}
	if (definition.rowFilter) collectFilterColumns(definition.rowFilter, used);
	return used;
}

/** Names read with `lookup this "…"`, which is how a name holding `]` is written. */
function lookedUp(source: string): string[] {
	const found: string[] = [];
	const pattern = /lookup\s+this\s+(?:'([^']*)'|"((?:\\"|[^"])*)")/g;
	for (const match of source.matchAll(pattern)) {
		found.push(match[1] ?? match[2].replaceAll('\\"', '"'));
	}
	return found;
}

function collectFilterColumns(node: RowFilterNode | RowFilter, into: Set<string>): void {
	if ('all' in node) node.all.forEach((child) => collectFilterColumns(child, into));
	else if ('any' in node) node.any.forEach((child) => collectFilterColumns(child, into));
	else into.add(node.column);
}
