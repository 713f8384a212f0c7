import { parseArgs } from 'node:util';
import { thoughtSpotRegistration } from '../../actions/register';
import { findAction, findVersion } from '../../server/actions/store';
import { startRuntime, stopRuntime } from '../../server/runtime';
import { stdio, UsageError, type Command } from '../command';

export const registerCommand: Command = {
	name: 'register',
	summary: 'Print the ThoughtSpot request that registers an action.',
	usage: `Usage: npx pushmap register <slug> [--base-url <url>]

Prints, as JSON on stdout, the body of ThoughtSpot's REST API v2 request that creates the
action as a URL custom action:

  POST /api/rest/2.0/customization/custom-actions

--base-url is Pushmap's public address as ThoughtSpot reaches it (default: $ORIGIN, else
http://localhost:$PORT). Secrets are never printed: where ThoughtSpot needs one, the body
holds a placeholder naming the credential. What to check before sending goes to stderr.`,

	async run(args) {
		const { values, positionals } = parseArgs({
			args,
			allowPositionals: true,
			options: { 'base-url': { type: 'string' } }
		});
		const slug = positionals[0];
		if (!slug) throw new UsageError('Give the slug of the action to register.');
		const baseUrl = readBaseUrl(values['base-url']);

		const { db } = await startRuntime();
		try {
			const action = await findAction(db, slug);
			if (!action) {
				stdio.err(`There is no action "${slug}".`);
				return 1;
			}
			// ThoughtSpot will push to the published version; before one exists, the draft says most.
			const published =
				action.publishedVersion === null
					? null
					: await findVersion(db, action.id, action.publishedVersion);
			const registration = thoughtSpotRegistration(
				published?.definition ?? action.draft,
				`${baseUrl}/a/${slug}`
			);
			stdio.out(JSON.stringify(registration.body, null, 2));
			stdio.err(`Send it as: ${registration.method} ${registration.url}`);
			if (!published) stdio.err(`"${slug}" is not published yet: publish it before pushing.`);
			for (const note of registration.notes) stdio.err(note);
			return 0;
		} finally {
			await stopRuntime();
		}
	}
};

function readBaseUrl(given: string | undefined): string {
	const url = given ?? process.env.ORIGIN ?? `http://localhost:${process.env.PORT || 3000}`;
	let parsed: URL;
	try {
		parsed = new URL(url);
	} catch {
		throw new UsageError(`--base-url must be a URL such as https://pushmap.example.com.`);
	}
	if (parsed.protocol !== 'https:' && parsed.protocol !== 'http:') {
		throw new UsageError('--base-url must start with https:// or http://.');
	}
	return parsed.href.replace(/\/+$/, '');
}
