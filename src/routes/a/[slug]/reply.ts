/**
 * Reading the intake's answer for the action's page: the form to review, the result page,
 * the warnings, or the problem to explain. The answer is JSON from the server, so each
 * reader checks the shape it relies on instead of trusting it.
 */

import type { RenderedForm } from '$lib/mapping/rendered';

export interface PushReply {
	status: number;
	body: unknown;
}

export interface ShownForm {
	outputId: string;
	form: RenderedForm;
}

export interface MissingColumn {
	name: string;
	didYouMean?: string;
}

type Json = Record<string, unknown>;

function isObject(value: unknown): value is Json {
	return typeof value === 'object' && value !== null && !Array.isArray(value);
}

export function runIdOf(body: unknown): string | null {
	if (!isObject(body)) return null;
	if (typeof body.runId === 'string') return body.runId;
	const details = isObject(body.error) && isObject(body.error.details) ? body.error.details : {};
	return typeof details.runId === 'string' ? details.runId : null;
}

/** The first form output the push rendered, if the action has one. */
export function formOf(body: unknown): ShownForm | null {
	if (!isObject(body) || !Array.isArray(body.outputs)) return null;
	for (const output of body.outputs) {
		if (!isObject(output) || output.type !== 'form' || !Array.isArray(output.rendered)) continue;
		const form = output.rendered[0];
		if (isObject(form) && Array.isArray(form.fields) && Array.isArray(form.records)) {
			return { outputId: String(output.id), form: form as unknown as RenderedForm };
		}
	}
	return null;
}

export function pageHtmlOf(body: unknown): string | null {
	if (!isObject(body) || !isObject(body.page)) return null;
	return typeof body.page.html === 'string' ? body.page.html : null;
}

export function warningsOf(body: unknown): string[] {
	if (!isObject(body) || !Array.isArray(body.warnings)) return [];
	return body.warnings
		.map((warning) => (isObject(warning) ? warning.message : null))
		.filter((message): message is string => typeof message === 'string');
}

/** How many deliveries the push (or the submission) queued, over every output. */
export function deliveryCount(body: unknown): number {
	if (!isObject(body) || !Array.isArray(body.outputs)) return 0;
	return body.outputs.reduce(
		(sum, output) =>
			sum + (isObject(output) && typeof output.deliveries === 'number' ? output.deliveries : 0),
		0
	);
}

export function errorOf(body: unknown): { code: string; message: string } | null {
	if (!isObject(body) || !isObject(body.error)) return null;
	return { code: String(body.error.code ?? ''), message: String(body.error.message ?? '') };
}

/** The 422's missing columns and the columns that did arrive. */
export function missingColumnsOf(
	body: unknown
): { missing: MissingColumn[]; arrived: string[] } | null {
	if (!isObject(body) || !isObject(body.error) || body.error.code !== 'missing-columns')
		return null;
	const details = isObject(body.error.details) ? body.error.details : {};
	const missing = (Array.isArray(details.missing) ? details.missing : [])
		.filter(isObject)
		.map((column) => ({
			name: String(column.name),
			...(typeof column.didYouMean === 'string' ? { didYouMean: column.didYouMean } : {})
		}));
	const arrived = (Array.isArray(details.arrived) ? details.arrived : []).map(String);
	return { missing, arrived };
}

/**
 * The result page as an iframe document. The iframe is sandboxed without scripts or the
 * page's origin, and this policy stops the HTML from loading anything from the network:
 * a template can show what it likes, but cannot run code, read cookies or call home.
 */
export function resultDocument(html: string): string {
	return [
		'<!doctype html><html><head><meta charset="utf-8">',
		`<meta http-equiv="Content-Security-Policy" content="default-src 'none'; img-src data:; style-src 'unsafe-inline'">`,
		'<style>body{font-family:system-ui,sans-serif;font-size:15px;line-height:1.5;color:#1d2433;margin:0.75rem}</style>',
		'</head><body>',
		html,
		'</body></html>'
	].join('');
}
