/**
 * Where the templates of each output type sit, how each renders (escaped for HTML or not),
 * and whether it renders for one row or for the whole push. Compiling, rendering and the
 * designer's name check all read templates through this one list.
 */

import type { FormOutput, HttpOutput, Output } from '../actions/definition';
import type { RenderMode } from './templates';

export interface TemplateField {
	/** Where the template sits in its output, e.g. `request.body`, `form.fields.amount.value`. */
	field: string;
	source: string;
	mode: RenderMode;
	/** `row`: rendered with one row's columns and bindings; `push`: once for a set of rows. */
	context: 'row' | 'push';
}

/** The action's result page, rendered once per push. */
export const PAGE_FIELD = 'page.template';

/** Every template of an output, with the optional ones that are absent left out. */
export function outputTemplateFields(output: Output): TemplateField[] {
	switch (output.type) {
		case 'http':
			return httpFields(output, contextOf(output));
		case 'email':
			return emailFields(output.email, contextOf(output));
		case 'form':
			return formFields(output);
		case 'page':
			return [
				{
					field: PAGE_FIELD,
					source: output.page?.template,
					mode: 'html',
					context: contextOf(output)
				}
			];
		default:
			return [];
	}
}

/**
 * Per-row outputs render per row, except HTTP outputs that send rows in batches and table
 * forms, which render once with a record per row.
 */
export function contextOf(output: Output): 'row' | 'push' {
	if (output.mode !== 'per-row') {
		return 'push';
	}
	if (output.type === 'http') {
		return batchSizeOf(output) > 1 ? 'push' : 'row';
	}
	return output.type === 'form' && output.form?.layout === 'table' ? 'push' : 'row';
}

/** The batch size of an HTTP output; 1 when it sends each row on its own. */
export function batchSizeOf(output: HttpOutput): number {
	const size = output.request?.batchSize;
	return typeof size === 'number' && Number.isInteger(size) && size > 1 ? size : 1;
}

function httpFields(output: HttpOutput, context: 'row' | 'push'): TemplateField[] {
	const request = output.request ?? ({} as HttpOutput['request']);
	const fields: TemplateField[] = [text('request.url', request.url, context)];
	for (const [key, value] of Object.entries(request.query ?? {})) {
		fields.push(text(`request.query.${key}`, value, context));
	}
	for (const [key, value] of Object.entries(request.headers ?? {})) {
		fields.push(text(`request.headers.${key}`, value, context));
	}
	if (request.body !== undefined) {
		fields.push(text('request.body', request.body, context));
	}
	return fields;
}

const EMAIL_TEXT_FIELDS = ['from', 'to', 'cc', 'bcc', 'replyTo', 'subject', 'text'] as const;

function emailFields(email: Record<string, unknown>, context: 'row' | 'push'): TemplateField[] {
	const fields: TemplateField[] = [];
	for (const name of EMAIL_TEXT_FIELDS) {
		if (email?.[name] !== undefined) {
			fields.push(text(`email.${name}`, email[name] as string, context));
		}
	}
	if (email?.html !== undefined) {
		fields.push({ field: 'email.html', source: email.html as string, mode: 'html', context });
	}
	return fields;
}

/** A table form shows one editable record per row, so its values render per row. */
function formFields(output: FormOutput): TemplateField[] {
	const form = output.form ?? ({} as FormOutput['form']);
	const context = contextOf(output);
	const valueContext = form.layout === 'table' ? 'row' : context;
	const fields: TemplateField[] = [];
	if (form.title !== undefined) {
		fields.push(text('form.title', form.title, context));
	}
	for (const field of form.fields ?? []) {
		if (field.value !== undefined) {
			fields.push(text(formValueField(field.name), field.value, valueContext));
		}
	}
	return fields;
}

/** Where a form field's pre-filled value template sits. */
export function formValueField(name: string): string {
	return `form.fields.${name}.value`;
}

function text(field: string, source: string, context: 'row' | 'push'): TemplateField {
	return { field, source, mode: 'text', context };
}
