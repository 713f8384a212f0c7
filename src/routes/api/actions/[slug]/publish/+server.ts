import { json } from '@sveltejs/kit';
import { publishAction } from '$lib/server/actions/store';
import { jsonError } from '$lib/server/http';
import { runtime } from '$lib/server/runtime';

/** Publishes the draft as the next immutable version. */
export const POST = async ({ params, locals }) => {
	const published = await publishAction(runtime().db, params.slug, locals.user!.id);
	if (!published.ok) {
		return jsonError(published.status, published.code, published.message, {
			problems: published.problems
		});
	}
	return json(published);
};
