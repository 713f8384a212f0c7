import { existsSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

let root: string | undefined;

/**
 * The installed project's root (where package.json and drizzle/ are), found by walking up
 * from this module, so it is right from the sources and from the built server bundle alike.
 */
export function projectRoot(): string {
	if (root) return root;
	let dir = path.dirname(fileURLToPath(import.meta.url));
	while (!existsSync(path.join(dir, 'drizzle', 'meta', '_journal.json'))) {
		const parent = path.dirname(dir);
		if (parent === dir)
			throw new Error(`No Pushmap project (drizzle/ folder) above ${import.meta.url}`);
		dir = parent;
	}
	return (root = dir);
}
