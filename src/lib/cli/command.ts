/** What every command has: a name, a one-line summary, its help text and what it does. */

export interface Command {
	name: string;
	summary: string;
	usage: string;
	/** Returns the process exit code. */
	run(args: string[]): Promise<number>;
}

/** A mistake in how a command was called: shown with the command's usage, exit code 2. */
export class UsageError extends Error {}

export interface Output {
	out(text: string): void;
	err(text: string): void;
}

export const stdio: Output = {
	out: (text) => process.stdout.write(text.endsWith('\n') ? text : text + '\n'),
	err: (text) => process.stderr.write(text.endsWith('\n') ? text : text + '\n')
};
