/** What the run log's routes read from requests: filters, chosen runs, who acts. */

import type { RequestEvent } from '@sveltejs/kit';
import { isRunId } from '../../../runs/cursor';
import { parseRunFilters, type RunFilters } from '../../../runs/filters';
import { jsonError } from '../../http';

export function filtersFrom(
	url: URL
): { ok: true; filters: RunFilters } | { ok: false; response: Response } {
	const parsed = parseRunFilters(url.searchParams);
	if (parsed.ok) return parsed;
	return { ok: false, response: jsonError(400, 'invalid-filter', parsed.message) };
}

/** The run ids chosen, as repeated `id` parameters or one comma-separated list. */
export function idsFrom(params: URLSearchParams): string[] {
	return params
		.getAll('id')
		.flatMap((value) => value.split(','))
		.map((id) => id.trim())
		.filter(isRunId);
}

/** A replay is a push made by a person in the run log: it is recorded as coming from them. */
export function replayOrigin(event: Pick<RequestEvent, 'request' | 'getClientAddress' | 'locals'>) {
	return {
		clientAddress: event.getClientAddress(),
		userAgent: event.request.headers.get('user-agent')?.slice(0, 500) ?? null,
		authMethod: `replay by ${event.locals.user?.email ?? 'unknown'}`
	};
}

/** A JSON body that may be empty (scripts often send none). */
export async function optionalJson(
	request: Request
): Promise<{ ok: true; value: Record<string, unknown> } | { ok: false; response: Response }> {
	const text = await request.text();
	if (text.trim() === '') return { ok: true, value: {} };
	try {
		const value = JSON.parse(text) as unknown;
		if (typeof value === 'object' && value !== null && !Array.isArray(value)) {
			return { ok: true, value: value as Record<string, unknown> };
		}
	} catch {
		// Answered below.
	}
	return { ok: false, response: jsonError(400, 'invalid-json', 'Send a JSON object, or no body.') };
}
