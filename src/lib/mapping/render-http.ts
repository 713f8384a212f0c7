/** Rendering an HTTP output: URL with its query, headers, and a body that must parse as declared. */

import type { HttpOutput } from '../actions/definition';
import { stripHeaderBreaks } from './addresses';
import type { TemplateContext } from './context';
import type { OutputRender } from './field-render';
import type { RenderedHttp } from './rendered';

/** Renders one request; its problems go to `job`. */
export function renderHttp(
	job: OutputRender,
	output: HttpOutput,
	context: TemplateContext
): RenderedHttp {
	const { request } = output;
	const url = withQuery(job, job.field('request.url', context), request.query, context);
	const headers = request.headers === undefined ? {} : renderHeaders(job, request.headers, context);
	const body = request.body === undefined ? null : job.field('request.body', context);
	const bodyType = bodyTypeOf(output);
	// A body whose template always gives JSON is not parsed again for every row.
	const alwaysJson = job.compiled.templates.get('request.body')?.alwaysJson === true;
	if (bodyType === 'json' && body !== null && !alwaysJson) {
		checkJson(job, body);
	}
	return { method: request.method, url, headers, body, bodyType };
}

function renderHeaders(
	job: OutputRender,
	templates: Record<string, string>,
	context: TemplateContext
): Record<string, string> {
	const headers: Array<[string, string]> = [];
	for (const name of Object.keys(templates)) {
		const value = job.field(`request.headers.${name}`, context);
		headers.push([name, stripHeaderBreaks(value ?? '')]);
	}
	// fromEntries, not assignment: a header named __proto__ must stay a header.
	return Object.fromEntries(headers);
}

/** Adds the rendered query parameters to the rendered URL, which must be absolute http(s). */
function withQuery(
	job: OutputRender,
	url: string | null,
	query: Record<string, string> | undefined,
	context: TemplateContext
): string {
	if (url === null) {
		return '';
	}
	const names = query === undefined ? NO_NAMES : Object.keys(query);
	const checked = names.length === 0 ? checkUrlOnce(url) : checkUrl(url);
	if (checked.problem !== null) {
		job.report('invalid-url', `${job.where()}${checked.problem}`, 'request.url');
	}
	if (checked.parsed === null) {
		return url;
	}
	for (const name of names) {
		const value = job.field(`request.query.${name}`, context);
		if (value !== null) {
			checked.parsed.searchParams.append(name, value);
		}
	}
	return checked.parsed.href;
}

const NO_NAMES: readonly string[] = Object.freeze([]);

interface CheckedUrl {
	/** Null when the text is not an absolute URL. */
	parsed: URL | null;
	problem: string | null;
}

function checkUrl(url: string): CheckedUrl {
	let parsed: URL;
	try {
		parsed = new URL(url);
	} catch {
		return { parsed: null, problem: `the rendered URL "${url}" is not an absolute URL.` };
	}
	if (parsed.protocol !== 'http:' && parsed.protocol !== 'https:') {
		return { parsed, problem: `the rendered URL "${url}" must start with http:// or https://.` };
	}
	return { parsed, problem: null };
}

/**
 * Per-row outputs mostly render the same URL for every row, so the last check is kept and
 * reused for the same text. Only for URLs without query parameters: those would change it.
 */
let lastChecked: { url: string; checked: CheckedUrl } | null = null;

function checkUrlOnce(url: string): CheckedUrl {
	if (lastChecked?.url !== url) {
		lastChecked = { url, checked: checkUrl(url) };
	}
	return lastChecked.checked;
}

function checkJson(job: OutputRender, body: string): void {
	try {
		JSON.parse(body);
	} catch (error) {
		const reason = error instanceof Error ? error.message : String(error);
		job.report(
			'invalid-json-body',
			`${job.where()}the rendered body is not valid JSON (${reason}). Embed values with {{json name}} so quotes and line breaks are escaped.`,
			'request.body',
			{ body: body.slice(0, 500) }
		);
	}
}

/** The declared body type; without one, the Content-Type header decides, and JSON is the default. */
export function bodyTypeOf(output: HttpOutput): RenderedHttp['bodyType'] {
	const { request } = output;
	if (request.bodyType) {
		return request.bodyType;
	}
	if (request.headers === undefined) {
		return 'json';
	}
	const contentType = Object.entries(request.headers).find(
		([name]) => name.toLowerCase() === 'content-type'
	)?.[1];
	if (contentType === undefined || /json/i.test(contentType)) {
		return 'json';
	}
	return /x-www-form-urlencoded/i.test(contentType) ? 'form' : 'text';
}
