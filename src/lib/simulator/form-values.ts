/**
 * The values a person submits in an action's form: read from form fields named
 * `<record>:<field>`, checked against the form's fields, and typed for the rows they become.
 * Pure, so the action page (which names the inputs) and the server (which reads and checks
 * them) agree. It sits with the simulator's other action-window code; src/lib/outputs would
 * suit it too.
 */

import type { FormField } from '../actions/definition';
import type { Cell } from '../payload/types';

type Field = Omit<FormField, 'value'>;

/** The form field name of one field of one record. */
export function inputName(recordIndex: number, fieldName: string): string {
	return `${recordIndex}:${fieldName}`;
}

/** The submitted texts, one record per row of the form; a checkbox left unticked reads "false". */
export function readRecords(
	form: { get(name: string): unknown },
	fields: Field[],
	recordCount: number
): Record<string, string>[] {
	const records: Record<string, string>[] = [];
	for (let index = 0; index < recordCount; index++) {
		const record: Record<string, string> = Object.create(null);
		for (const field of fields) {
			const value = form.get(inputName(index, field.name));
			if (field.type === 'checkbox') record[field.name] = value === null ? 'false' : 'true';
			else record[field.name] = typeof value === 'string' ? value : '';
		}
		records.push(record);
	}
	return records;
}

/** What is wrong with each value, keyed by its input name; empty when all is well. */
export function checkRecords(
	fields: Field[],
	records: Record<string, string>[]
): Record<string, string> {
	const errors: Record<string, string> = {};
	records.forEach((record, index) => {
		for (const field of fields) {
			const problem = checkValue(field, (record[field.name] ?? '').trim());
			if (problem) errors[inputName(index, field.name)] = problem;
		}
	});
	return errors;
}

function checkValue(field: Field, value: string): string | null {
	if (value === '') return field.required ? `${field.label} is required.` : null;
	if (field.type === 'number') {
		const number = Number(value);
		if (!Number.isFinite(number)) return `${field.label} must be a number.`;
		if (field.min !== undefined && number < field.min)
			return `${field.label} must be at least ${field.min}.`;
		if (field.max !== undefined && number > field.max)
			return `${field.label} must be at most ${field.max}.`;
	}
	if (field.type === 'email' && !/^[^\s@]+@[^\s@]+$/.test(value))
		return `${field.label} must be an email address.`;
	if (field.type === 'date' && !/^\d{4}-\d{2}-\d{2}$/.test(value))
		return `${field.label} must be a date (YYYY-MM-DD).`;
	if (field.type === 'select' && !(field.options ?? []).includes(value))
		return `${field.label} must be one of: ${(field.options ?? []).join(', ')}.`;
	if (field.pattern && !matches(field.pattern, value))
		return `${field.label} does not have the expected form.`;
	return null;
}

function matches(pattern: string, value: string): boolean {
	try {
		return new RegExp(`^(?:${pattern})$`, 'u').test(value);
	} catch {
		// The validator checks patterns when the action is saved; a bad one blocks nothing here.
		return true;
	}
}

/** A submitted text as the cell its row carries: numbers and ticks typed, empty as null. */
export function typedValue(field: Field, value: string): Cell {
	const trimmed = value.trim();
	if (field.type === 'checkbox') return trimmed === 'true';
	if (trimmed === '') return null;
	if (field.type === 'number') return Number(trimmed);
	return field.type === 'textarea' ? value : trimmed;
}
