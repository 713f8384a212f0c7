/**
 * What a push's body becomes once it is let in: assessed, rendered, planned into
 * deliveries and recorded as a run, in one place for a live push, a replay and a
 * designer's test. The answer it records is the answer the sender gets.
 */

import { randomUUID } from 'node:crypto';
import type { ActionDefinition } from '../../actions/definition';
import { renderAction, type RenderResult } from '../../mapping/render';
import type { CanonicalTable, Warning } from '../../payload/types';
import { runtime } from '../runtime';
import { assessPush } from './assess';
import { planDeliveries, type PlannedDelivery } from './delivery-plan';
import { formFedOutputIds } from './form-submission';
import type { RunnableAction } from './intake';
import { errorBody } from './push-errors';
import type { PushBody } from './push-body';
import { initialStatus, insertRun, type RunRecord, type StoredResponse } from './record';

/** Where a push came from, as the run log shows it. */
export interface PushOrigin {
	clientAddress: string;
	userAgent: string | null;
	authMethod: string;
	idempotencyKey: string | null;
	/** Set when the run log replays an earlier run. */
	replayOf?: string;
	/** A designer's "Send test": delivered for real, shown apart in the run log. */
	test?: boolean;
}

export interface RecordedPush {
	runId: string;
	status: number;
	body: unknown;
	rowCount: number | null;
	/** Another push with the same idempotency key won: its response, and nothing was recorded. */
	raced: StoredResponse | null;
}

/**
 * Assesses, renders and records a push's body for one action version, and queues its
 * deliveries: what a live push does after authentication, and what a replay does.
 */
export async function recordPush(
	action: RunnableAction,
	body: PushBody,
	origin: PushOrigin
): Promise<RecordedPush> {
	const { db, worker } = runtime();
	const runId = randomUUID();
	const outcome = replyFor(runId, action, body);
	const stored = storedPayload(body, action.definition);

	const raced = await insertRun(
		db,
		{
			id: runId,
			actionId: action.actionId,
			actionVersion: action.version,
			status: outcome.runStatus,
			...origin,
			format: outcome.table?.format ?? null,
			rowCount: outcome.table?.rows.length ?? null,
			...stored,
			warnings: outcome.warnings,
			error: outcome.status < 400 ? null : (outcome.body as { error: unknown }).error,
			response: outcome.body,
			responseStatus: outcome.status
		} satisfies RunRecord,
		outcome.deliveries
	);
	if (!raced && outcome.deliveries.length > 0) worker?.nudge();
	const rowCount = outcome.table?.rows.length ?? null;
	return { runId, status: outcome.status, body: outcome.body, rowCount, raced };
}

interface Outcome {
	status: number;
	runStatus: RunRecord['status'];
	body: unknown;
	table?: CanonicalTable;
	warnings: Warning[];
	deliveries: PlannedDelivery[];
}

function replyFor(runId: string, action: RunnableAction, body: PushBody): Outcome {
	if (!body.ok) return rejected(body.status, errorBody(body.code, body.message, { runId }));

	const assessment = assessPush(body.value, action.definition);
	if (!assessment.accepted) {
		const { problem } = assessment;
		const details = { ...(isObject(problem.details) ? problem.details : {}), runId };
		return {
			...rejected(assessment.status, errorBody(problem.code, problem.message, details)),
			table: assessment.table,
			warnings: assessment.warnings
		};
	}

	const { table, warnings } = assessment;
	const rendering = renderAction(action.compiled, table, { now: new Date() });
	// Outputs that a form feeds wait for the person's submission (form-submission.ts).
	const fed = formFedOutputIds(action.definition);
	const sent = rendering.outputs.filter((output) => !fed.has(output.outputId));
	const deliveries = planDeliveries(action.definition, sent, table);
	const runStatus = initialStatus(deliveries);
	return {
		status: 200,
		runStatus,
		body: {
			runId,
			status: runStatus,
			warnings,
			rowCount: table.rows.length,
			rowsKept: rendering.rowsKept,
			outputs: summarizeOutputs(action, rendering, deliveries),
			...(rendering.page?.html != null ? { page: { html: rendering.page.html } } : {})
		},
		table,
		warnings,
		deliveries
	};
}

function rejected(status: number, body: unknown): Outcome {
	return { status, runStatus: 'rejected', body, warnings: [], deliveries: [] };
}

/** One entry per output: how many deliveries it queued, or what it shows, and its problems. */
function summarizeOutputs(
	action: RunnableAction,
	rendering: RenderResult,
	deliveries: PlannedDelivery[]
) {
	return action.definition.outputs.map((output) => {
		const rendered = rendering.outputs.filter((item) => item.outputId === output.id);
		const queued = deliveries.filter((d) => d.outputId === output.id);
		const problems = rendered.flatMap((item) => item.problems.map((p) => p.message));
		const shown =
			output.type === 'form' || output.type === 'page'
				? { rendered: rendered.map((r) => r.rendered) }
				: {};
		return {
			id: output.id,
			type: output.type,
			mode: output.mode,
			deliveries: queued.length,
			failed: queued.filter((d) => d.problem).length,
			...shown,
			...(problems.length > 0 ? { problems: problems.slice(0, 20) } : {})
		};
	});
}

function storedPayload(body: PushBody, definition: ActionDefinition) {
	const bytes = body.bytes;
	const keep = definition.retention?.keepPayloads ?? true;
	const limit = definition.retention?.maxPayloadBytes ?? runtime().config.maxStoredPayloadBytes;
	if (!keep || body.text === undefined)
		return { payload: null, payloadBytes: bytes, payloadTruncated: false };
	if (bytes <= limit) return { payload: body.text, payloadBytes: bytes, payloadTruncated: false };
	const cut = Buffer.from(body.text, 'utf8')
		.subarray(0, limit)
		.toString('utf8')
		.replace(/\uFFFD$/, '');
	return { payload: cut, payloadBytes: bytes, payloadTruncated: true };
}

function isObject(value: unknown): value is Record<string, unknown> {
	return typeof value === 'object' && value !== null && !Array.isArray(value);
}
