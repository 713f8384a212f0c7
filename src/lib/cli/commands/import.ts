import { parseArgs } from 'node:util';
import { saveAction } from '../../server/actions/store';
import { startRuntime, stopRuntime } from '../../server/runtime';
import { stdio, type Command } from '../command';
import { readJsonInput } from '../read-input';

export const importCommand: Command = {
	name: 'import',
	summary: 'Create or replace an action from its JSON definition, and publish it.',
	usage: `Usage: npx pushmap import <file|-> [--draft]

Reads an action definition (the JSON that "export" writes), checks it, and creates the
action or replaces the one with the same slug. It is published as a new version unless
--draft is given. Every problem is listed with its field path.

Options:
  --draft   Save as the action's draft without publishing`,

	async run(args) {
		const { values, positionals } = parseArgs({
			args,
			allowPositionals: true,
			options: { draft: { type: 'boolean', default: false } }
		});
		const definition = await readJsonInput(positionals[0], 'definition');

		const { db } = await startRuntime();
		try {
			const saved = await saveAction(db, definition, { publish: !values.draft });
			if (!saved.ok) {
				const lines = saved.problems?.map((p) => `  ${p.path}: ${p.message}`) ?? [saved.message];
				stdio.err(`The definition was not imported:\n${lines.join('\n')}`);
				return 1;
			}
			for (const warning of saved.warnings)
				stdio.err(`warning: ${warning.path}: ${warning.message}`);
			stdio.out(
				saved.version
					? `Imported "${saved.slug}" and published it as version ${saved.version}.`
					: `Imported "${saved.slug}" as a draft.`
			);
			return 0;
		} finally {
			await stopRuntime();
		}
	}
};
