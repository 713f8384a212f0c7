import { json } from '@sveltejs/kit';
import { findAction, listActions, saveAction } from '$lib/server/actions/store';
import { jsonError } from '$lib/server/http';
import { readJsonObject } from '$lib/server/request-body';
import { runtime } from '$lib/server/runtime';

export const GET = async () => json({ actions: await listActions(runtime().db) });

/** Creates an action from its definition and publishes it (`?publish=false`: a draft). */
export const POST = async ({ request, url, locals }) => {
	const body = await readJsonObject(request);
	if (!body.ok) return body.response;
	const { db } = runtime();
	if (typeof body.value.slug === 'string' && (await findAction(db, body.value.slug))) {
		return jsonError(
			409,
			'slug-taken',
			`An action with the slug "${body.value.slug}" exists. Choose another slug, or PUT /api/actions/${body.value.slug} to replace it.`
		);
	}

	const saved = await saveAction(db, body.value, {
		publish: url.searchParams.get('publish') !== 'false',
		userId: locals.user!.id
	});
	if (!saved.ok)
		return jsonError(saved.status, saved.code, saved.message, { problems: saved.problems });
	return json(saved, { status: 201 });
};
