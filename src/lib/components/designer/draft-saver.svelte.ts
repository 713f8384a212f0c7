/**
 * Saves the designer's draft on its own: a moment after the last change, as the draft of
 * the action (`PUT /api/actions/<slug>?publish=false`). A draft that fails validation is
 * not saved; its problems are shown until a change fixes them.
 */

import type { ActionDefinition } from '$lib/actions/definition';
import type { DefinitionProblem } from '$lib/actions/validate';

const SAVE_AFTER_MS = 600;

export type SaveState = 'saved' | 'unsaved' | 'saving' | 'failed';

const LABELS: Record<SaveState, string> = {
	saved: 'All changes saved',
	unsaved: 'Unsaved changes…',
	saving: 'Saving…',
	failed: 'Not saved'
};

export function createDraftSaver(slug: string, initial: ActionDefinition, publishedNow: boolean) {
	let savedJson = JSON.stringify(initial);
	let state = $state<SaveState>('saved');
	let problems = $state<DefinitionProblem[]>([]);
	let published = $state(publishedNow);
	let version = $state<number | null>(null);
	let timer: ReturnType<typeof setTimeout> | undefined;
	let pending: Promise<boolean> | null = null;

	async function save(json: string): Promise<boolean> {
		state = 'saving';
		const response = await fetch(`/api/actions/${slug}?publish=false`, {
			method: 'PUT',
			headers: { 'content-type': 'application/json' },
			body: json
		});
		if (!response.ok) {
			const body = await response.json().catch(() => null);
			problems = body?.error?.details?.problems ?? [
				{ path: '', message: body?.error?.message ?? `Saving failed with ${response.status}.` }
			];
			state = 'failed';
			return false;
		}
		if (json !== savedJson) published = false;
		savedJson = json;
		problems = [];
		state = 'saved';
		return true;
	}

	return {
		get state() {
			return state;
		},
		get label() {
			return LABELS[state];
		},
		get problems() {
			return problems;
		},
		get published() {
			return published;
		},
		get version() {
			return version;
		},
		/** Called on every change: saves once the changes stop for a moment. */
		changed(definition: ActionDefinition) {
			const json = JSON.stringify(definition);
			clearTimeout(timer);
			if (json === savedJson) return;
			state = 'unsaved';
			timer = setTimeout(() => (pending = save(json)), SAVE_AFTER_MS);
		},
		/** Saves now, if anything is unsaved; resolves to whether the draft is saved. */
		async flush(definition: ActionDefinition): Promise<boolean> {
			clearTimeout(timer);
			await pending;
			const json = JSON.stringify(definition);
			return json === savedJson ? true : save(json);
		},
		markPublished(next: number) {
			published = true;
			version = next;
		}
	};
}
