import { type Handle, type HandleServerError, type ServerInit } from '@sveltejs/kit';
import { randomUUID } from 'node:crypto';
import { allows, requiredAccess } from '$lib/server/auth/access';
import { findTokenUser } from '$lib/server/auth/api-tokens';
import { findSessionUser, SESSION_COOKIE } from '$lib/server/auth/session';
import { hasAdmin } from '$lib/server/auth/users';
import { jsonError } from '$lib/server/http';
import { log } from '$lib/server/log';
import { httpDuration, httpRequests } from '$lib/server/metrics';
import { startRetentionPurge } from '$lib/server/runs/log/purge';
import { runtime, startRuntime, stopRuntime } from '$lib/server/runtime';

export const init: ServerInit = async () => {
	const { db, config } = await startRuntime(undefined, { deliver: true });
	const purge = startRetentionPurge(db, config.runRetentionDays);
	process.once('sveltekit:shutdown', () => {
		drained()
			.then(purge.stop)
			.then(stopRuntime)
			.catch((error) => log.error({ err: error }, 'the runtime did not stop cleanly'));
	});
};

// The adapter reports shutdown once connections close, which can be before the requests
// on them finish (a client that hung up); the runtime stays until those finish too.
let requestsInFlight = 0;
const SHUTDOWN_GRACE_MS = 10_000;

async function drained(): Promise<void> {
	const deadline = Date.now() + SHUTDOWN_GRACE_MS;
	while (requestsInFlight > 0 && Date.now() < deadline) {
		await new Promise((resolve) => setTimeout(resolve, 25));
	}
}

/** Once an admin exists it always will (the last admin cannot be removed), so cache it. */
let setupDone = false;

export const handle: Handle = async ({ event, resolve }) => {
	const started = performance.now();
	event.locals.requestId = requestIdFrom(event.request.headers);

	requestsInFlight++;
	let response: Response;
	try {
		response = await guard({ event, resolve });
	} finally {
		requestsInFlight--;
	}

	const route = event.route.id ?? 'unmatched';
	const seconds = (performance.now() - started) / 1000;
	httpRequests.inc({ method: event.request.method, route, status: response.status });
	httpDuration.observe({ method: event.request.method, route }, seconds);
	log.info(
		{
			requestId: event.locals.requestId,
			method: event.request.method,
			path: event.url.pathname,
			route,
			status: response.status,
			ms: Math.round(seconds * 1000),
			user: event.locals.user?.id
		},
		'request'
	);
	response.headers.set('x-request-id', event.locals.requestId);
	return response;
};

const guard: Handle = async ({ event, resolve }) => {
	const { db } = runtime();
	const access = requiredAccess(event.url.pathname);
	event.locals.user = await identify(event);

	if (access !== 'public' && !setupDone) {
		setupDone = await hasAdmin(db);
		if (!setupDone) return seeOther('/setup');
	}

	if (!sameOriginOrExempt(event)) {
		return jsonError(403, 'cross-origin', 'This request came from another site and was refused.');
	}

	if (access === 'public') return resolve(event);

	const isApi = event.url.pathname.startsWith('/api/');
	const user = event.locals.user;
	if (!user) {
		if (isApi) {
			return jsonError(
				401,
				'unauthenticated',
				'Sign in, or send an API token as "Authorization: Bearer pm_…".'
			);
		}
		return seeOther(`/login?next=${encodeURIComponent(event.url.pathname + event.url.search)}`);
	}
	if (!allows(user.role, access)) {
		const message = 'Only admins can do this. Ask an admin to change your role if you need to.';
		if (isApi) return jsonError(403, 'forbidden', message);
		return new Response(message, { status: 403, headers: { 'content-type': 'text/plain' } });
	}
	return resolve(event);
};

async function identify(event: Parameters<Handle>[0]['event']) {
	const { db } = runtime();
	const authorization = event.request.headers.get('authorization');
	if (authorization?.startsWith('Bearer ') && event.url.pathname.startsWith('/api/')) {
		return findTokenUser(db, authorization.slice('Bearer '.length).trim());
	}
	const token = event.cookies.get(SESSION_COOKIE);
	return token ? findSessionUser(db, token) : null;
}

/**
 * SvelteKit's origin check is off so that action endpoints take cross-origin pushes; every
 * other state-changing request made with a cookie must come from this site.
 */
function sameOriginOrExempt(event: Parameters<Handle>[0]['event']): boolean {
	const method = event.request.method;
	if (method === 'GET' || method === 'HEAD' || method === 'OPTIONS') return true;
	if (event.url.pathname.startsWith('/a/')) return true;
	// The demo billing sink receives this server's own deliveries, which send no Origin.
	if (event.url.pathname.startsWith('/demo/sink/')) return true;
	if (event.locals.user?.via === 'token') return true;
	const origin = event.request.headers.get('origin');
	return origin === event.url.origin;
}

/** Returned rather than thrown, so the request is still logged and counted. */
function seeOther(location: string): Response {
	return new Response(null, { status: 303, headers: { location } });
}

function requestIdFrom(headers: Headers): string {
	const given = headers.get('x-request-id');
	return given && /^[\w.-]{8,64}$/.test(given) ? given : randomUUID();
}

export const handleError: HandleServerError = ({ error, event, status, message }) => {
	if (status === 404) return { message: 'Not found', requestId: event.locals.requestId };
	log.error(
		{ err: error, requestId: event.locals.requestId, route: event.route.id, status },
		'unexpected error'
	);
	return {
		message: status >= 500 ? 'Something went wrong on our side. The error was logged.' : message,
		requestId: event.locals.requestId
	};
};
