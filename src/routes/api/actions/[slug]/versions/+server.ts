import { json } from '@sveltejs/kit';
import { findAction, listVersions } from '$lib/server/actions/store';
import { jsonError } from '$lib/server/http';
import { runtime } from '$lib/server/runtime';

/** The action's published versions, newest first. */
export const GET = async ({ params }) => {
	const { db } = runtime();
	const action = await findAction(db, params.slug);
	if (!action) return jsonError(404, 'not-found', `There is no action "${params.slug}".`);
	return json({
		slug: action.slug,
		publishedVersion: action.publishedVersion,
		versions: await listVersions(db, action.id)
	});
};
