import { parseArgs } from 'node:util';
import { createUser } from '../../server/auth/users';
import { startRuntime, stopRuntime } from '../../server/runtime';
import { stdio, UsageError, type Command } from '../command';

export const createAdminCommand: Command = {
	name: 'create-admin',
	summary: 'Create an admin account (for scripts; the first visit offers the same).',
	usage: `Usage: npx pushmap create-admin --email <address> --password <password> [--name <name>]

Creates an admin account. The password may also come from $PUSHMAP_ADMIN_PASSWORD, which
keeps it out of the shell history.`,

	async run(args) {
		const { values } = parseArgs({
			args,
			options: {
				email: { type: 'string' },
				password: { type: 'string' },
				name: { type: 'string' }
			}
		});
		const password = values.password ?? process.env.PUSHMAP_ADMIN_PASSWORD;
		if (!values.email || !password) throw new UsageError('Give --email and --password.');

		const { db } = await startRuntime();
		try {
			const created = await createUser(db, {
				email: values.email,
				password,
				name: values.name,
				role: 'admin'
			});
			if (!created.ok) {
				stdio.err(created.problem.message);
				return 1;
			}
			stdio.out(`Created admin ${values.email.trim().toLowerCase()}.`);
			return 0;
		} finally {
			await stopRuntime();
		}
	}
};
