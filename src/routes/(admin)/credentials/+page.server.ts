import { asc } from 'drizzle-orm';
import { credentials } from '$lib/server/db/schema';
import { runtime } from '$lib/server/runtime';

export const load = async () => {
	// Only names and types: secrets never leave the server.
	const rows = await runtime()
		.db.select({ name: credentials.name, type: credentials.type, updatedAt: credentials.updatedAt })
		.from(credentials)
		.orderBy(asc(credentials.name));
	return { credentials: rows };
};
