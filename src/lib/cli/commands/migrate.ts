import { parseArgs } from 'node:util';
import { migrationState } from '../../server/db/migrate';
import { startRuntime, stopRuntime } from '../../server/runtime';
import { stdio, type Command } from '../command';

export const migrateCommand: Command = {
	name: 'migrate',
	summary: 'Apply pending database migrations.',
	usage: `Usage: npx pushmap migrate

Applies the committed migrations to the database: PostgreSQL when DATABASE_URL is set,
else the embedded database in PUSHMAP_DATA_DIR (default ./data). The server does this at
every start too; run it yourself to migrate before a deploy.`,

	async run(args) {
		parseArgs({ args, options: {} });
		const runtime = await startRuntime();
		try {
			const { applied } = await migrationState(runtime.database);
			stdio.out(`Database is up to date (${applied} migrations, ${runtime.database.location}).`);
			return 0;
		} finally {
			await stopRuntime();
		}
	}
};
