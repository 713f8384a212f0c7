import { parseArgs } from 'node:util';
import { findAction, findVersion } from '../../server/actions/store';
import { startRuntime, stopRuntime } from '../../server/runtime';
import { stdio, UsageError, type Command } from '../command';

export const exportCommand: Command = {
	name: 'export',
	summary: 'Print an action’s JSON definition.',
	usage: `Usage: npx pushmap export <slug> [--version <n>]

Prints the action's definition as JSON, ready for "import" on another install. Without
--version it prints the current draft, which is the latest published version unless it
has unpublished changes. Secrets appear as credential names only.`,

	async run(args) {
		const { values, positionals } = parseArgs({
			args,
			allowPositionals: true,
			options: { version: { type: 'string' } }
		});
		const slug = positionals[0];
		if (!slug) throw new UsageError('Give the slug of the action to export.');
		const version = values.version === undefined ? undefined : Number(values.version);
		if (version !== undefined && !(Number.isInteger(version) && version > 0)) {
			throw new UsageError('--version must be a version number like 3.');
		}

		const { db } = await startRuntime();
		try {
			const action = await findAction(db, slug);
			if (!action) {
				stdio.err(`There is no action "${slug}".`);
				return 1;
			}
			const definition = version
				? (await findVersion(db, action.id, version))?.definition
				: action.draft;
			if (!definition) {
				stdio.err(`"${slug}" has no version ${version}; it has ${action.publishedVersion ?? 0}.`);
				return 1;
			}
			stdio.out(JSON.stringify(definition, null, 2));
			return 0;
		} finally {
			await stopRuntime();
		}
	}
};
