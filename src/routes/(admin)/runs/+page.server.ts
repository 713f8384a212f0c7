import { desc, eq } from 'drizzle-orm';
import { actions, runs } from '$lib/server/db/schema';
import { runtime } from '$lib/server/runtime';

export const load = async () => {
	const rows = await runtime()
		.db.select({
			id: runs.id,
			status: runs.status,
			receivedAt: runs.receivedAt,
			rowCount: runs.rowCount,
			action: actions.label
		})
		.from(runs)
		.leftJoin(actions, eq(actions.id, runs.actionId))
		.orderBy(desc(runs.receivedAt), desc(runs.id))
		.limit(50);
	return { runs: rows };
};
