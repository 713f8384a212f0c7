import { json } from '@sveltejs/kit';
import { asc } from 'drizzle-orm';
import { credentials } from '$lib/server/db/schema';
import { runtime } from '$lib/server/runtime';

/** Names, types and public fields only: secrets never leave the server. */
export const GET = async () => {
	const rows = await runtime()
		.db.select({
			name: credentials.name,
			type: credentials.type,
			publicFields: credentials.publicFields,
			updatedAt: credentials.updatedAt
		})
		.from(credentials)
		.orderBy(asc(credentials.name));
	return json({ credentials: rows });
};
