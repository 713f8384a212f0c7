/** Rendering a form output: its fields, with pre-filled values for one record or for each row. */

import type { FormOutput } from '../actions/definition';
import type { TemplateContext } from './context';
import type { OutputRender } from './field-render';
import { formValueField } from './output-fields';
import type { RenderedForm } from './rendered';

/**
 * Renders a form. `recordContexts` holds one context per record: the push's (or the row's)
 * for the record layout, one per kept row for the table layout.
 */
export function renderForm(
	job: OutputRender,
	output: FormOutput,
	titleContext: TemplateContext,
	recordContexts: TemplateContext[]
): RenderedForm {
	const { form } = output;
	const fields = form.fields ?? [];
	return {
		title: job.field('form.title', titleContext),
		layout: form.layout,
		fields: fields.map(({ value: _value, ...field }) => field),
		records: recordContexts.map((context) => {
			const record: Record<string, string> = {};
			for (const field of fields) {
				Object.defineProperty(record, field.name, {
					value: job.field(formValueField(field.name), context) ?? '',
					enumerable: true,
					writable: true,
					configurable: true
				});
			}
			return record;
		}),
		submitLabel: form.submitLabel ?? null,
		submitTo: form.submitTo ?? []
	};
}
