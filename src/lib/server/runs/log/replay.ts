/**
 * Replaying a run: its stored payload goes through intake again, on the action's current
 * published version or on the version it first ran with, as a new run that names the one it
 * replays. A dry run renders it instead and compares, output by output, with what was sent.
 */

import { eq } from 'drizzle-orm';
import type { ActionDefinition } from '../../../actions/definition';
import { compileAction } from '../../../mapping/compile-action';
import { renderAction } from '../../../mapping/render';
import { diffLines, diffText, hasChanges, type DiffLine } from '../../../runs/diff';
import { findVersion } from '../../actions/store';
import type { LiveAction } from '../../actions/published-cache';
import type { Database } from '../../db/client';
import { actions, deliveries, runs } from '../../db/schema';
import { assessPush } from '../assess';
import { planDeliveries } from '../delivery-plan';
import { recordPush, type PushOrigin } from '../record-push';

export type ReplayVersion = 'current' | 'original';

export interface ReplayFailure {
	ok: false;
	status: 404 | 409;
	code: string;
	message: string;
}

interface ReplaySource {
	run: typeof runs.$inferSelect;
	payload: string;
	value: unknown;
	action: LiveAction;
}

/** The run, its payload and the action version to replay it on, or why it cannot be. */
async function replaySource(
	db: Database,
	runId: string,
	version: ReplayVersion
): Promise<{ ok: true; source: ReplaySource } | ReplayFailure> {
	const [run] = await db.select().from(runs).where(eq(runs.id, runId)).limit(1);
	if (!run) return failure(404, 'not-found', `There is no run ${runId}.`);
	if (run.payload === null) {
		return failure(
			409,
			'no-payload',
			'This run has no stored payload to replay: its action keeps none.'
		);
	}
	if (run.payloadTruncated) {
		return failure(
			409,
			'payload-truncated',
			'Only the start of this payload was kept (it was larger than the size stored), so it cannot be replayed.'
		);
	}
	if (!run.actionId) return failure(409, 'action-deleted', 'The action of this run was deleted.');
	const value = parseJson(run.payload);
	if (value === undefined) {
		return failure(
			409,
			'not-json',
			'The stored payload is not JSON, so there is nothing to replay.'
		);
	}

	const number =
		version === 'original' ? run.actionVersion : await publishedVersion(db, run.actionId);
	if (!number) {
		return failure(409, 'not-published', 'The action has no published version to replay on.');
	}
	const found = await findVersion(db, run.actionId, number);
	if (!found) return failure(409, 'version-deleted', `Version ${number} of the action is gone.`);
	const definition = found.definition as ActionDefinition;
	const action = {
		actionId: run.actionId,
		version: number,
		definition,
		compiled: compileAction(definition)
	};
	return { ok: true, source: { run, payload: run.payload, value, action } };
}

async function publishedVersion(db: Database, actionId: string): Promise<number | null> {
	const [row] = await db
		.select({ version: actions.publishedVersion })
		.from(actions)
		.where(eq(actions.id, actionId))
		.limit(1);
	return row?.version ?? null;
}

export type ReplayResult =
	{ ok: true; runId: string; version: number; status: number; response: unknown } | ReplayFailure;

/** Records the replay as a new run and queues its deliveries. */
export async function replayRun(
	db: Database,
	runId: string,
	version: ReplayVersion,
	origin: Omit<PushOrigin, 'replayOf' | 'idempotencyKey'>
): Promise<ReplayResult> {
	const found = await replaySource(db, runId, version);
	if (!found.ok) return found;
	const { action, payload, value } = found.source;

	const body = { ok: true as const, value, text: payload, bytes: Buffer.byteLength(payload) };
	const recorded = await recordPush(action, body, {
		...origin,
		idempotencyKey: null,
		replayOf: runId
	});
	return {
		ok: true,
		runId: recorded.runId,
		version: action.version,
		status: recorded.status,
		response: recorded.body
	};
}

function parseJson(text: string): unknown {
	try {
		return JSON.parse(text) as unknown;
	} catch {
		return undefined;
	}
}

export interface OutputDiff {
	outputId: string;
	rowIndex: number | null;
	/** What was sent (or queued) then; null when the output did not exist or did not render. */
	before: unknown;
	after: unknown;
	/** Why it did not render then, or would not now. */
	beforeProblem: string | null;
	afterProblem: string | null;
	lines: DiffLine[];
	changed: boolean;
}

export type DryReplay =
	| {
			ok: true;
			version: number;
			originalVersion: number | null;
			accepted: true;
			warnings: unknown[];
			outputs: OutputDiff[];
	  }
	| {
			ok: true;
			version: number;
			originalVersion: number | null;
			accepted: false;
			problem: { code: string; message: string };
	  }
	| ReplayFailure;

/** What a replay on `version` would send, beside what the run sent, without recording anything. */
export async function dryReplayRun(
	db: Database,
	runId: string,
	version: ReplayVersion
): Promise<DryReplay> {
	const found = await replaySource(db, runId, version);
	if (!found.ok) return found;
	const { action, value, run } = found.source;
	const versions = { version: action.version, originalVersion: run.actionVersion };

	const assessment = assessPush(value, action.definition);
	if (!assessment.accepted) {
		const { code, message } = assessment.problem;
		return { ok: true, ...versions, accepted: false, problem: { code, message } };
	}
	const rendering = renderAction(action.compiled, assessment.table, { now: new Date() });
	const planned = planDeliveries(action.definition, rendering.outputs, assessment.table);
	const sent = await db
		.select({
			outputId: deliveries.outputId,
			rowIndex: deliveries.rowIndex,
			rendered: deliveries.rendered,
			lastError: deliveries.lastError
		})
		.from(deliveries)
		.where(eq(deliveries.runId, runId));

	const pairs = new Map<string, OutputDiff>();
	const entry = (outputId: string, rowIndex: number | null) => {
		const key = `${outputId}\u0000${rowIndex ?? ''}`;
		let diff = pairs.get(key);
		if (!diff) {
			diff = {
				outputId,
				rowIndex,
				before: null,
				after: null,
				beforeProblem: null,
				afterProblem: null,
				lines: [],
				changed: false
			};
			pairs.set(key, diff);
		}
		return diff;
	};
	for (const delivery of sent) {
		const diff = entry(delivery.outputId, delivery.rowIndex);
		const unrendered = (delivery.rendered as { type: string }).type === 'unrendered';
		diff.before = unrendered ? null : delivery.rendered;
		diff.beforeProblem = unrendered ? delivery.lastError : null;
	}
	for (const delivery of planned) {
		const diff = entry(delivery.outputId, delivery.rowIndex);
		diff.after = delivery.problem ? null : delivery.plan;
		diff.afterProblem = delivery.problem;
	}

	const outputs = [...pairs.values()].map((diff) => {
		const lines = diffLines(diffText(diff.before), diffText(diff.after));
		const changed = hasChanges(lines) || diff.beforeProblem !== diff.afterProblem;
		return { ...diff, lines, changed };
	});
	outputs.sort(
		(a, b) => a.outputId.localeCompare(b.outputId) || (a.rowIndex ?? -1) - (b.rowIndex ?? -1)
	);
	return { ok: true, ...versions, accepted: true, warnings: assessment.warnings, outputs };
}

function failure(status: 404 | 409, code: string, message: string): ReplayFailure {
	return { ok: false, status, code, message };
}
