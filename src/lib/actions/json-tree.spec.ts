import { describe, expect, it } from 'vitest';
import { readJsonTree } from './json-tree';

describe('readJsonTree', () => {
	it('copies JSON values and leaves out properties set to undefined', () => {
		const input = { a: [1, 'two', null, true], b: { c: undefined, d: -0 } };
		const result = readJsonTree(input);
		expect(result).toEqual({ ok: true, tree: { a: [1, 'two', null, true], b: { d: -0 } } });
		expect(result.ok && result.tree).not.toBe(input);
	});

	it('keeps a key named __proto__ as an ordinary key', () => {
		const result = readJsonTree(JSON.parse('{"__proto__": {"polluted": true}}'));
		const tree = result.ok ? (result.tree as object) : {};
		expect(Object.getPrototypeOf(tree)).toBe(Object.prototype);
		expect(Object.keys(tree)).toEqual(['__proto__']);
		expect(({} as Record<string, unknown>).polluted).toBeUndefined();
	});

	it('reports values JSON cannot hold, each at its path', () => {
		const getter = Object.defineProperty({}, 'x', { get: () => 1, enumerable: true });
		const result = readJsonTree({
			when: new Date(0),
			list: [undefined, 1n, Symbol('s')],
			ratio: Infinity,
			getter
		});
		expect(result).toEqual({
			ok: false,
			findings: [
				{ at: ['when'], message: 'must be a JSON value, not a Date' },
				{ at: ['list', 0], message: 'must be a JSON value, not undefined' },
				{ at: ['list', 1], message: 'must be a JSON value, not a bigint' },
				{ at: ['list', 2], message: 'must be a JSON value, not a symbol' },
				{ at: ['ratio'], message: 'must be a finite number' },
				{ at: ['getter', 'x'], message: 'must be a plain value, not a getter' }
			]
		});
	});

	it('accepts the same object twice when it is shared, not cyclic', () => {
		const shared = { column: 'A', op: 'not-empty' };
		expect(readJsonTree({ all: [shared, shared] }).ok).toBe(true);
	});
});
