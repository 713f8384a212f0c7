import { parseArgs } from 'node:util';
import { renderAction } from '../../mapping/render';
import { findLiveAction } from '../../server/actions/published-cache';
import { assessPush } from '../../server/runs/assess';
import { recordPush } from '../../server/runs/record-push';
import { startRuntime, stopRuntime } from '../../server/runtime';
import { stdio, UsageError, type Command } from '../command';
import { readJsonInput } from '../read-input';

export const runCommand: Command = {
	name: 'run',
	summary: 'Run an action on a payload file, or render it with --dry-run.',
	usage: `Usage: npx pushmap run <slug> <payload-file|-> [--dry-run]

Runs the published version of the action on the payload, as a push would: checks the
expected columns, renders every output, records the run and queues its deliveries, which
the server sends. With --dry-run it prints every output as it would be sent, and records,
queues and sends nothing.

Options:
  --dry-run   Render only`,

	async run(args) {
		const { values, positionals } = parseArgs({
			args,
			allowPositionals: true,
			options: { 'dry-run': { type: 'boolean', default: false } }
		});
		const [slug, source] = positionals;
		if (!slug) throw new UsageError('Give the slug of the action to run.');
		const payload = await readJsonInput(source, 'payload');
		const text = JSON.stringify(payload);

		const { db } = await startRuntime();
		try {
			const action = await findLiveAction(db, slug);
			if (!action) {
				stdio.err(`No published action has the slug "${slug}".`);
				return 1;
			}
			if (values['dry-run']) {
				const assessment = assessPush(payload, action.definition);
				if (!assessment.accepted) {
					stdio.err(assessment.problem.message);
					return 1;
				}
				const rendering = renderAction(action.compiled, assessment.table, { now: new Date() });
				stdio.out(JSON.stringify({ warnings: assessment.warnings, ...rendering }, null, 2));
				return 0;
			}

			const recorded = await recordPush(
				action,
				{ ok: true, value: payload, text, bytes: Buffer.byteLength(text) },
				{
					clientAddress: 'command line',
					userAgent: 'pushmap run',
					authMethod: 'command line',
					idempotencyKey: null
				}
			);
			stdio.out(JSON.stringify(recorded.body, null, 2));
			return recorded.status < 400 ? 0 : 1;
		} finally {
			await stopRuntime();
		}
	}
};
