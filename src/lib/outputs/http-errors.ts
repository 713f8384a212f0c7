/** Turning network errors into outcomes and sentences a person can act on. */

import { describeRefusal, findRefusal } from '../server/outbound/refusal';
import type { AttemptOutcome } from './attempt';

export interface ErrorVerdict {
	outcome: AttemptOutcome;
	errorCode: string;
	error: string;
}

const DNS_CODES = new Set(['ENOTFOUND', 'EAI_AGAIN', 'EAI_NONAME', 'EAI_FAIL', 'ENODATA']);
const TIMEOUT_CODES = new Set([
	'ETIMEDOUT',
	'UND_ERR_CONNECT_TIMEOUT',
	'UND_ERR_HEADERS_TIMEOUT',
	'UND_ERR_BODY_TIMEOUT'
]);
const INVALID_CODES = new Set(['UND_ERR_INVALID_ARG', 'UND_ERR_NOT_SUPPORTED', 'ERR_INVALID_URL']);

/**
 * Judges an error from sending to `url` (already redacted). Refusals and requests that cannot
 * be built are final; timeouts, DNS failures, refused and reset connections are retried.
 */
export function judgeNetworkError(
	error: unknown,
	context: { url: string; timeoutMs: number; timedOut: boolean }
): ErrorVerdict {
	const refusal = findRefusal(error);
	if (refusal) {
		return {
			outcome: 'fail',
			errorCode: 'outbound-refused',
			error: describeRefusal(refusal, context.url)
		};
	}
	const code = errorCode(error);
	const detail = errorMessage(error);
	const host = hostOf(context.url);

	if (context.timedOut || TIMEOUT_CODES.has(code)) {
		const message = `The request to ${context.url} timed out after ${context.timeoutMs} ms.`;
		return { outcome: 'retry', errorCode: 'timeout', error: message };
	}
	if (DNS_CODES.has(code)) {
		const message = `Could not resolve ${host} (${code}). Check the host name if this keeps happening.`;
		return { outcome: 'retry', errorCode: 'dns', error: message };
	}
	if (INVALID_CODES.has(code)) {
		const message = `The request to ${context.url} could not be built: ${detail}`;
		return { outcome: 'fail', errorCode: 'invalid-request', error: message };
	}
	if (code === 'ECONNREFUSED') {
		return {
			outcome: 'retry',
			errorCode: 'network',
			error: `${host} refused the connection (ECONNREFUSED).`
		};
	}
	if (/CERT|SELF_SIGNED|UNABLE_TO_|ERR_TLS|ERR_SSL/.test(code)) {
		const message = `The TLS certificate of ${host} was not accepted (${code}): ${detail}`;
		return { outcome: 'retry', errorCode: 'tls', error: message };
	}
	const message = `The connection to ${host} failed before a complete response (${code || 'error'}): ${detail}`;
	return { outcome: 'retry', errorCode: 'network', error: message };
}

/** The most specific code in an error or the errors it wraps. */
function errorCode(error: unknown): string {
	for (let current = error, depth = 0; current && depth < 5; depth++) {
		const code = (current as { code?: unknown }).code;
		if (typeof code === 'string' && code !== 'UND_ERR_SOCKET') return code;
		current = (current as { cause?: unknown }).cause;
	}
	return (error as { code?: string } | null)?.code ?? '';
}

function errorMessage(error: unknown): string {
	return error instanceof Error ? error.message : String(error);
}

function hostOf(url: string): string {
	try {
		return new URL(url).host;
	} catch {
		return url;
	}
}
