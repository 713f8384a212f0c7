/**
 * A push, from request to response: find the action, hold back floods, authenticate,
 * answer repeated idempotency keys, read and assess the body, and record the run before
 * answering. Every answer, good or bad, is `{ runId, status, warnings, rowCount, outputs }`
 * or `{ error: { code, message, details } }`.
 */

import type { ActionDefinition } from '../../actions/definition';
import { renderAction } from '../../mapping/render';
import { findLiveAction, type LiveAction } from '../actions/published-cache';
import { log } from '../log';
import { pushAuthFailures, pushesTotal, pushRows } from '../metrics';
import { runtime } from '../runtime';
import { openCredential } from '../secrets/credentials';
import { endpointSecret } from '../secrets/credential-types';
import { assessPush } from './assess';
import { checkPushAuth, DEFAULT_HMAC_TOLERANCE_SECONDS } from './endpoint-auth';
import { readPushBody, type PushBody } from './push-body';
import { takePush } from './rate-limit';
import { findIdempotentResponse, recordSignature, type StoredResponse } from './record';
import { errorBody } from './push-errors';
import { recordPush } from './record-push';

export const DEFAULT_PUSHES_PER_MINUTE = 600;

export interface IncomingPush {
	slug: string;
	request: Request;
	url: URL;
	clientAddress: string;
	/** Render every output and answer with them, without recording or sending anything. */
	dryRun: boolean;
}

/**
 * An action a push runs on: the published version, or, for a designer's "Send test", the
 * compiled draft, which has no version number.
 */
export type RunnableAction = Omit<LiveAction, 'version'> & { version: number | null };

export interface PushReply {
	status: number;
	body: unknown;
	headers: Record<string, string>;
}

export async function receivePush(push: IncomingPush): Promise<PushReply> {
	const { db } = runtime();
	const action = await findLiveAction(db, push.slug);
	if (!action) {
		return errorReply(
			404,
			'action-not-found',
			`No published action has the slug "${push.slug}". Check the URL of the custom action in your BI tool.`
		);
	}
	const { definition } = action;

	const wait = takePush(
		action.actionId,
		definition.limits?.pushesPerMinute ?? DEFAULT_PUSHES_PER_MINUTE
	);
	if (wait > 0) {
		pushesTotal.inc({ action: push.slug, outcome: 'rate-limited' });
		return errorReply(
			429,
			'rate-limited',
			`This action takes no more pushes right now. Try again in ${wait} s.`,
			undefined,
			{
				'retry-after': String(wait)
			}
		);
	}

	// A signature covers the body, so a signed push is read before it is checked; other
	// methods are checked first, so an unauthenticated sender cannot make us read 20 MB.
	const maxBytes = definition.limits?.maxPushBytes ?? runtime().config.maxPushBytes;
	let body: PushBody | undefined;
	if (definition.auth.type === 'hmac') body = await readPushBody(push.request, maxBytes);
	const auth = await authenticate(push, action, body);
	if (!auth.ok) return auth.reply;

	const key = idempotencyKey(push.request.headers);
	if (key) {
		const earlier = await findIdempotentResponse(db, action.actionId, key);
		if (earlier) return replayed(earlier);
	}

	body ??= await readPushBody(push.request, maxBytes);
	if (push.dryRun) return dryRunReply(action, body);
	return recordAndReply(push, action, auth.method, key, body);
}

async function authenticate(
	push: IncomingPush,
	action: RunnableAction,
	body: PushBody | undefined
): Promise<{ ok: true; method: string } | { ok: false; reply: PushReply }> {
	const { db, secretKey } = runtime();
	const auth = action.definition.auth;
	if (body && !body.ok && body.status === 413) {
		// Too large to verify its signature: refuse without recording, as for any unsigned push.
		return { ok: false, reply: errorReply(413, body.code, body.message) };
	}

	const tolerance =
		(auth.type === 'hmac' && auth.toleranceSeconds) || DEFAULT_HMAC_TOLERANCE_SECONDS;
	const check = await checkPushAuth(auth, {
		headers: push.request.headers,
		url: push.url,
		body: body?.text ?? '',
		now: Date.now(),
		async secret(name) {
			const credential = await openCredential(db, secretKey, name);
			return credential && endpointSecret(credential.type, credential.secretFields);
		},
		firstSighting: (signature) => recordSignature(db, signature, 2 * tolerance * 1000)
	});
	if (check.ok) return check;

	pushAuthFailures.inc({ action: push.slug });
	log.warn(
		{ action: push.slug, client: push.clientAddress, reason: check.reason },
		'push refused: authentication failed'
	);
	return {
		ok: false,
		reply: errorReply(
			401,
			'unauthorized',
			'This action needs valid credentials. Check the authentication set on the custom action in your BI tool.',
			undefined,
			challenge(action.definition)
		)
	};
}

async function recordAndReply(
	push: IncomingPush,
	action: RunnableAction,
	authMethod: string,
	key: string | null,
	body: PushBody
): Promise<PushReply> {
	const recorded = await recordPush(action, body, {
		clientAddress: push.clientAddress,
		userAgent: push.request.headers.get('user-agent')?.slice(0, 500) ?? null,
		authMethod,
		idempotencyKey: key
	});
	if (recorded.raced) return replayed(recorded.raced);

	pushesTotal.inc({ action: push.slug, outcome: recorded.status < 400 ? 'accepted' : 'rejected' });
	if (recorded.rowCount !== null && recorded.status < 400) pushRows.observe(recorded.rowCount);
	log.info(
		{ action: push.slug, runId: recorded.runId, status: recorded.status, rows: recorded.rowCount },
		'push recorded'
	);
	return { status: recorded.status, body: recorded.body, headers: {} };
}

/** `?dryRun=1`: everything a push would render, nothing recorded, queued or sent. */
function dryRunReply(action: RunnableAction, body: PushBody): PushReply {
	if (!body.ok) return errorReply(body.status, body.code, body.message);
	const assessment = assessPush(body.value, action.definition);
	if (!assessment.accepted) {
		return {
			status: assessment.status,
			body: errorBody(
				assessment.problem.code,
				assessment.problem.message,
				assessment.problem.details
			),
			headers: {}
		};
	}
	const rendering = renderAction(action.compiled, assessment.table, { now: new Date() });
	return {
		status: 200,
		body: {
			runId: null,
			status: 'dry-run',
			warnings: assessment.warnings,
			rowCount: assessment.table.rows.length,
			rowsKept: rendering.rowsKept,
			outputs: rendering.outputs,
			...(rendering.page ? { page: rendering.page } : {}),
			problems: rendering.problems
		},
		headers: {}
	};
}

function idempotencyKey(headers: Headers): string | null {
	const key = (headers.get('idempotency-key') ?? headers.get('webhook-id'))?.trim();
	return key ? key.slice(0, 255) : null;
}

function replayed(earlier: StoredResponse): PushReply {
	return { status: earlier.status, body: earlier.body, headers: { 'idempotent-replayed': 'true' } };
}

function challenge(definition: ActionDefinition): Record<string, string> {
	if (definition.auth.type === 'basic')
		return { 'www-authenticate': 'Basic realm="pushmap", charset="UTF-8"' };
	if (definition.auth.type === 'bearer') return { 'www-authenticate': 'Bearer realm="pushmap"' };
	return {};
}

function errorReply(
	status: number,
	code: string,
	message: string,
	details?: unknown,
	headers: Record<string, string> = {}
): PushReply {
	return { status, body: errorBody(code, message, details), headers };
}
