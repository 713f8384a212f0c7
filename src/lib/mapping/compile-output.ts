/**
 * Compiling one output: every template it holds, and the checks on its fixed settings that
 * can be made before any push (header names, methods, layouts).
 */

import type { Output } from '../actions/definition';
import { contextOf, outputTemplateFields } from './output-fields';
import type { MappingProblem } from './problems';
import { compileTemplate, type CompiledTemplate } from './templates';

export interface CompiledOutput {
	output: Output;
	/** `row`: rendered once per kept row; `push`: once per push (or per batch of rows). */
	context: 'row' | 'push';
	/** The compiled templates by field, e.g. `request.body`. */
	templates: Map<string, CompiledTemplate>;
	problems: MappingProblem[];
}

const OUTPUT_TYPES = ['http', 'email', 'form', 'page'];
const METHODS = ['GET', 'POST', 'PUT', 'PATCH', 'DELETE'];
const BODY_TYPES = ['json', 'form', 'text'];
const HEADER_NAME = /^[!#$%&'*+\-.^_`|~0-9A-Za-z]+$/;

/** Compiles an output's templates and checks its settings; problems are returned, not thrown. */
export function compileOutput(output: Output): CompiledOutput {
	const problems: MappingProblem[] = checkSettings(output).map((problem) => ({
		...problem,
		outputId: output.id
	}));
	const templates = new Map<string, CompiledTemplate>();
	for (const field of outputTemplateFields(output)) {
		if (typeof field.source !== 'string') {
			problems.push(missing(output, field.field));
			continue;
		}
		const compiled = compileTemplate(field.source, field.mode, field.field);
		if (compiled.ok) {
			templates.set(field.field, compiled.template);
		} else {
			problems.push(...compiled.problems.map((problem) => ({ ...problem, outputId: output.id })));
		}
	}
	return { output, context: contextOf(output), templates, problems };
}

function checkSettings(output: Output): MappingProblem[] {
	if (!OUTPUT_TYPES.includes(output.type)) {
		const type = String((output as { type?: unknown }).type);
		return [
			problem(
				'unknown-output-type',
				`"${type}" is not an output type; use http, email, form or page.`
			)
		];
	}
	if (output.mode !== 'per-row' && output.mode !== 'once') {
		return [
			problem(
				'invalid-output',
				`Mode "${String(output.mode)}" is neither "per-row" nor "once".`,
				'mode'
			)
		];
	}
	switch (output.type) {
		case 'http':
			return checkHttp(output.request);
		case 'email':
			return ['from', 'to', 'subject']
				.filter((name) => output.email?.[name as 'from'] === undefined)
				.map((name) => problem('missing-field', `The email has no "${name}".`, `email.${name}`));
		case 'form':
			return checkForm(output.form);
		default:
			return [];
	}
}

function checkHttp(request: Extract<Output, { type: 'http' }>['request']): MappingProblem[] {
	if (!request) {
		return [problem('missing-field', 'The HTTP output has no request.', 'request')];
	}
	const problems: MappingProblem[] = [];
	if (!METHODS.includes(request.method)) {
		problems.push(
			problem(
				'invalid-output',
				`"${request.method}" is not an HTTP method this output can send; use ${METHODS.join(', ')}.`,
				'request.method'
			)
		);
	}
	if (request.bodyType !== undefined && !BODY_TYPES.includes(request.bodyType)) {
		problems.push(
			problem(
				'invalid-output',
				`Body type "${request.bodyType}" is none of json, form, text.`,
				'request.bodyType'
			)
		);
	}
	for (const name of Object.keys(request.headers ?? {})) {
		if (!HEADER_NAME.test(name)) {
			problems.push(
				problem(
					'invalid-header-name',
					`"${name}" is not a valid header name: use letters, digits and - only.`,
					`request.headers.${name}`
				)
			);
		}
	}
	return problems;
}

function checkForm(form: Extract<Output, { type: 'form' }>['form']): MappingProblem[] {
	if (!form) {
		return [problem('missing-field', 'The form output has no form.', 'form')];
	}
	const problems: MappingProblem[] = [];
	if (form.layout !== 'record' && form.layout !== 'table') {
		problems.push(
			problem(
				'invalid-output',
				`Layout "${String(form.layout)}" is neither "record" nor "table".`,
				'form.layout'
			)
		);
	}
	const seen = new Set<string>();
	for (const field of form.fields ?? []) {
		if (seen.has(field.name)) {
			problems.push(
				problem(
					'invalid-output',
					`Two form fields are named "${field.name}".`,
					`form.fields.${field.name}`
				)
			);
		}
		seen.add(field.name);
	}
	return problems;
}

function missing(output: Output, field: string): MappingProblem {
	return {
		code: 'missing-field',
		message: `${field} is missing, or is not text.`,
		outputId: output.id,
		field
	};
}

function problem(code: string, message: string, field?: string): MappingProblem {
	return field === undefined ? { code, message } : { code, message, field };
}
