import type { WindowSize } from '$lib/actions/definition';
import { findPublished, listActions } from '$lib/server/actions/store';
import { activeDemo } from '$lib/server/demo';
import { runtime } from '$lib/server/runtime';

/** The published actions, as a BI host lists them in an answer's ⋯ menu. */
export const load = async () => {
	const { db } = runtime();
	const listed = await listActions(db);
	const published = await Promise.all(
		listed.filter((a) => a.publishedVersion !== null).map((a) => findPublished(db, a.slug))
	);
	const actions = published
		.filter((action) => action !== null)
		.map(({ definition }) => ({
			slug: definition.slug,
			label: definition.label,
			size: (definition.window?.size ?? 'medium') as WindowSize,
			placement: definition.placement ?? 'menu',
			needsCredentials: definition.auth.type !== 'none'
		}));
	return { actions, demo: activeDemo() !== null };
};
