import { desc } from 'drizzle-orm';
import { actions } from '$lib/server/db/schema';
import { runtime } from '$lib/server/runtime';

export const load = async ({ url }) => {
	const rows = await runtime()
		.db.select({
			slug: actions.slug,
			label: actions.label,
			publishedVersion: actions.publishedVersion,
			updatedAt: actions.updatedAt
		})
		.from(actions)
		.orderBy(desc(actions.updatedAt));
	return { actions: rows, origin: url.origin };
};
