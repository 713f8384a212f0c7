/**
 * What the semantic checks share: a place to put findings, and safe reads of a tree that
 * has not necessarily passed the schema (the checks run anyway, to report everything at once).
 */

import type { Finding, PathSegment } from '../problems';

/** Collects errors (the definition is refused) and warnings (it is accepted). */
export class Report {
	readonly errors: Finding[] = [];
	readonly warnings: Finding[] = [];

	error(at: PathSegment[], message: string): void {
		this.errors.push({ at, message });
	}

	warn(at: PathSegment[], message: string): void {
		this.warnings.push({ at, message });
	}
}

export function isRecord(value: unknown): value is Record<string, unknown> {
	return value !== null && typeof value === 'object' && !Array.isArray(value);
}

/** The list under `key`, or an empty list when there is none. */
export function listAt(value: unknown, key: string): unknown[] {
	const list = isRecord(value) ? value[key] : undefined;
	return Array.isArray(list) ? list : [];
}

/** The text under `key`, or undefined when it is missing or not text. */
export function textAt(value: unknown, key: string): string | undefined {
	const text = isRecord(value) ? value[key] : undefined;
	return typeof text === 'string' ? text : undefined;
}
