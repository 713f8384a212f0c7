import { describe, expect, it } from 'vitest';
import { formatPath, toProblems } from './problems';

describe('formatPath', () => {
	it('reads like the JSON it points at', () => {
		expect(formatPath(['outputs', 1, 'email', 'to'])).toBe('outputs[1].email.to');
	});

	it('quotes keys that are not plain names', () => {
		expect(formatPath(['headers', 'Content-Type'])).toBe('headers["Content-Type"]');
		expect(formatPath(['query', '0'])).toBe('query["0"]');
	});

	it('gives the empty string for the definition itself', () => {
		expect(formatPath([])).toBe('');
	});
});

describe('toProblems', () => {
	it('sorts by path with indices in numeric order and removes repeats', () => {
		const problems = toProblems([
			{ at: ['outputs', 10, 'id'], message: 'b' },
			{ at: ['label'], message: 'a' },
			{ at: ['outputs', 2, 'id'], message: 'c' },
			{ at: ['label'], message: 'a' }
		]);
		expect(problems).toEqual([
			{ path: 'label', message: 'a' },
			{ path: 'outputs[2].id', message: 'c' },
			{ path: 'outputs[10].id', message: 'b' }
		]);
	});
});
