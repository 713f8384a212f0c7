/**
 * What a delivery row carries: the output as rendered, plus how to send it (credential
 * names, timeout, what counts as success, retries). Everything a worker needs is here, so
 * sending never looks back at the action's definition, which may have changed since.
 */

import type {
	ActionDefinition,
	EmailOutput,
	HttpOutput,
	OutgoingAuth,
	RetryPolicy
} from '../../actions/definition';
import type { RenderedEmail, RenderedHttp, RenderedOutput } from '../../mapping/rendered';
import { toCsv } from '../../outputs/csv';
import type { CanonicalTable } from '../../payload/types';
import { maxAttempts } from './backoff';

export type DeliveryPlan =
	| {
			type: 'http';
			request: RenderedHttp;
			auth?: OutgoingAuth;
			timeoutMs?: number;
			successStatuses?: string[];
			retry?: RetryPolicy;
	  }
	| {
			type: 'email';
			smtp: string;
			message: RenderedEmail;
			csv?: { filename: string; content: string };
			retry?: RetryPolicy;
	  };

export interface PlannedDelivery {
	outputId: string;
	outputType: 'http' | 'email';
	rowIndex: number | null;
	plan: DeliveryPlan | { type: 'unrendered' };
	maxAttempts: number;
	/** Set when the output could not be rendered: the delivery is dead before it starts. */
	problem: string | null;
}

/** The deliveries for a push's rendered outputs; forms and pages are shown, not sent. */
export function planDeliveries(
	definition: ActionDefinition,
	rendered: RenderedOutput[],
	table: CanonicalTable
): PlannedDelivery[] {
	const outputs = new Map(definition.outputs.map((output) => [output.id, output]));
	const csvs = new Map<string, string>();
	const planned: PlannedDelivery[] = [];

	for (const item of rendered) {
		if (item.type !== 'http' && item.type !== 'email') continue;
		const output = outputs.get(item.outputId) as HttpOutput | EmailOutput;
		const base = {
			outputId: item.outputId,
			outputType: item.type,
			rowIndex: item.rowIndex,
			maxAttempts: maxAttempts(output.retry)
		};
		if (!item.rendered || item.problems.length > 0) {
			planned.push({ ...base, plan: { type: 'unrendered' }, problem: describeProblems(item) });
			continue;
		}
		const plan =
			item.type === 'http'
				? httpPlan(output as HttpOutput, item.rendered as RenderedHttp)
				: emailPlan(output as EmailOutput, item.rendered as RenderedEmail, () =>
						csvOf(table, csvs)
					);
		planned.push({ ...base, plan, problem: null });
	}
	return planned;
}

function httpPlan(output: HttpOutput, request: RenderedHttp): DeliveryPlan {
	return {
		type: 'http',
		request,
		auth: output.request.auth,
		timeoutMs: output.request.timeoutMs,
		successStatuses: output.request.successStatuses,
		retry: output.retry
	};
}

function emailPlan(output: EmailOutput, message: RenderedEmail, csv: () => string): DeliveryPlan {
	return {
		type: 'email',
		smtp: output.smtp,
		message,
		...(message.attachCsv ? { csv: { filename: message.attachCsv, content: csv() } } : {}),
		retry: output.retry
	};
}

/** The pushed table as CSV, made once per push however many emails attach it. */
function csvOf(table: CanonicalTable, cache: Map<string, string>): string {
	let csv = cache.get('table');
	if (csv === undefined) {
		csv = toCsv(
			table.columns.map((column) => column.name),
			table.rows
		);
		cache.set('table', csv);
	}
	return csv;
}

function describeProblems(item: RenderedOutput): string {
	const where = item.rowIndex === null ? '' : ` for row ${item.rowIndex + 1}`;
	const messages = item.problems.map((problem) => problem.message).join(' ');
	return `Output "${item.outputId}" could not be rendered${where}: ${messages || 'a template failed.'}`;
}
