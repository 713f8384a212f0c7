import { json } from '@sveltejs/kit';
import { desc } from 'drizzle-orm';
import { runs } from '$lib/server/db/schema';
import { runtime } from '$lib/server/runtime';

export const GET = async () => {
	const rows = await runtime()
		.db.select({
			id: runs.id,
			actionId: runs.actionId,
			status: runs.status,
			receivedAt: runs.receivedAt,
			rowCount: runs.rowCount
		})
		.from(runs)
		.orderBy(desc(runs.receivedAt), desc(runs.id))
		.limit(50);
	return json({ runs: rows });
};
