import type { FormatId } from '../formats';
import type { Parsed } from '../result';
import type { ReadPush } from '../table';

/** One payload shape: how to recognise it by structure, and how to read it. */
export interface Shape {
	format: FormatId;
	/** Whether the body has this shape's identifying structure; looks only near the top. */
	matches(body: unknown): boolean;
	/** Reads a body that matched; a malformed inside is a problem that says where. */
	read(body: unknown): Parsed<ReadPush>;
}
