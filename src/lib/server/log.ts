/**
 * The one structured logger. Lines carry ids (request, action, run, delivery), never payload
 * contents or secrets; the redact list is a backstop for fields that should never be there.
 */

import pino from 'pino';

// Commands print their results on stdout; their logs go to stderr, quieter by default.
const cli = process.env.PUSHMAP_CLI === '1';

export const log = pino(
	{
		level: process.env.LOG_LEVEL || (cli ? 'warn' : 'info'),
		base: undefined,
		redact: {
			paths: [
				'password',
				'*.password',
				'token',
				'*.token',
				'secret',
				'*.secret',
				'headers.authorization',
				'headers.cookie'
			],
			censor: '[redacted]'
		}
	},
	pino.destination(cli ? 2 : 1)
);

export type Logger = typeof log;
