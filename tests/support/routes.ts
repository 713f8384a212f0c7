/**
 * Every route in src/routes, found on disk, with the URL to request it by and the methods it
 * answers. The inventory suite uses this so that a new route cannot escape its checks.
 */

import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { root } from './server';

export interface RouteEntry {
	/** The route id as SvelteKit names it, e.g. "/(admin)/users". */
	id: string;
	/** A concrete path to request. */
	path: string;
	kind: 'page' | 'endpoint';
	methods: string[];
}

const SAMPLE_PARAMS: Record<string, string> = {
	id: '00000000-0000-4000-8000-000000000000',
	token: 'no-such-invitation',
	slug: 'no-such-action',
	name: 'no-such-credential'
};

export function discoverRoutes(): RouteEntry[] {
	const base = path.join(root, 'src/routes');
	const found: RouteEntry[] = [];

	function walk(dir: string) {
		const entries = readdirSync(dir, { withFileTypes: true });
		const id = '/' + path.relative(base, dir).split(path.sep).filter(Boolean).join('/');
		const names = entries.map((e) => e.name);
		if (names.includes('+page.svelte')) {
			const actions =
				names.includes('+page.server.ts') && hasFormActions(path.join(dir, '+page.server.ts'));
			found.push({
				id,
				path: toPath(id),
				kind: 'page',
				methods: actions ? ['GET', 'POST'] : ['GET']
			});
		}
		if (names.includes('+server.ts')) {
			const source = readFileSync(path.join(dir, '+server.ts'), 'utf8');
			const methods = [...source.matchAll(/export const (GET|POST|PUT|PATCH|DELETE)\b/g)].map(
				(m) => m[1]
			);
			found.push({ id, path: toPath(id), kind: 'endpoint', methods });
		}
		for (const entry of entries) if (entry.isDirectory()) walk(path.join(dir, entry.name));
	}

	walk(base);
	return found;
}

function hasFormActions(file: string): boolean {
	return /export const actions\b/.test(readFileSync(file, 'utf8'));
}

function toPath(id: string): string {
	const concrete = id
		.split('/')
		.filter((segment) => !/^\(.+\)$/.test(segment))
		.map((segment) =>
			segment.replace(/^\[(?:\.\.\.)?(\w+)\]$/, (_, name) => SAMPLE_PARAMS[name] ?? 'x')
		)
		.join('/');
	return concrete || '/';
}
