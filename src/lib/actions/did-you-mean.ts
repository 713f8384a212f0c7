/**
 * Suggests the field a person probably meant when they typed one the definition does not
 * have: `mdoe` → `mode`, `submitto` → `submitTo`.
 */

/** The candidate closest to `typed`, when it is close enough to be a likely typo. */
export function closestName(typed: string, candidates: readonly string[]): string | undefined {
	const lowered = typed.toLowerCase();
	let best: string | undefined;
	let bestDistance = Infinity;
	for (const candidate of candidates) {
		// The length difference is a lower bound on the distance: skip hopeless (and long) pairs.
		if (Math.abs(typed.length - candidate.length) > allowedDistance(candidate)) continue;
		const distance = editDistance(lowered, candidate.toLowerCase());
		if (distance < bestDistance && distance <= allowedDistance(candidate)) {
			best = candidate;
			bestDistance = distance;
		}
	}
	return best;
}

/** Short names tolerate one slip; longer ones one per three characters. */
function allowedDistance(candidate: string): number {
	return Math.max(1, Math.floor(candidate.length / 3));
}

/**
 * Edits between two strings, counting a swap of neighbours as one edit (the optimal
 * string alignment distance), since swapped letters are the commonest typo.
 */
export function editDistance(a: string, b: string): number {
	const rows = a.length + 1;
	const columns = b.length + 1;
	const d: number[][] = Array.from({ length: rows }, (_, i) =>
		Array.from({ length: columns }, (_, j) => (i === 0 ? j : j === 0 ? i : 0))
	);
	for (let i = 1; i < rows; i++) {
		for (let j = 1; j < columns; j++) {
			const cost = a[i - 1] === b[j - 1] ? 0 : 1;
			d[i][j] = Math.min(d[i - 1][j] + 1, d[i][j - 1] + 1, d[i - 1][j - 1] + cost);
			if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) {
				d[i][j] = Math.min(d[i][j], d[i - 2][j - 2] + 1);
			}
		}
	}
	return d[a.length][b.length];
}
