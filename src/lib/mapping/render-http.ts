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
	const headers: Array<[string, string]> = [];
	for (const name of Object.keys(request.headers ?? {})) {
		const value = job.field(`request.headers.${name}`, context);
		headers.push([name, stripHeaderBreaks(value ?? '')]);
	}
	const body = request.body === undefined ? null : job.field('request.body', context);
	const bodyType = bodyTypeOf(output);
	if (bodyType === 'json' && body !== null) {
		checkJson(job, body);
	}
	return { method: request.method, url, headers: Object.fromEntries(headers), body, bodyType };
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
	let parsed: URL;
	try {
		parsed = new URL(url);
	} catch {
		job.report(
			'invalid-url',
			`${job.where()}the rendered URL "${url}" is not an absolute URL.`,
			'request.url'
		);
		return url;
	}
	if (parsed.protocol !== 'http:' && parsed.protocol !== 'https:') {
		job.report(
			'invalid-url',
			`${job.where()}the rendered URL "${url}" must start with http:// or https://.`,
			'request.url'
		);
	}
	for (const name of Object.keys(query ?? {})) {
		const value = job.field(`request.query.${name}`, context);
		if (value !== null) {
			parsed.searchParams.append(name, value);
		}
	}
	return parsed.href;
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
	const contentType = Object.entries(request.headers ?? {}).find(
		([name]) => name.toLowerCase() === 'content-type'
	)?.[1];
	if (contentType === undefined || /json/i.test(contentType)) {
		return 'json';
	}
	return /x-www-form-urlencoded/i.test(contentType) ? 'form' : 'text';
}
