/**
 * The published version of each action, compiled once and kept for a moment, so a burst of
 * pushes costs no lookup and no compile each. A publish on this instance is seen at once;
 * one on another instance within CACHE_MS.
 */

import { compileAction, type CompiledAction } from '../../mapping/compile-action';
import type { Database } from '../db/client';
import { findPublished, type PublishedAction } from './store';

const CACHE_MS = 1_000;

export interface LiveAction extends PublishedAction {
	compiled: CompiledAction;
}

const bySlug = new Map<string, { at: number; action: LiveAction | null }>();
const compiledByVersion = new Map<string, CompiledAction>();

export async function findLiveAction(db: Database, slug: string): Promise<LiveAction | null> {
	const cached = bySlug.get(slug);
	if (cached && Date.now() - cached.at < CACHE_MS) return cached.action;

	const published = await findPublished(db, slug);
	const action = published && { ...published, compiled: compiledFor(published) };
	bySlug.set(slug, { at: Date.now(), action });
	return action;
}

/** Called when an action changes on this instance. */
export function forgetLiveAction(slug: string) {
	bySlug.delete(slug);
}

function compiledFor(published: PublishedAction): CompiledAction {
	const key = `${published.actionId}:${published.version}`;
	let compiled = compiledByVersion.get(key);
	if (!compiled) {
		// Versions are immutable, so a compiled one never goes stale; keep the recent ones.
		if (compiledByVersion.size >= 500)
			compiledByVersion.delete(compiledByVersion.keys().next().value!);
		compiled = compileAction(published.definition);
		compiledByVersion.set(key, compiled);
	}
	return compiled;
}
