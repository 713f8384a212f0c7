import { json } from '@sveltejs/kit';
import { isDeepStrictEqual } from 'node:util';
import { prePublishChecks } from '$lib/designer/checks';
import { compileAction } from '$lib/mapping/compile-action';
import { findAction, findVersion } from '$lib/server/actions/store';
import { jsonError } from '$lib/server/http';
import { recordPush } from '$lib/server/runs/record-push';
import { readPushBody } from '$lib/server/runs/push-body';
import { runtime } from '$lib/server/runtime';

/**
 * The designer's "Send test": the posted sample push runs on the action's draft and is
 * delivered for real, as a run marked as a test. The signed-in admin stands in for the
 * endpoint's authentication, whose secret the designer never holds.
 */
export const POST = async ({ params, request, getClientAddress }) => {
	const { db, config } = runtime();
	const action = await findAction(db, params.slug);
	if (!action) return jsonError(404, 'not-found', `There is no action "${params.slug}".`);

	const { errors } = prePublishChecks(action.draft);
	if (errors.length > 0) {
		return jsonError(
			400,
			'invalid-mapping',
			`The draft cannot run: ${errors[0].path}: ${errors[0].message}`,
			{ problems: errors }
		);
	}

	const body = await readPushBody(
		request,
		action.draft.limits?.maxPushBytes ?? config.maxPushBytes
	);
	const recorded = await recordPush(
		{
			actionId: action.id,
			version: await draftVersion(action),
			definition: action.draft,
			compiled: compileAction(action.draft)
		},
		body,
		{
			clientAddress: getClientAddress(),
			userAgent: request.headers.get('user-agent')?.slice(0, 500) ?? null,
			authMethod: 'designer-test',
			idempotencyKey: null,
			test: true
		}
	);
	return json(recorded.body, { status: recorded.status });
};

/** The published version the draft is identical to, so the run records it; null otherwise. */
async function draftVersion(action: NonNullable<Awaited<ReturnType<typeof findAction>>>) {
	if (action.publishedVersion === null) return null;
	const published = await findVersion(runtime().db, action.id, action.publishedVersion);
	return published && isDeepStrictEqual(published.definition, action.draft)
		? action.publishedVersion
		: null;
}
