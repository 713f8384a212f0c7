import { error, fail } from '@sveltejs/kit';
import { isDeepStrictEqual } from 'node:util';
import { findAction, findVersion, publishAction } from '$lib/server/actions/store';
import { runtime } from '$lib/server/runtime';
import { listCredentials } from '$lib/server/secrets/credentials';

export const load = async ({ params, url }) => {
	const { db } = runtime();
	const action = await findAction(db, params.slug);
	if (!action) error(404, `There is no action "${params.slug}".`);
	const published =
		action.publishedVersion === null
			? null
			: await findVersion(db, action.id, action.publishedVersion);
	return {
		slug: action.slug,
		actionId: action.id,
		definition: action.draft,
		publishedVersion: action.publishedVersion,
		draftIsPublished: published ? isDeepStrictEqual(published.definition, action.draft) : false,
		origin: url.origin,
		// Names and types only: which credentials a field can refer to.
		credentials: (await listCredentials(db)).map(({ name, type }) => ({ name, type }))
	};
};

export const actions = {
	/** Publishes the saved draft as the next immutable version. */
	publish: async ({ params, locals }) => {
		const published = await publishAction(runtime().db, params.slug, locals.user!.id);
		if (!published.ok) {
			return fail(published.status, {
				problem: published.message,
				problems: published.problems ?? []
			});
		}
		return { published: published.version };
	}
};
