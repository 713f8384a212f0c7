/**
 * Rules about outputs that a JSON Schema cannot state: which outputs a form may submit
 * to, options that only make sense together, and fields that must agree with each other.
 */

import { Report, isRecord, listAt, textAt } from './report';

/** Runs every output rule over each output of the definition. */
export function checkOutputs(definition: Record<string, unknown>, report: Report): void {
	const outputs = listAt(definition, 'outputs');
	const typeById = new Map<string, string | undefined>();
	for (const output of outputs) {
		const id = textAt(output, 'id');
		if (id !== undefined && !typeById.has(id)) typeById.set(id, textAt(output, 'type'));
	}

	outputs.forEach((output, index) => {
		if (!isRecord(output)) return;
		if (output.type === 'http') checkHttpOutput(output, index, report);
		if (output.type === 'email') checkEmailOutput(output, index, report);
		if (output.type === 'form') checkFormOutput(output, index, typeById, report);
	});
}

function checkHttpOutput(output: Record<string, unknown>, index: number, report: Report): void {
	const request = output.request;
	if (!isRecord(request)) return;
	const at = ['outputs', index, 'request'];

	if (request.batchSize !== undefined && output.mode !== 'per-row') {
		report.error([...at, 'batchSize'], "only applies to outputs whose mode is 'per-row'");
	}
	if (request.method === 'GET' && typeof request.body === 'string' && request.body !== '') {
		report.warn([...at, 'body'], 'is not sent: a GET request has no body');
	}
	const auth = request.auth;
	if (isRecord(auth) && auth.header !== undefined && auth.type !== 'api-key') {
		report.warn([...at, 'auth', 'header'], "is only used when the auth type is 'api-key'");
	}
}

function checkEmailOutput(output: Record<string, unknown>, index: number, report: Report): void {
	const email = output.email;
	if (!isRecord(email)) return;
	if (email.text === undefined && email.html === undefined) {
		report.error(
			['outputs', index, 'email', 'text'],
			'text or html is required: the email needs a body'
		);
	}
}

function checkFormOutput(
	output: Record<string, unknown>,
	index: number,
	typeById: Map<string, string | undefined>,
	report: Report
): void {
	const form = output.form;
	if (!isRecord(form)) return;
	const at = ['outputs', index, 'form'];

	listAt(form, 'submitTo').forEach((target, targetIndex) => {
		if (typeof target !== 'string') return;
		const where = [...at, 'submitTo', targetIndex];
		if (!typeById.has(target)) report.error(where, `no output has the id '${target}'`);
		else if (typeById.get(target) === 'form') {
			report.error(where, `'${target}' is a form; a form submits to http, email or page outputs`);
		}
	});
	checkFormFields(listAt(form, 'fields'), [...at, 'fields'], report);
}

function checkFormFields(fields: unknown[], at: (string | number)[], report: Report): void {
	const firstUse = new Map<string, number>();
	fields.forEach((field, index) => {
		if (!isRecord(field)) return;
		const where = [...at, index];
		const name = textAt(field, 'name');
		if (name !== undefined) {
			const first = firstUse.get(name);
			if (first === undefined) firstUse.set(name, index);
			else report.error([...where, 'name'], `duplicate field name '${name}' (fields[${first}])`);
		}
		checkFieldSettings(field, where, report);
	});
}

function checkFieldSettings(
	field: Record<string, unknown>,
	at: (string | number)[],
	report: Report
): void {
	if (field.type === 'select' && listAt(field, 'options').length === 0) {
		report.error([...at, 'options'], 'a select field needs at least one option');
	}
	if (field.type !== 'select' && field.options !== undefined) {
		report.warn([...at, 'options'], 'is only used by select fields');
	}
	if (typeof field.min === 'number' && typeof field.max === 'number' && field.min > field.max) {
		report.error([...at, 'max'], `must not be less than min (${field.min})`);
	}
	if (typeof field.pattern === 'string' && !compiles(field.pattern)) {
		report.error([...at, 'pattern'], 'is not a valid regular expression');
	}
}

/** Browsers check a field's pattern with the `v` flag; `u` is the nearest Node 20 has. */
function compiles(pattern: string): boolean {
	try {
		new RegExp(pattern, 'u');
		return true;
	} catch {
		return false;
	}
}
