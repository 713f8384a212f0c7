import { parseArgs } from 'node:util';
import { createApiToken } from '../../server/auth/api-tokens';
import { findUserByEmail } from '../../server/auth/users';
import { roles } from '../../server/db/schema';
import { startRuntime, stopRuntime } from '../../server/runtime';
import { stdio, UsageError, type Command } from '../command';

export const tokenCommand: Command = {
	name: 'token',
	summary: 'Create an API token for a user; prints it once.',
	usage: `Usage: npx pushmap token create --email <address> [--role reviewer|admin] [--name <name>]

Creates an API token for scripts that call /api as this user, and prints it on stdout. It is
stored hashed and cannot be shown again. The role defaults to reviewer, and is never more
than the user's own. Send it as "Authorization: Bearer <token>".`,

	async run(args) {
		const { values, positionals } = parseArgs({
			args,
			allowPositionals: true,
			options: {
				email: { type: 'string' },
				role: { type: 'string', default: 'reviewer' },
				name: { type: 'string', default: 'command line' }
			}
		});
		if (positionals[0] !== 'create') throw new UsageError('Say "token create".');
		if (!values.email) throw new UsageError('Give --email of the user the token acts for.');
		const role = roles.find((r) => r === values.role);
		if (!role) throw new UsageError('--role must be reviewer or admin.');

		const { db } = await startRuntime();
		try {
			const user = await findUserByEmail(db, values.email);
			if (!user) {
				stdio.err(`No user has the email ${values.email}. Create or invite them first.`);
				return 1;
			}
			if (role === 'admin' && user.role !== 'admin') {
				stdio.err(`${user.email} is a reviewer, so their token cannot act as an admin.`);
				return 1;
			}
			const { token } = await createApiToken(db, user, { name: values.name, role });
			stdio.out(token);
			return 0;
		} finally {
			await stopRuntime();
		}
	}
};
