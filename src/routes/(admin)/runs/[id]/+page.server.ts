import { error, fail, redirect } from '@sveltejs/kit';
import { isRunId } from '$lib/runs/cursor';
import { cancelRun } from '$lib/server/runs/log/cancel';
import { findRunLogDetail } from '$lib/server/runs/log/detail';
import { dryReplayRun, replayRun, type ReplayVersion } from '$lib/server/runs/log/replay';
import { replayOrigin } from '$lib/server/runs/log/requests';
import { retryRun } from '$lib/server/runs/log/retry';
import { runtime } from '$lib/server/runtime';

/** Payloads larger than this are offered for download rather than shown on the page. */
const SHOWN_PAYLOAD_CHARS = 1_000_000;

export const load = async ({ params }) => {
	const detail = isRunId(params.id) ? await findRunLogDetail(runtime().db, params.id) : null;
	if (!detail) error(404, `There is no run ${params.id}.`);
	const { payload, ...run } = detail.run;
	return { ...detail, run, payload: shownPayload(payload, detail.run.payloadTruncated) };
};

function shownPayload(payload: string | null, truncated: boolean) {
	if (payload === null) return { kind: 'none' as const };
	if (payload.length > SHOWN_PAYLOAD_CHARS) return { kind: 'too-large' as const };
	if (truncated) return { kind: 'text' as const, text: payload };
	try {
		return { kind: 'text' as const, text: JSON.stringify(JSON.parse(payload), null, 2) };
	} catch {
		return { kind: 'text' as const, text: payload };
	}
}

function versionOf(form: FormData): ReplayVersion | null {
	const version = form.get('version') ?? 'current';
	return version === 'current' || version === 'original' ? version : null;
}

export const actions = {
	/** Sends the failed deliveries again and wakes the worker so they leave at once. */
	retry: async ({ params }) => {
		const { db, worker } = runtime();
		const result = await retryRun(db, params.id);
		if (!result.ok)
			return fail(result.status === 404 ? 404 : 400, {
				failed: true,
				action: 'retry',
				message: result.message
			});
		worker?.nudge();
		return {
			action: 'retry',
			message: `${result.retried} failed ${result.retried === 1 ? 'delivery is' : 'deliveries are'} being sent again.`
		};
	},

	cancel: async ({ params, locals }) => {
		const result = await cancelRun(runtime().db, params.id, locals.user!.email);
		if (!result.ok)
			return fail(result.status === 404 ? 404 : 400, {
				failed: true,
				action: 'cancel',
				message: result.message
			});
		return {
			action: 'cancel',
			message: `${result.cancelled} waiting ${result.cancelled === 1 ? 'delivery was' : 'deliveries were'} cancelled.`
		};
	},

	/** Shows what a replay would send, beside what was sent, and records nothing. */
	compare: async ({ params, request }) => {
		const version = versionOf(await request.formData());
		if (!version)
			return fail(400, {
				failed: true,
				action: 'compare',
				message: 'Choose the current version or the original one.'
			});
		const dry = await dryReplayRun(runtime().db, params.id, version);
		if (!dry.ok)
			return fail(400, { failed: true, action: 'compare', version, message: dry.message });
		return { action: 'compare', version, dry };
	},

	replay: async (event) => {
		const version = versionOf(await event.request.formData());
		if (!version)
			return fail(400, {
				failed: true,
				action: 'replay',
				message: 'Choose the current version or the original one.'
			});
		const replayed = await replayRun(runtime().db, event.params.id, version, replayOrigin(event));
		if (!replayed.ok)
			return fail(400, { failed: true, action: 'replay', version, message: replayed.message });
		redirect(303, `/runs/${replayed.runId}`);
	}
};
