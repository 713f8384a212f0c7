/** Comparing column names the way people mean them: case, spacing and small typos aside. */

/** A name for comparison: Unicode-normalized, lower case, trimmed, inner spaces collapsed. */
export function comparableName(name: string): string {
	return name.normalize('NFKC').toLowerCase().trim().replace(/\s+/g, ' ');
}

/** Levenshtein distance, two rows at a time; names are short, so this stays cheap. */
export function editDistance(a: string, b: string): number {
	if (a === b) return 0;
	let previous = Array.from({ length: b.length + 1 }, (_, j) => j);
	for (let i = 1; i <= a.length; i++) {
		const current = [i];
		for (let j = 1; j <= b.length; j++) {
			const substitution = previous[j - 1] + (a[i - 1] === b[j - 1] ? 0 : 1);
			current[j] = Math.min(previous[j] + 1, current[j - 1] + 1, substitution);
		}
		previous = current;
	}
	return previous[b.length];
}

/**
 * The candidate closest to a wanted name, when it is close enough to be a likely mix-up:
 * within two edits, or within two fifths of the longer name ("Customer" for "Customer Name").
 */
export function closestName(wanted: string, candidates: readonly string[]): string | undefined {
	const target = comparableName(wanted);
	let best: { name: string; distance: number } | undefined;
	for (const name of candidates) {
		const compared = comparableName(name);
		const distance = editDistance(target, compared);
		const allowed = Math.max(2, Math.floor(0.4 * Math.max(target.length, compared.length)));
		if (distance > allowed) continue;
		if (best === undefined || distance < best.distance) best = { name, distance };
	}
	return best?.name;
}
