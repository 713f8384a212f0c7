/**
 * The action's page: what a BI tool shows in the window it opens for the action. A GET
 * loads the page, which then gets the answer by postMessage or the legacy Data Push API
 * and pushes it to this URL as JSON (that POST reaches +server.ts). A browser form POST
 * (ThoughtSpot opening the window with the answer in a `payload` field) reaches the default
 * action below instead: SvelteKit gives POSTs that prefer text/html to the page, and every
 * other POST to +server.ts, so scripts keep getting JSON.
 */

import { error, fail, type RequestEvent } from '@sveltejs/kit';
import type { WindowSize } from '$lib/actions/definition';
import { findLiveAction } from '$lib/server/actions/published-cache';
import { submitForm } from '$lib/server/runs/form-submission';
import { receivePush } from '$lib/server/runs/intake';
import { runtime } from '$lib/server/runtime';

export const load = async ({ params }) => {
	const { db, config } = runtime();
	const action = await findLiveAction(db, params.slug);
	if (!action) {
		error(404, `No published action has the slug "${params.slug}". Check the action's URL.`);
	}
	const { definition } = action;
	return {
		action: {
			slug: definition.slug,
			label: definition.label,
			description: definition.description ?? null,
			size: (definition.window?.size ?? 'medium') as WindowSize,
			needsCredentials: definition.auth.type !== 'none'
		},
		// Hosts allowed to hand the page data by postMessage, besides the page's own origin.
		trustedOrigins: config.corsOrigins
	};
};

export const actions = {
	/**
	 * Without `?submit`: a host opened the window with the answer in a form field. With
	 * `?submit=<runId>`: the person sends the form that push showed. One default action
	 * serves both because the host posts to the bare action URL.
	 */
	default: async (event) => {
		const runId = event.url.searchParams.get('submit');
		return runId === null ? pushFromForm(event) : submitReviewedForm(event, runId);
	}
};

type Event = RequestEvent<{ slug: string }>;

async function pushFromForm(event: Event) {
	const reply = await receivePush({
		slug: event.params.slug,
		request: event.request,
		url: event.url,
		clientAddress: event.getClientAddress(),
		dryRun: false
	});
	const push = { status: reply.status, body: reply.body };
	return reply.status < 400 ? { push } : fail(reply.status, { push });
}

async function submitReviewedForm(event: Event, runId: string) {
	const form = await event.request.formData();
	const { db, worker } = runtime();
	const reply = await submitForm(
		db,
		{
			slug: event.params.slug,
			runId,
			form,
			clientAddress: event.getClientAddress(),
			userAgent: event.request.headers.get('user-agent')
		},
		() => worker?.nudge()
	);
	if (reply.ok) return { submitted: reply.body, replayed: reply.replayed };
	return fail(reply.status, {
		submitError: {
			runId,
			code: reply.code,
			message: reply.message,
			fieldErrors: reply.fieldErrors ?? {},
			records: reply.records ?? null,
			pushed: reply.pushed ?? null
		}
	});
}
