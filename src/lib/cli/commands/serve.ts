import { existsSync } from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { pathToFileURL } from 'node:url';
import { projectRoot } from '../../server/paths';
import { stdio, type Command } from '../command';

export const serveCommand: Command = {
	name: 'serve',
	summary: 'Start the web server (run "npm run build" first; "npm start" does both).',
	usage: `Usage: npx pushmap serve [--port 3000] [--host 0.0.0.0]

Starts Pushmap: the admin, the action endpoints and the delivery workers. Applies pending
migrations first. Reads its configuration from the environment (see the README).

Options:
  --port <n>     Port to listen on (default: $PORT or 3000)
  --host <addr>  Address to bind (default: $HOST or 0.0.0.0)`,

	async run(args) {
		const { values } = parseArgs({
			args,
			options: { port: { type: 'string' }, host: { type: 'string' } }
		});
		if (values.port) process.env.PORT = values.port;
		if (values.host) process.env.HOST = values.host;

		const entry = path.join(projectRoot(), 'build', 'index.js');
		if (!existsSync(entry)) {
			stdio.err(
				'The server is not built yet. Run "npm run build" first, or "npm start" to build and serve.'
			);
			return 1;
		}
		// The server logs as a server: one JSON line per request on stdout.
		delete process.env.PUSHMAP_CLI;
		// Pushmap limits each body itself (per action for pushes), with errors that say what
		// to do; the adapter's blanket limit would cut pushes off at 512 KB with a bare 413.
		process.env.BODY_SIZE_LIMIT ??= 'Infinity';
		await import(pathToFileURL(entry).href);
		return 0;
	}
};
