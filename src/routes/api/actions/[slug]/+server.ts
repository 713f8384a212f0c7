import { json } from '@sveltejs/kit';
import { deleteAction, findAction, findVersion, saveAction } from '$lib/server/actions/store';
import { jsonError } from '$lib/server/http';
import { readJsonObject } from '$lib/server/request-body';
import { runtime } from '$lib/server/runtime';

/** The action's draft definition, or `?version=N` for a published version. */
export const GET = async ({ params, url }) => {
	const { db } = runtime();
	const action = await findAction(db, params.slug);
	if (!action) return notFound(params.slug);

	const version = url.searchParams.get('version');
	if (version !== null) {
		const published = await findVersion(db, action.id, Number(version));
		if (!published)
			return jsonError(404, 'version-not-found', `"${params.slug}" has no version ${version}.`);
		return json({
			slug: action.slug,
			version: published.version,
			definition: published.definition
		});
	}
	return json({
		slug: action.slug,
		publishedVersion: action.publishedVersion,
		definition: action.draft
	});
};

/** Replaces the definition and publishes it (`?publish=false`: saves the draft only). */
export const PUT = async ({ params, request, url, locals }) => {
	const body = await readJsonObject(request);
	if (!body.ok) return body.response;
	const saved = await saveAction(runtime().db, body.value, {
		publish: url.searchParams.get('publish') !== 'false',
		userId: locals.user!.id,
		expectSlug: params.slug
	});
	if (!saved.ok)
		return jsonError(saved.status, saved.code, saved.message, { problems: saved.problems });
	return json(saved);
};

export const DELETE = async ({ params }) => {
	if (!(await deleteAction(runtime().db, params.slug))) return notFound(params.slug);
	return new Response(null, { status: 204 });
};

function notFound(slug: string) {
	return jsonError(404, 'not-found', `There is no action "${slug}".`);
}
