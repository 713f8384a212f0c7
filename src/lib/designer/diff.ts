/**
 * A readable diff between two versions of a definition: one entry per field that changed,
 * addressed the way a person thinks of it (`output "invoice" › request.body`), not by array
 * index, so moving an output or adding a column does not show every later item as changed.
 */

import type { ActionDefinition } from '../actions/definition';

export interface DiffEntry {
	/** Where, e.g. `expected column "Email" › required`. */
	path: string;
	change: 'added' | 'removed' | 'changed';
	before?: string;
	after?: string;
}

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };

/** Lists what changed from `before` to `after`; empty when they are the same. */
export function diffDefinitions(before: ActionDefinition, after: ActionDefinition): DiffEntry[] {
	const entries: DiffEntry[] = [];
	compare(keyed(before as unknown as Json), keyed(after as unknown as Json), '', entries);
	const order = outputOrderChange(before, after);
	if (order) entries.push(order);
	return entries;
}

/** Lists addressed by what identifies their items: outputs by id, columns and bindings by name. */
const KEYS: Record<string, { field: string; label: string }> = {
	outputs: { field: 'id', label: 'output' },
	expectedColumns: { field: 'name', label: 'expected column' },
	bindings: { field: 'name', label: 'binding' },
	fields: { field: 'name', label: 'field' }
};

/** Turns the keyed lists into objects addressed by their key, recursively. */
function keyed(value: Json, parentKey = ''): Json {
	if (Array.isArray(value)) {
		const key = KEYS[parentKey];
		const items = value.map((item) => keyed(item));
		if (!key || !items.every((item) => typeof keyOf(item, key.field) === 'string')) return items;
		return Object.fromEntries(
			items.map((item) => [`${key.label} "${keyOf(item, key.field)}"`, item])
		) as Json;
	}
	if (value && typeof value === 'object') {
		return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, keyed(v, k)]));
	}
	return value;
}

function keyOf(item: Json, field: string): Json | undefined {
	return item && typeof item === 'object' && !Array.isArray(item) ? item[field] : undefined;
}

function compare(
	before: Json | undefined,
	after: Json | undefined,
	path: string,
	out: DiffEntry[]
) {
	if (same(before, after)) return;
	if (before === undefined) {
		out.push({ path: path || 'definition', change: 'added', after: show(after) });
	} else if (after === undefined) {
		out.push({ path: path || 'definition', change: 'removed', before: show(before) });
	} else if (isObject(before) && isObject(after)) {
		const keys = [...new Set([...Object.keys(before), ...Object.keys(after)])];
		for (const key of keys) compare(before[key], after[key], join(path, key), out);
	} else {
		out.push({
			path: path || 'definition',
			change: 'changed',
			before: show(before),
			after: show(after)
		});
	}
}

function outputOrderChange(before: ActionDefinition, after: ActionDefinition): DiffEntry | null {
	const ids = (d: ActionDefinition) => d.outputs.map((o) => o.id);
	const common = (list: string[], other: string[]) => list.filter((id) => other.includes(id));
	const was = common(ids(before), ids(after));
	const now = common(ids(after), ids(before));
	if (was.join('\n') === now.join('\n')) return null;
	return {
		path: 'order of outputs',
		change: 'changed',
		before: was.join(', '),
		after: now.join(', ')
	};
}

function join(path: string, key: string): string {
	const part = /^[A-Za-z_$][\w$]*$/.test(key) || key.includes('"') ? key : JSON.stringify(key);
	return path ? `${path} › ${part}` : part;
}

function isObject(value: Json | undefined): value is { [key: string]: Json } {
	return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function same(a: Json | undefined, b: Json | undefined): boolean {
	return JSON.stringify(a) === JSON.stringify(b);
}

/** Text stays as it is, so a template reads as written; anything else is compact JSON. */
function show(value: Json | undefined): string {
	return typeof value === 'string' ? value : JSON.stringify(value);
}
