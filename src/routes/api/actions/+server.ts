import { json } from '@sveltejs/kit';
import { asc } from 'drizzle-orm';
import { actions } from '$lib/server/db/schema';
import { runtime } from '$lib/server/runtime';

export const GET = async () => {
	const rows = await runtime()
		.db.select({
			id: actions.id,
			slug: actions.slug,
			label: actions.label,
			publishedVersion: actions.publishedVersion,
			updatedAt: actions.updatedAt
		})
		.from(actions)
		.orderBy(asc(actions.slug));
	return json({ actions: rows });
};
