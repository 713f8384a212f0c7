import { error, fail, redirect } from '@sveltejs/kit';
import { diffDefinitions } from '$lib/designer/diff';
import { findAction, findVersion, listVersions, saveAction } from '$lib/server/actions/store';
import { runtime } from '$lib/server/runtime';

/**
 * The published versions, each with what changed from the one before it, and what the
 * draft changes from the published version.
 */
export const load = async ({ params }) => {
	const { db } = runtime();
	const action = await findAction(db, params.slug);
	if (!action) error(404, `There is no action "${params.slug}".`);

	const versions = await listVersions(db, action.id);
	const definitions = await Promise.all(
		versions.map(async (v) => (await findVersion(db, action.id, v.version))!.definition)
	);
	return {
		slug: action.slug,
		label: action.label,
		publishedVersion: action.publishedVersion,
		draftChanges: definitions[0] ? diffDefinitions(definitions[0], action.draft) : null,
		versions: versions.map((version, i) => ({
			...version,
			changes: definitions[i + 1] ? diffDefinitions(definitions[i + 1], definitions[i]) : null
		}))
	};
};

export const actions = {
	/**
	 * Rolls back by publishing an old version's definition as a new version, so history only
	 * grows and every run keeps pointing at the version it ran.
	 */
	rollback: async ({ params, request, locals }) => {
		const version = Number((await request.formData()).get('version'));
		const { db } = runtime();
		const action = await findAction(db, params.slug);
		if (!action) error(404, `There is no action "${params.slug}".`);
		const old = Number.isInteger(version) ? await findVersion(db, action.id, version) : null;
		if (!old) return fail(404, { problem: `There is no version ${version} to roll back to.` });

		const saved = await saveAction(db, old.definition, {
			publish: true,
			userId: locals.user!.id,
			expectSlug: params.slug
		});
		if (!saved.ok) return fail(400, { problem: saved.message });
		redirect(303, `/actions/${params.slug}/history?restored=${version}&as=${saved.version}`);
	}
};
