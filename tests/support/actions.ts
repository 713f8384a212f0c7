/** Actions and payloads for suites, made through the admin API as a person's script would. */

import { readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import type { Client } from './client';
import { root } from './server';

const FIXTURES = path.join(root, 'tests/fixtures/payloads');

export const SAMPLE_PAYLOADS = readdirSync(FIXTURES).filter((file) => file.endsWith('.json'));

export function samplePayload(file: string): unknown {
	return JSON.parse(readFileSync(path.join(FIXTURES, file), 'utf8'));
}

/** The columns the samples carry, as an action would expect them. */
export const RENEWAL_COLUMNS = [
	{ name: 'Customer Name', required: true, aliases: ['Customer'] },
	{ name: 'Email', required: true },
	{ name: 'Renewal Date', required: true, type: 'date' },
	{ name: 'Contract Value', type: 'number' }
];

export function actionDefinition(slug: string, extra: Record<string, unknown> = {}) {
	return {
		slug,
		label: `Test action ${slug}`,
		outputs: [],
		page: { template: '<p>{{rowCount}} rows</p>' },
		...extra
	};
}

export async function createAction(
	admin: Client,
	slug: string,
	extra: Record<string, unknown> = {}
) {
	const response = await admin.sendJson('POST', '/api/actions', actionDefinition(slug, extra));
	if (response.status !== 201) {
		throw new Error(`Creating ${slug} failed with ${response.status}: ${await response.text()}`);
	}
}

export async function createCredential(
	admin: Client,
	name: string,
	type: string,
	fields: Record<string, unknown>
) {
	const response = await admin.sendJson('POST', '/api/credentials', { name, type, fields });
	if (response.status !== 201) {
		throw new Error(
			`Creating credential ${name} failed with ${response.status}: ${await response.text()}`
		);
	}
}

export interface RunDetail {
	run: { id: string; status: string; [key: string]: unknown };
	deliveries: {
		id: string;
		outputId: string;
		status: string;
		rowIndex: number | null;
		attemptCount: number;
		lastError: string | null;
		attempts: {
			number: number;
			responseStatus: number | null;
			error: string | null;
			request: Record<string, unknown>;
		}[];
	}[];
}

const FINISHED = ['succeeded', 'failed', 'partly-failed', 'rejected'];

/** Waits until the run has finished delivering, and returns what the run log says of it. */
export async function waitForRun(
	client: Client,
	runId: string,
	timeoutMs = 30_000
): Promise<RunDetail> {
	const deadline = Date.now() + timeoutMs;
	for (;;) {
		const detail = (await (await client.get(`/api/runs/${runId}`)).json()) as RunDetail;
		if (FINISHED.includes(detail.run.status)) return detail;
		if (Date.now() > deadline) {
			throw new Error(
				`Run ${runId} is still ${detail.run.status} after ${timeoutMs} ms: ${JSON.stringify(detail.deliveries)}`
			);
		}
		await new Promise((resolve) => setTimeout(resolve, 100));
	}
}
