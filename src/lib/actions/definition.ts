/**
 * The action definition: the one JSON document the designer edits, `export` writes and
 * `import` reads. Field names here are a contract with users' files; add, never rename.
 * The JSON Schema beside this file describes the same shape for other tools.
 */

import type { ColumnType } from '../payload/types';

export type WindowSize = 'small' | 'medium' | 'large';
export type Placement = 'menu' | 'primary' | 'context-menu';

/** How a pushing host proves itself. Secrets are credential names, never values. */
export type EndpointAuth =
	| { type: 'none' }
	| { type: 'basic'; username: string; secret: string }
	| { type: 'bearer'; secret: string }
	| { type: 'api-key-header'; secret: string; header?: string }
	| { type: 'api-key-query'; secret: string; param: string }
	| { type: 'hmac'; secret: string; toleranceSeconds?: number };

export interface ExpectedColumn {
	name: string;
	required?: boolean;
	aliases?: string[];
	type?: Exclude<ColumnType, 'unknown'>;
}

export interface Binding {
	name: string;
	/** JSONPath, evaluated without script support. */
	path: string;
	/** `row`: over one row's columns; `push`: over the whole push. */
	scope: 'row' | 'push';
}

export type FilterOp =
	| 'eq'
	| 'neq'
	| 'gt'
	| 'gte'
	| 'lt'
	| 'lte'
	| 'contains'
	| 'starts-with'
	| 'is-empty'
	| 'not-empty'
	| 'within-last-days'
	| 'within-next-days';

export interface FilterCondition {
	column: string;
	op: FilterOp;
	value?: string | number | boolean;
}

export type RowFilter = { all: RowFilterNode[] } | { any: RowFilterNode[] };
export type RowFilterNode = FilterCondition | RowFilter;

/** Retries for one output; defaults apply where a field is missing. */
export interface RetryPolicy {
	attempts?: number;
	/** First backoff; each later one doubles, with jitter. */
	initialDelaySeconds?: number;
}

interface OutputBase {
	id: string;
	label?: string;
	/** `per-row`: one delivery per row that passes the filter; `once`: one per push. */
	mode: 'per-row' | 'once';
	retry?: RetryPolicy;
}

/** Credential-backed authentication for an outgoing request. */
export interface OutgoingAuth {
	type: 'basic' | 'bearer' | 'api-key' | 'oauth2-client-credentials';
	/** The name of a stored credential. */
	secret: string;
	/** For `api-key`: the header that carries it (default `X-API-Key`). */
	header?: string;
}

export interface HttpOutput extends OutputBase {
	type: 'http';
	request: {
		method: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
		/** Templates, like every string below. */
		url: string;
		query?: Record<string, string>;
		headers?: Record<string, string>;
		/** How `body` is sent; `json` bodies must parse once rendered. */
		bodyType?: 'json' | 'form' | 'text';
		body?: string;
		auth?: OutgoingAuth;
		timeoutMs?: number;
		/** Statuses that count as success, e.g. ["2xx", "304"]; default ["2xx"]. */
		successStatuses?: string[];
		/** `per-row` outputs only: send rows in batches of this many per request. */
		batchSize?: number;
	};
}

export interface EmailOutput extends OutputBase {
	type: 'email';
	/** The name of a stored SMTP credential. */
	smtp: string;
	email: {
		from: string;
		to: string;
		cc?: string;
		bcc?: string;
		replyTo?: string;
		subject: string;
		text?: string;
		html?: string;
		/** Attach the pushed table as CSV under this file name. */
		attachCsv?: string;
	};
}

export type FormFieldType =
	'text' | 'textarea' | 'number' | 'email' | 'date' | 'checkbox' | 'select';

export interface FormField {
	name: string;
	label: string;
	type: FormFieldType;
	required?: boolean;
	/** Template for the pre-filled value. */
	value?: string;
	options?: string[];
	min?: number;
	max?: number;
	pattern?: string;
}

export interface FormOutput extends OutputBase {
	type: 'form';
	form: {
		title?: string;
		/** `record`: one record per push; `table`: an editable row per pushed row. */
		layout: 'record' | 'table';
		fields: FormField[];
		submitLabel?: string;
		/** Ids of the outputs that the submission feeds. */
		submitTo: string[];
	};
}

export interface PageOutput extends OutputBase {
	type: 'page';
	page: { template: string };
}

export type Output = HttpOutput | EmailOutput | FormOutput | PageOutput;

export interface ActionDefinition {
	slug: string;
	label: string;
	description?: string;
	window?: { size: WindowSize };
	placement?: Placement;
	auth: EndpointAuth;
	expectedColumns: ExpectedColumn[];
	onMissingColumns: 'warn' | 'reject';
	bindings: Binding[];
	rowFilter?: RowFilter;
	outputs: Output[];
	/** The result page shown in the action's window after a push. */
	page?: { template: string };
	/** Run log retention for this action; install defaults apply where unset. */
	retention?: { keepPayloads?: boolean; days?: number; maxPayloadBytes?: number };
	/** Intake limits for this action; install defaults apply where unset. */
	limits?: { pushesPerMinute?: number; maxPushBytes?: number };
}
