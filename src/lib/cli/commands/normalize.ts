import { parseArgs } from 'node:util';
import { normalize } from '../../payload/normalize';
import { stdio, type Command } from '../command';
import { readJsonInput } from '../read-input';

export const normalizeCommand: Command = {
	name: 'normalize',
	summary: 'Print the canonical table of a pushed payload as JSON.',
	usage: `Usage: npx pushmap normalize <file|->

Recognises the payload's shape (any of the ThoughtSpot callback, REST or plain-row shapes)
and prints the canonical table Pushmap maps from: format, answer, columns with types, rows,
and warnings. Reads standard input when the file is "-". Needs no database.`,

	async run(args) {
		const { positionals } = parseArgs({ args, allowPositionals: true, options: {} });
		const normalized = normalize(await readJsonInput(positionals[0], 'payload'));
		if (!normalized.ok) {
			stdio.err(normalized.problem.message);
			return 1;
		}
		stdio.out(JSON.stringify(normalized.table, null, 2));
		return 0;
	}
};
