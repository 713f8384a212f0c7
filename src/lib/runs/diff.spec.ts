import { describe, expect, it } from 'vitest';
import { diffLines, diffText, hasChanges } from './diff';

describe('diffLines', () => {
	it('marks the lines added and removed between two texts, keeping the common ones', () => {
		expect(diffLines('a\nb\nc', 'a\nx\nc\nd')).toEqual([
			{ kind: 'same', text: 'a' },
			{ kind: 'removed', text: 'b' },
			{ kind: 'added', text: 'x' },
			{ kind: 'same', text: 'c' },
			{ kind: 'added', text: 'd' }
		]);
	});

	it('finds no change between equal texts', () => {
		expect(hasChanges(diffLines('a\nb', 'a\nb'))).toBe(false);
		expect(hasChanges(diffLines('', 'a'))).toBe(true);
	});
});

describe('diffText', () => {
	it('opens JSON bodies held in strings, so their fields are compared line by line', () => {
		const text = diffText({ request: { body: '{"customer":"Acme"}' } });
		expect(text).toContain('"customer": "Acme"');
		expect(diffText(null)).toBe('');
	});
});
