import { readFile } from 'node:fs/promises';
import { UsageError } from './command';

/** Reads a file, or standard input for "-", and parses it as JSON with a clear error. */
export async function readJsonInput(source: string | undefined, what: string): Promise<unknown> {
	if (!source) throw new UsageError(`Give the ${what} file, or - to read standard input.`);
	const text = source === '-' ? await readStdin() : await readFile(source, 'utf8');
	try {
		return JSON.parse(text);
	} catch (error) {
		throw new UsageError(
			`${source === '-' ? 'Standard input' : source} is not valid JSON: ${(error as Error).message}`
		);
	}
}

async function readStdin(): Promise<string> {
	const chunks: Buffer[] = [];
	for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
	return Buffer.concat(chunks).toString('utf8');
}
