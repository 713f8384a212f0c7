import { json } from '@sveltejs/kit';
import { isRunId } from '$lib/runs/cursor';
import { jsonError } from '$lib/server/http';
import { dryReplayRun, replayRun } from '$lib/server/runs/log/replay';
import { optionalJson, replayOrigin } from '$lib/server/runs/log/requests';
import { runtime } from '$lib/server/runtime';

/**
 * Replays the run's payload as a new run: `{ "version": "current" | "original" }` (default
 * current). With `"dryRun": true`, records nothing and answers with each output's
 * differences from what the run sent.
 */
export const POST = async (event) => {
	const { params, request } = event;
	if (!isRunId(params.id)) return jsonError(404, 'not-found', `There is no run ${params.id}.`);
	const body = await optionalJson(request);
	if (!body.ok) return body.response;
	const version = body.value.version ?? 'current';
	if (version !== 'current' && version !== 'original') {
		return jsonError(400, 'invalid-version', 'version must be "current" or "original".');
	}

	const { db } = runtime();
	if (body.value.dryRun === true) {
		const dry = await dryReplayRun(db, params.id, version);
		if (!dry.ok) return jsonError(dry.status, dry.code, dry.message);
		return json(dry);
	}
	const replayed = await replayRun(db, params.id, version, replayOrigin(event));
	if (!replayed.ok) return jsonError(replayed.status, replayed.code, replayed.message);
	return json(replayed, { status: 201 });
};
