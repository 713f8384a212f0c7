import { json } from '@sveltejs/kit';
import { sql } from 'drizzle-orm';
import { migrationState } from '$lib/server/db/migrate';
import { runtime } from '$lib/server/runtime';

/** Ready to take traffic: the database answers and every migration is applied. */
export const GET = async () => {
	const { database } = runtime();
	try {
		await database.db.execute(sql`select 1`);
	} catch {
		return json(
			{ status: 'unavailable', reason: 'The database does not answer.' },
			{ status: 503 }
		);
	}
	const { expected, applied } = await migrationState(database);
	if (applied < expected) {
		return json(
			{ status: 'unavailable', reason: `${expected - applied} migration(s) not applied.` },
			{ status: 503 }
		);
	}
	return json({ status: 'ready', engine: database.engine, migrations: applied });
};
