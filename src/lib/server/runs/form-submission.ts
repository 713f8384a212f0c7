/**
 * A person's submission of an action's form: the values they reviewed become the rows of the
 * outputs the form names in `submitTo`, and those outputs are delivered then, not at the push
 * (intake leaves them out). The submission is recorded as a run of its own, with the
 * submitted rows as its payload, so the run log shows what was sent and why.
 *
 * A form can be submitted once: the submission's idempotency key is the push's run id, so a
 * second submit (a double click, a reload) gets the first submission's answer.
 */

import { randomUUID } from 'node:crypto';
import { eq } from 'drizzle-orm';
import type { ActionDefinition, FormOutput } from '../../actions/definition';
import { compileAction } from '../../mapping/compile-action';
import { renderAction } from '../../mapping/render';
import type { RenderedForm } from '../../mapping/rendered';
import type { CanonicalTable, Row } from '../../payload/types';
import { findAction, findVersion } from '../actions/store';
import type { Database } from '../db/client';
import { runs } from '../db/schema';
import { log } from '../log';
import { assessPush } from './assess';
import { planDeliveries, type PlannedDelivery } from './delivery-plan';
import { checkRecords, readRecords, typedValue } from '../../simulator/form-values';
import { findIdempotentResponse, initialStatus, insertRun, IDEMPOTENCY_WINDOW_MS } from './record';

export interface FormSubmission {
	slug: string;
	/** The run of the push that showed the form. */
	runId: string;
	/** The submitted form fields, named `<record>:<field>`. */
	form: { get(name: string): unknown };
	clientAddress: string;
	userAgent: string | null;
}

export type SubmissionReply =
	| { ok: true; body: SubmissionBody; replayed: boolean }
	| {
			ok: false;
			status: 400 | 404 | 410;
			code: string;
			message: string;
			/** For 400: what is wrong with each value, by input name, and the values as sent. */
			fieldErrors?: Record<string, string>;
			records?: Record<string, string>[];
			/** For 400: the push's answer, so a page without JavaScript can show the form again. */
			pushed?: unknown;
	  };

export interface SubmissionBody {
	runId: string;
	submittedFrom: string;
	status: string;
	rowCount: number;
	outputs: { id: string; type: string; deliveries: number; failed: number }[];
	page?: { html: string };
}

/** The ids of outputs that wait for a form's submission instead of going out with the push. */
export function formFedOutputIds(definition: ActionDefinition): Set<string> {
	const ids = new Set<string>();
	for (const output of definition.outputs) {
		if (output.type === 'form') for (const id of output.form.submitTo ?? []) ids.add(id);
	}
	return ids;
}

export async function submitForm(
	db: Database,
	submission: FormSubmission,
	onQueued: () => void = () => {}
): Promise<SubmissionReply> {
	const found = await findPushedForm(db, submission);
	if (!found.ok) return found;
	const { run, definition, form, rendered } = found;
	const key = `form:${run.id}`;
	const sent = await findIdempotentResponse(db, run.actionId!, key);
	if (sent) return { ok: true, body: sent.body as SubmissionBody, replayed: true };

	const records = readRecords(submission.form, form.form.fields, rendered.records.length);
	const fieldErrors = checkRecords(form.form.fields, records);
	if (Object.keys(fieldErrors).length > 0) {
		return {
			ok: false,
			status: 400,
			code: 'invalid-values',
			message: 'Some values need fixing before the form can be sent.',
			fieldErrors,
			records,
			pushed: run.response
		};
	}

	const rows = submittedRows(form, records, keptRows(definition, run));
	const payload = JSON.stringify({ rows });
	const table = submittedTable(definition, rows, pushedAnswer(definition, run.payload));
	const fed = { ...definition, rowFilter: undefined, outputs: fedOutputs(definition, form) };
	const rendering = renderAction(compileAction(fed), table, { now: new Date() });
	const deliveries = planDeliveries(definition, rendering.outputs, table);

	const runId = randomUUID();
	const status = initialStatus(deliveries);
	const body: SubmissionBody = {
		runId,
		submittedFrom: run.id,
		status,
		rowCount: rows.length,
		outputs: summarize(fed, deliveries),
		...(rendering.page?.html != null ? { page: { html: rendering.page.html } } : {})
	};
	const earlier = await insertRun(
		db,
		{
			id: runId,
			actionId: run.actionId!,
			actionVersion: run.actionVersion!,
			status,
			clientAddress: submission.clientAddress,
			userAgent: submission.userAgent?.slice(0, 500) ?? null,
			authMethod: 'form',
			idempotencyKey: key,
			format: 'rows',
			rowCount: rows.length,
			payload,
			payloadBytes: Buffer.byteLength(payload),
			payloadTruncated: false,
			warnings: table.warnings,
			error: null,
			response: body,
			responseStatus: 200
		},
		deliveries
	);
	if (earlier) return { ok: true, body: earlier.body as SubmissionBody, replayed: true };
	if (deliveries.length > 0) onQueued();
	log.info(
		{ action: submission.slug, runId, submittedFrom: run.id, rows: rows.length },
		'form submitted'
	);
	return { ok: true, body, replayed: false };
}

type PushedForm =
	| {
			ok: true;
			run: typeof runs.$inferSelect;
			definition: ActionDefinition;
			form: FormOutput;
			rendered: RenderedForm;
	  }
	| { ok: false; status: 404 | 410; code: string; message: string };

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** The push's run, the action version it ran on, and the form it showed. */
async function findPushedForm(db: Database, submission: FormSubmission): Promise<PushedForm> {
	const gone = {
		ok: false as const,
		status: 404 as const,
		code: 'form-not-found',
		message: 'This form is not known here. Run the action again from your BI tool.'
	};
	if (!UUID.test(submission.runId)) return gone;
	const [run] = await db.select().from(runs).where(eq(runs.id, submission.runId)).limit(1);
	const action = await findAction(db, submission.slug);
	if (!run || !action || run.actionId !== action.id || !run.actionVersion) return gone;
	if (Date.now() - run.receivedAt.getTime() > IDEMPOTENCY_WINDOW_MS) {
		return {
			ok: false,
			status: 410,
			code: 'form-expired',
			message: 'This form is older than a day. Run the action again from your BI tool.'
		};
	}

	const version = await findVersion(db, action.id, run.actionVersion);
	const form = version?.definition.outputs.find((output) => output.type === 'form');
	const rendered = renderedForm(run.response, form?.id);
	if (!version || !form || form.type !== 'form' || !rendered) return gone;
	return { ok: true, run, definition: version.definition, form, rendered };
}

/** The form as the push rendered it: how many records it showed. */
function renderedForm(response: unknown, outputId: string | undefined): RenderedForm | null {
	const outputs = (response as { outputs?: unknown } | null)?.outputs;
	if (!Array.isArray(outputs) || !outputId) return null;
	const output = outputs.find((item) => item?.id === outputId);
	const rendered = Array.isArray(output?.rendered) ? output.rendered[0] : null;
	return rendered && Array.isArray(rendered.records) ? (rendered as RenderedForm) : null;
}

/**
 * The rows the form showed, when the push's payload is stored: the submission keeps their
 * other columns, so the outputs' templates can use columns the form did not ask about.
 */
function keptRows(definition: ActionDefinition, run: typeof runs.$inferSelect): Row[] {
	const table = storedTable(definition, run.payload, run.payloadTruncated);
	if (!table) return [];
	const keep = compileAction(definition).filter.at(run.receivedAt);
	return table.rows.filter((row) => keep(row));
}

function storedTable(
	definition: ActionDefinition,
	payload: string | null,
	truncated = false
): CanonicalTable | null {
	if (payload === null || truncated) return null;
	try {
		const assessment = assessPush(JSON.parse(payload), definition);
		return assessment.table ?? null;
	} catch {
		return null;
	}
}

function pushedAnswer(definition: ActionDefinition, payload: string | null) {
	return storedTable(definition, payload)?.answer ?? {};
}

/** Table layout: record i edits row i. Record layout: the one record applies to every row. */
function submittedRows(
	form: FormOutput,
	records: Record<string, string>[],
	pushed: Row[]
): Record<string, unknown>[] {
	const typed = records.map((record) =>
		Object.fromEntries(form.form.fields.map((f) => [f.name, typedValue(f, record[f.name] ?? '')]))
	);
	if (form.form.layout === 'table') return typed.map((values, i) => ({ ...pushed[i], ...values }));
	const [values = {}] = typed;
	return pushed.length > 0 ? pushed.map((row) => ({ ...row, ...values })) : [values];
}

/** The submitted rows read as a push of plain rows, with the push's answer name kept. */
function submittedTable(
	definition: ActionDefinition,
	rows: Record<string, unknown>[],
	answer: CanonicalTable['answer']
): CanonicalTable {
	// The person reviewed these rows: a column the form leaves out is no reason to drop them.
	const assessment = assessPush({ rows }, { ...definition, onMissingColumns: 'warn' });
	const table = assessment.table ?? {
		format: 'rows',
		answer: {},
		columns: [],
		rows: [],
		tables: [],
		warnings: []
	};
	return { ...table, answer };
}

function fedOutputs(definition: ActionDefinition, form: FormOutput) {
	const targets = new Set(form.form.submitTo ?? []);
	return definition.outputs.filter((output) => targets.has(output.id));
}

function summarize(definition: ActionDefinition, deliveries: PlannedDelivery[]) {
	return definition.outputs.map((output) => {
		const queued = deliveries.filter((delivery) => delivery.outputId === output.id);
		return {
			id: output.id,
			type: output.type,
			deliveries: queued.length,
			failed: queued.filter((delivery) => delivery.problem).length
		};
	});
}
