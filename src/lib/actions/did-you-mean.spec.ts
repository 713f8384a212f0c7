import { describe, expect, it } from 'vitest';
import { closestName, editDistance } from './did-you-mean';

describe('closestName', () => {
	const fields = ['id', 'type', 'label', 'mode', 'retry', 'request'];

	it('finds swapped letters, missing letters and the wrong case', () => {
		expect(closestName('mdoe', fields)).toBe('mode');
		expect(closestName('requst', fields)).toBe('request');
		expect(closestName('LABEL', fields)).toBe('label');
	});

	it('suggests nothing when no field is close', () => {
		expect(closestName('colour', fields)).toBeUndefined();
		expect(closestName('x'.repeat(10_000), fields)).toBeUndefined();
	});
});

describe('editDistance', () => {
	it('counts a swap of neighbours as one edit', () => {
		expect(editDistance('mdoe', 'mode')).toBe(1);
		expect(editDistance('kitten', 'sitting')).toBe(3);
		expect(editDistance('', 'abc')).toBe(3);
	});
});
