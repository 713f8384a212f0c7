/**
 * Problems found in an action definition, addressed by a path that reads like the JSON
 * it points at (`outputs[1].email.to`), so the designer can put each one beside its field.
 */

/** One thing wrong with a definition, or one warning about it. */
export interface DefinitionProblem {
	/** Where: `outputs[1].email.to`; the empty string is the definition itself. */
	path: string;
	/** What, in words a person can act on. */
	message: string;
}

/** A step of a path: an object key or an array index. */
export type PathSegment = string | number;

/** A problem before its path is formatted; segments sort and compare better than text. */
export interface Finding {
	at: PathSegment[];
	message: string;
}

const PLAIN_KEY = /^[A-Za-z_$][A-Za-z0-9_$]*$/;

/** Formats segments as `outputs[1].email.to`; odd keys are quoted: `headers["Content-Type"]`. */
export function formatPath(segments: readonly PathSegment[]): string {
	let path = '';
	for (const segment of segments) {
		if (typeof segment === 'number') path += `[${segment}]`;
		else if (!PLAIN_KEY.test(segment)) path += `[${JSON.stringify(segment)}]`;
		else path += path === '' ? segment : `.${segment}`;
	}
	return path;
}

/** Sorts findings by path (indices numerically), removes repeats, and formats them. */
export function toProblems(findings: readonly Finding[]): DefinitionProblem[] {
	const sorted = [...findings].sort(
		(a, b) => compareSegments(a.at, b.at) || compareText(a.message, b.message)
	);
	const problems: DefinitionProblem[] = [];
	const seen = new Set<string>();
	for (const finding of sorted) {
		const problem = { path: formatPath(finding.at), message: finding.message };
		const key = `${problem.path}\u0000${problem.message}`;
		if (seen.has(key)) continue;
		seen.add(key);
		problems.push(problem);
	}
	return problems;
}

function compareSegments(a: readonly PathSegment[], b: readonly PathSegment[]): number {
	const length = Math.min(a.length, b.length);
	for (let i = 0; i < length; i++) {
		const order = compareSegment(a[i], b[i]);
		if (order !== 0) return order;
	}
	return a.length - b.length;
}

function compareSegment(a: PathSegment, b: PathSegment): number {
	if (typeof a === 'number' && typeof b === 'number') return a - b;
	if (typeof a === 'number') return -1;
	if (typeof b === 'number') return 1;
	return compareText(a, b);
}

function compareText(a: string, b: string): number {
	if (a === b) return 0;
	return a < b ? -1 : 1;
}
