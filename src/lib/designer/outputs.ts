/**
 * Making and arranging outputs in the designer: a new output of each type starts from
 * values that say what to fill in, and reordering keeps every output's id.
 */

import type { Output } from '../actions/definition';

export type OutputType = Output['type'];

/** An id like `email`, `email-2` that no output of the action has. */
export function freeOutputId(type: OutputType, outputs: readonly Output[]): string {
	const taken = new Set(outputs.map((output) => output.id));
	if (!taken.has(type)) return type;
	for (let n = 2; ; n++) if (!taken.has(`${type}-${n}`)) return `${type}-${n}`;
}

/** A new output of `type`; an email's To starts empty, for a column to be dropped in. */
export function newOutput(type: OutputType, outputs: readonly Output[]): Output {
	const id = freeOutputId(type, outputs);
	switch (type) {
		case 'http':
			return {
				id,
				type,
				mode: 'per-row',
				request: {
					method: 'POST',
					url: 'https://example.com/api',
					headers: { 'Content-Type': 'application/json' },
					bodyType: 'json',
					body: '{}'
				}
			};
		case 'email':
			return {
				id,
				type,
				mode: 'per-row',
				smtp: 'mail',
				email: { from: 'pushmap@example.com', to: '', subject: 'A new push', text: '' }
			};
		case 'form':
			return {
				id,
				type,
				mode: 'once',
				form: { layout: 'record', fields: [], submitTo: [] }
			};
		case 'page':
			return { id, type, mode: 'once', page: { template: '<p>{{rowCount}} rows</p>' } };
	}
}

/** The list with the item at `from` moved to `to`; out-of-range moves change nothing. */
export function moveItem<T>(items: readonly T[], from: number, to: number): T[] {
	const list = [...items];
	if (from < 0 || from >= list.length || to < 0 || to >= list.length || from === to) return list;
	const [item] = list.splice(from, 1);
	list.splice(to, 0, item);
	return list;
}
