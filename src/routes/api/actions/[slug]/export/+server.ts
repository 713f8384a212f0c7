import { findAction, findVersion } from '$lib/server/actions/store';
import { jsonError } from '$lib/server/http';
import { runtime } from '$lib/server/runtime';

/** The definition alone, as a file to save: the draft, or `?version=N`. */
export const GET = async ({ params, url }) => {
	const { db } = runtime();
	const action = await findAction(db, params.slug);
	if (!action) return jsonError(404, 'not-found', `There is no action "${params.slug}".`);

	const version = url.searchParams.get('version');
	const definition =
		version === null
			? action.draft
			: (await findVersion(db, action.id, Number(version)))?.definition;
	if (!definition) {
		return jsonError(404, 'version-not-found', `"${params.slug}" has no version ${version}.`);
	}
	const name = version === null ? action.slug : `${action.slug}-v${version}`;
	return new Response(JSON.stringify(definition, null, 2) + '\n', {
		headers: {
			'content-type': 'application/json',
			'content-disposition': `attachment; filename="${name}.json"`
		}
	});
};
