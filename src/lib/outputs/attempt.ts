/** What one delivery attempt produced, as the run log keeps it. */

/** `retry`: worth trying again later; `fail`: final, trying again would fail the same way. */
export type AttemptOutcome = 'success' | 'retry' | 'fail';

/** A request as it went out, with every secret replaced by `[redacted]`. */
export interface RecordedHttpRequest {
	method: string;
	url: string;
	headers: Record<string, string>;
	body: string | null;
}

export interface AttemptResult {
	outcome: AttemptOutcome;
	/** How long the receiver asked us to wait (its Retry-After), when it said. */
	retryAfterMs?: number;
	durationMs: number;
	/** The first request of the attempt; redirects that were followed are listed below. */
	request: RecordedHttpRequest;
	/** Each redirect followed: the status that sent us on and the URL it sent us to. */
	redirects?: { status: number; url: string }[];
	responseStatus?: number;
	responseHeaders?: Record<string, string>;
	/** The first 4 KB of the response body, as text. */
	responseBody?: string;
	/**
	 * Why it did not succeed, for programs: `status`, `timeout`, `dns`, `network`, `tls`,
	 * `outbound-refused`, `invalid-request`, `too-many-redirects`, `oauth2`.
	 */
	errorCode?: string;
	/** Why it did not succeed, for people. */
	error?: string;
}
