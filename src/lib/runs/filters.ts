/**
 * The run log's filters, read from a URL's query string so the list, the chart, the live
 * updates, the export and the JSON API all understand the same links.
 */

export const RUN_STATUSES = [
	'received',
	'running',
	'succeeded',
	'partly-failed',
	'failed',
	'rejected'
] as const;

/** A run status, or `test` for the designer's test sends. */
export type StatusFilter = (typeof RUN_STATUSES)[number] | 'test';

export const STATUS_FILTERS: StatusFilter[] = [...RUN_STATUSES, 'test'];

export interface RunFilters {
	/** An action's slug. */
	action: string | null;
	status: StatusFilter | null;
	from: Date | null;
	to: Date | null;
	/** Words to find in payloads and error messages. */
	text: string | null;
}

export const NO_FILTERS: RunFilters = {
	action: null,
	status: null,
	from: null,
	to: null,
	text: null
};

export type ParsedFilters = { ok: true; filters: RunFilters } | { ok: false; message: string };

export function parseRunFilters(params: URLSearchParams): ParsedFilters {
	const status = params.get('status') || null;
	if (status && !STATUS_FILTERS.includes(status as StatusFilter)) {
		return { ok: false, message: `Status must be one of ${STATUS_FILTERS.join(', ')}.` };
	}
	const from = parseTime(params.get('from'));
	const to = parseTime(params.get('to'));
	if (from === undefined || to === undefined) {
		return { ok: false, message: 'Times must be dates like 2025-03-01T10:42 (UTC).' };
	}
	if (from && to && from > to) return { ok: false, message: 'The range starts after it ends.' };
	return {
		ok: true,
		filters: {
			action: params.get('action')?.trim() || null,
			status: status as StatusFilter | null,
			from,
			to,
			text: params.get('q')?.trim().slice(0, 200) || null
		}
	};
}

/** Null for an empty value, undefined for one that is not a time. Times without a zone are UTC. */
function parseTime(value: string | null): Date | null | undefined {
	if (!value) return null;
	const dated = /^\d{4}-\d{2}-\d{2}$/.test(value) ? `${value}T00:00` : value;
	const zoned = /[zZ]|[+-]\d\d:?\d\d$/.test(dated) ? dated : `${dated}Z`;
	const time = new Date(zoned);
	return Number.isNaN(time.getTime()) ? undefined : time;
}

/** The query string for these filters, for links and for the live updates' URL. */
export function filterQuery(filters: RunFilters): URLSearchParams {
	const params = new URLSearchParams();
	if (filters.action) params.set('action', filters.action);
	if (filters.status) params.set('status', filters.status);
	if (filters.from) params.set('from', filters.from.toISOString());
	if (filters.to) params.set('to', filters.to.toISOString());
	if (filters.text) params.set('q', filters.text);
	return params;
}

/**
 * The words of a search as a full-text query in which each word may begin a longer one
 * ("glob" finds "Globex"). Only letters, digits and a few joiners are kept, so a person's
 * input cannot be read as query syntax.
 */
export function searchQuery(text: string): string | null {
	const words = text
		.toLowerCase()
		.split(/[^\p{L}\p{N}@._-]+/u)
		.map((word) => word.replace(/^[._-]+|[._-]+$/g, ''))
		.filter(Boolean)
		.slice(0, 8);
	if (words.length === 0) return null;
	return words.map((word) => `'${word}':*`).join(' & ');
}
