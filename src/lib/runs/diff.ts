/**
 * Line-by-line differences between what a run sent and what a replay would send, for the
 * dry-run replay. A longest-common-subsequence diff: rendered outputs are small, and past a
 * size where that grows costly the whole text is shown as replaced instead.
 */

export type DiffLine = { kind: 'same' | 'added' | 'removed'; text: string };

/** Above this many line pairs the texts are shown as replaced whole, not diffed. */
const MAX_CELLS = 4_000_000;

export function diffLines(before: string, after: string): DiffLine[] {
	const a = before === '' ? [] : before.split('\n');
	const b = after === '' ? [] : after.split('\n');
	if (a.length * b.length > MAX_CELLS) return replaced(a, b);

	const lengths = commonLengths(a, b);
	const lines: DiffLine[] = [];
	let i = 0;
	let j = 0;
	while (i < a.length && j < b.length) {
		if (a[i] === b[j]) {
			lines.push({ kind: 'same', text: a[i++] });
			j++;
		} else if (lengths[i + 1][j] >= lengths[i][j + 1]) {
			lines.push({ kind: 'removed', text: a[i++] });
		} else {
			lines.push({ kind: 'added', text: b[j++] });
		}
	}
	while (i < a.length) lines.push({ kind: 'removed', text: a[i++] });
	while (j < b.length) lines.push({ kind: 'added', text: b[j++] });
	return lines;
}

/** lengths[i][j]: the longest common subsequence of a[i..] and b[j..]. */
function commonLengths(a: string[], b: string[]): Uint32Array[] {
	const lengths = Array.from({ length: a.length + 1 }, () => new Uint32Array(b.length + 1));
	for (let i = a.length - 1; i >= 0; i--) {
		for (let j = b.length - 1; j >= 0; j--) {
			lengths[i][j] =
				a[i] === b[j] ? lengths[i + 1][j + 1] + 1 : Math.max(lengths[i + 1][j], lengths[i][j + 1]);
		}
	}
	return lengths;
}

function replaced(a: string[], b: string[]): DiffLine[] {
	return [
		...a.map((text) => ({ kind: 'removed' as const, text })),
		...b.map((text) => ({ kind: 'added' as const, text }))
	];
}

export function hasChanges(lines: DiffLine[]): boolean {
	return lines.some((line) => line.kind !== 'same');
}

/** A value as the diff compares it: pretty JSON, with strings that hold JSON opened up. */
export function diffText(value: unknown): string {
	if (value === null || value === undefined) return '';
	return JSON.stringify(openJsonStrings(value), null, 2);
}

/** An HTTP body is a JSON string inside the plan; opened, its changes show line by line. */
function openJsonStrings(value: unknown): unknown {
	if (typeof value === 'string' && /^\s*[{[]/.test(value)) {
		try {
			return JSON.parse(value);
		} catch {
			return value;
		}
	}
	if (Array.isArray(value)) return value.map(openJsonStrings);
	if (typeof value === 'object' && value !== null) {
		return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, openJsonStrings(v)]));
	}
	return value;
}
