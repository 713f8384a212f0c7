/** What a dry run produces: each output as it would be delivered, before anything is sent. */

import type { FormField, Output } from '../actions/definition';
import type { MappingProblem } from './problems';

export interface RenderedHttp {
	method: string;
	/** The rendered URL with the query parameters added, URL-encoded. */
	url: string;
	headers: Record<string, string>;
	body: string | null;
	bodyType: 'json' | 'form' | 'text';
}

export interface RenderedEmail {
	from: string;
	to: string[];
	cc: string[];
	bcc: string[];
	replyTo: string | null;
	subject: string;
	text: string | null;
	html: string | null;
	/** The file name to attach the pushed table under as CSV, when the output asks for it. */
	attachCsv: string | null;
}

export interface RenderedForm {
	title: string | null;
	layout: 'record' | 'table';
	/** The form's fields without their value templates. */
	fields: Omit<FormField, 'value'>[];
	/** Pre-filled values by field name: one record, or one per row for the table layout. */
	records: Record<string, string>[];
	submitLabel: string | null;
	submitTo: string[];
}

export interface RenderedPage {
	html: string;
}

interface RenderedBase<T extends Output['type'], R> {
	outputId: string;
	type: T;
	mode: Output['mode'];
	/** The row this render is for (an index into the pushed rows); null for once per push. */
	rowIndex: number | null;
	/** For an HTTP output that sends rows in batches: the rows in this batch. */
	rowIndexes?: number[];
	/**
	 * Null when a template could not render; present, with problems, when it rendered but the
	 * result is unusable (a body that is not JSON, an address that is not an address).
	 */
	rendered: R | null;
	problems: MappingProblem[];
}

export type RenderedOutput =
	| RenderedBase<'http', RenderedHttp>
	| RenderedBase<'email', RenderedEmail>
	| RenderedBase<'form', RenderedForm>
	| RenderedBase<'page', RenderedPage>;
