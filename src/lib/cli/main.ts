import { DatabaseBusyError } from '../server/db/data-dir-lock';
import { stdio, UsageError, type Command } from './command';
import { createAdminCommand } from './commands/create-admin';
import { exportCommand } from './commands/export';
import { importCommand } from './commands/import';
import { migrateCommand } from './commands/migrate';
import { normalizeCommand } from './commands/normalize';
import { runCommand } from './commands/run';
import { registerCommand } from './commands/register';
import { serveCommand } from './commands/serve';
import { tokenCommand } from './commands/token';

const commands: Command[] = [
	serveCommand,
	migrateCommand,
	createAdminCommand,
	tokenCommand,
	normalizeCommand,
	importCommand,
	exportCommand,
	runCommand,
	registerCommand
];

export async function main(argv: string[]): Promise<number> {
	const [name, ...rest] = argv;
	if (!name || name === '--help' || name === '-h' || name === 'help') {
		stdio.out(overview());
		return name ? 0 : 2;
	}

	const command = commands.find((c) => c.name === name);
	if (!command) {
		stdio.err(`Unknown command "${name}".\n\n${overview()}`);
		return 2;
	}
	if (rest.includes('--help') || rest.includes('-h')) {
		stdio.out(command.usage);
		return 0;
	}

	try {
		return await command.run(rest);
	} catch (error) {
		return report(command, error);
	}
}

function report(command: Command, error: unknown): number {
	if (error instanceof UsageError || isParseArgsError(error)) {
		stdio.err(`${(error as Error).message}\n\n${command.usage}`);
		return 2;
	}
	if (error instanceof DatabaseBusyError) {
		stdio.err(error.message);
		return 1;
	}
	stdio.err(`pushmap ${command.name} failed: ${(error as Error)?.message ?? error}`);
	return 1;
}

function isParseArgsError(error: unknown): boolean {
	const code = (error as NodeJS.ErrnoException)?.code ?? '';
	return code.startsWith('ERR_PARSE_ARGS');
}

function overview(): string {
	const width = Math.max(...commands.map((c) => c.name.length));
	const lines = commands.map((c) => `  ${c.name.padEnd(width)}  ${c.summary}`);
	return [
		'Usage: npx pushmap <command> [options]',
		'',
		'Commands:',
		...lines,
		'',
		'Run "npx pushmap <command> --help" for the options of one command.'
	].join('\n');
}
