/**
 * Slugs: the action's address (/a/<slug>). Lowercase letters, digits and hyphens, 1 to 64
 * characters, not starting with a hyphen; the schema's `slug` pattern says the same.
 */

export const SLUG_PATTERN = /^[a-z0-9][a-z0-9-]{0,63}$/;
export const MAX_SLUG_LENGTH = 64;

/** Whether `value` can be an action's slug. */
export function isValidSlug(value: string): boolean {
	return SLUG_PATTERN.test(value);
}

/**
 * A slug made from a label: accents dropped, other characters turned into single hyphens,
 * cut to 64 characters. A label with no letters or digits gives `action`.
 */
export function slugify(label: string): string {
	const slug = label
		.normalize('NFKD')
		.replace(/\p{M}+/gu, '')
		.toLowerCase()
		.replace(/[^a-z0-9]+/g, '-')
		.replace(/^-+/, '')
		.slice(0, MAX_SLUG_LENGTH)
		.replace(/-+$/, '');
	return slug === '' ? 'action' : slug;
}
