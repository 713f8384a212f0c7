import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { isValidSlug, slugify } from './slug';

describe('slugify', () => {
	it('lowercases a label and joins its words with hyphens', () => {
		expect(slugify('Send renewal invoices')).toBe('send-renewal-invoices');
	});

	it('drops accents and turns punctuation into single hyphens', () => {
		expect(slugify('  Crème brûlée: Q3 / EMEA!! ')).toBe('creme-brulee-q3-emea');
	});

	it('cuts long labels to 64 characters without a trailing hyphen', () => {
		const slug = slugify(`${'a'.repeat(63)} b`);
		expect(slug).toBe('a'.repeat(63));
	});

	it('falls back to "action" when nothing usable is left', () => {
		expect(slugify('¿?')).toBe('action');
		expect(slugify('日本語')).toBe('action');
	});

	it('always gives a valid slug', () => {
		fc.assert(
			fc.property(fc.string({ unit: 'grapheme', maxLength: 200 }), (label) => {
				expect(isValidSlug(slugify(label))).toBe(true);
			})
		);
	});
});

describe('isValidSlug', () => {
	it('accepts lowercase letters, digits and hyphens', () => {
		expect(isValidSlug('renewal-invoices-2')).toBe(true);
		expect(isValidSlug('9')).toBe(true);
		expect(isValidSlug('a'.repeat(64))).toBe(true);
	});

	it('refuses empty, too long, uppercase, leading hyphens and other characters', () => {
		for (const slug of ['', 'a'.repeat(65), 'Renewal', '-renewal', 'renewal_invoices', 'a b']) {
			expect(isValidSlug(slug), slug).toBe(false);
		}
	});
});
