/**
 * Sending one HTTP output: one attempt of a delivery, through the outbound guard, recorded
 * with its secrets redacted. Network trouble never throws; it becomes an outcome that says
 * whether another attempt could succeed.
 */

import type { OutboundGuard } from '../server/outbound/guard';
import type { AttemptResult, RecordedHttpRequest } from './attempt';
import { authHeaderNames, authSecrets, type ResolvedHttpAuth } from './http-auth';
import { judgeNetworkError, type ErrorVerdict } from './http-errors';
import { exchange, type Hop, type HopResponse } from './http-exchange';
import { replaceHeader } from './http-headers';
import { nextHop } from './http-redirect';
import { prepareRequest, type HttpRequest } from './http-request';
import { isRedirect, matchesStatus, outcomeOfStatus, parseRetryAfter } from './http-status';
import { forgetAccessToken, getAccessToken, type OAuth2Auth } from './oauth2-token';
import { redactHeaders, redactText, redactUrl } from './redact';

export type { HttpRequest } from './http-request';

export interface HttpSendOptions {
	auth?: ResolvedHttpAuth;
	/** For the whole attempt: token fetch, redirects and reading the response. */
	timeoutMs?: number;
	/** Statuses that count as success, e.g. ["2xx", "304"]. */
	successStatuses?: string[];
	/** The same for every attempt of a delivery, so the receiver can drop repeats. */
	idempotencyKey: string;
	guard: OutboundGuard;
}

export const DEFAULT_TIMEOUT_MS = 10_000;
export const MAX_REDIRECTS = 5;
const RESPONSE_BODY_LIMIT = 4096;

interface SendContext {
	guard: OutboundGuard;
	signal: AbortSignal;
	timeoutMs: number;
	successStatuses: string[];
	/** Grows as secrets appear (a fetched token), so everything recorded is redacted. */
	secrets: string[];
	credentialHeaders: string[];
}

/** What following a request through its redirects ended with. */
interface Delivery {
	redirects: { status: number; url: string }[];
	response?: HopResponse;
	verdict?: ErrorVerdict & { retryAfterMs?: number };
}

/** Sends the request once (following up to 5 redirects) and judges the answer. */
export async function sendHttpRequest(
	request: HttpRequest,
	options: HttpSendOptions
): Promise<AttemptResult> {
	const started = performance.now();
	const timeoutMs = options.timeoutMs ?? DEFAULT_TIMEOUT_MS;
	const context: SendContext = {
		guard: options.guard,
		signal: AbortSignal.timeout(timeoutMs),
		timeoutMs,
		successStatuses: options.successStatuses?.length ? options.successStatuses : ['2xx'],
		secrets: authSecrets(options.auth),
		credentialHeaders: authHeaderNames(options.auth)
	};

	const prepared = prepareRequest(request, options.auth, options.idempotencyKey);
	if (!prepared.ok) {
		const verdict: ErrorVerdict = {
			outcome: 'fail',
			errorCode: 'invalid-request',
			error: prepared.error
		};
		const hop = { ...request, url: request.url, body: request.body ?? null };
		return toAttempt(recordRequest(hop, context), { redirects: [], verdict }, started, context);
	}
	context.secrets.push(...prepared.secrets);

	const oauth = options.auth?.type === 'oauth2-client-credentials' ? options.auth : null;
	const { first, delivery } = oauth
		? await deliverWithOAuth(prepared.hop, oauth, context)
		: { first: prepared.hop, delivery: await followRedirects(prepared.hop, context) };
	return toAttempt(recordRequest(first, context), delivery, started, context);
}

/** Adds a Bearer token; when the receiver answers 401, fetches a new token and tries once more. */
async function deliverWithOAuth(
	hop: Hop,
	auth: OAuth2Auth,
	context: SendContext
): Promise<{ first: Hop; delivery: Delivery }> {
	let first = hop;
	for (let round = 0; ; round++) {
		const token = await getAccessToken(auth, context);
		if (!token.ok) {
			return { first, delivery: { redirects: [], verdict: token.verdict } };
		}
		context.secrets.push(token.token);
		first = withBearer(hop, token.token);

		const delivery = await followRedirects(first, context);
		if (delivery.response?.status !== 401 || delivery.verdict || round > 0) {
			return { first, delivery };
		}
		forgetAccessToken(auth, context.guard, token.token);
	}
}

function withBearer(hop: Hop, token: string): Hop {
	const headers = { ...hop.headers };
	replaceHeader(headers, 'Authorization', `Bearer ${token}`);
	return { ...hop, headers };
}

async function followRedirects(first: Hop, context: SendContext): Promise<Delivery> {
	const redirects: Delivery['redirects'] = [];
	let hop = first;
	for (;;) {
		let response: HopResponse;
		try {
			response = await exchange(hop, context.guard.dispatcher, context.signal, RESPONSE_BODY_LIMIT);
		} catch (error) {
			const url = redactUrl(hop.url.href, context.secrets);
			const verdict = judgeNetworkError(error, {
				url,
				timeoutMs: context.timeoutMs,
				timedOut: context.signal.aborted
			});
			return { redirects, verdict };
		}

		const location = response.headers.location;
		const follow =
			isRedirect(response.status) &&
			location &&
			!matchesStatus(response.status, context.successStatuses);
		if (!follow) {
			return { redirects, response };
		}
		if (redirects.length >= MAX_REDIRECTS) {
			const error = `Gave up after ${MAX_REDIRECTS} redirects; the last one pointed to ${redactUrl(location, context.secrets)}.`;
			return {
				redirects,
				response,
				verdict: { outcome: 'fail', errorCode: 'too-many-redirects', error }
			};
		}
		const next = nextHop(hop, response.status, location, context.credentialHeaders);
		if (!next.ok) {
			return {
				redirects,
				response,
				verdict: { outcome: 'fail', errorCode: 'invalid-request', error: next.error }
			};
		}
		redirects.push({ status: response.status, url: redactUrl(next.hop.url.href, context.secrets) });
		hop = next.hop;
	}
}

function recordRequest(
	hop: { method: string; url: URL | string; headers: Record<string, string>; body: string | null },
	context: SendContext
): RecordedHttpRequest {
	const url = typeof hop.url === 'string' ? hop.url : hop.url.href;
	return {
		method: hop.method,
		url: redactUrl(url, context.secrets),
		headers: redactHeaders(hop.headers, context.secrets, context.credentialHeaders),
		body: hop.body === null ? null : redactText(hop.body, context.secrets)
	};
}

function toAttempt(
	request: RecordedHttpRequest,
	delivery: Delivery,
	started: number,
	context: SendContext
): AttemptResult {
	const result: AttemptResult = {
		outcome: 'success',
		durationMs: Math.round(performance.now() - started),
		request
	};
	if (delivery.redirects.length > 0) result.redirects = delivery.redirects;
	if (delivery.response) Object.assign(result, recordResponse(delivery.response, context));

	const verdict =
		delivery.verdict ?? (delivery.response && judgeStatus(delivery.response, context));
	if (verdict) {
		result.outcome = verdict.outcome;
		result.errorCode = verdict.errorCode;
		result.error = verdict.error;
		if (verdict.retryAfterMs !== undefined) result.retryAfterMs = verdict.retryAfterMs;
	}
	return result;
}

function recordResponse(response: HopResponse, context: SendContext) {
	return {
		responseStatus: response.status,
		responseHeaders: redactHeaders(response.headers, context.secrets),
		responseBody: redactText(response.body, context.secrets)
	};
}

/** Null for a success; otherwise why not, and whether (and when) to try again. */
function judgeStatus(
	response: HopResponse,
	context: SendContext
): (ErrorVerdict & { retryAfterMs?: number }) | null {
	const outcome = outcomeOfStatus(response.status, context.successStatuses);
	if (outcome === 'success') {
		return null;
	}
	const expected = context.successStatuses.join(', ');
	const next = outcome === 'retry' ? 'It will be retried.' : 'Retrying would get the same answer.';
	return {
		outcome,
		errorCode: 'status',
		error: `The receiver answered ${response.status}, which is not a success status (${expected}). ${next}`,
		retryAfterMs: outcome === 'retry' ? parseRetryAfter(response.headers['retry-after']) : undefined
	};
}
