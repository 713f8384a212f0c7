import { json } from '@sveltejs/kit';
import { eq } from 'drizzle-orm';
import { runs } from '$lib/server/db/schema';
import { jsonError } from '$lib/server/http';
import { runtime } from '$lib/server/runtime';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** One run with everything recorded about it. */
export const GET = async ({ params }) => {
	if (!UUID.test(params.id)) return notFound(params.id);
	const [run] = await runtime().db.select().from(runs).where(eq(runs.id, params.id)).limit(1);
	if (!run) return notFound(params.id);
	return json({ run });
};

function notFound(id: string) {
	return jsonError(404, 'not-found', `There is no run ${id}.`);
}
