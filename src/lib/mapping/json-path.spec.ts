import fc from 'fast-check';
import { JSONPath } from 'jsonpath-plus';
import { describe, expect, it } from 'vitest';
import { compileJsonPath, parseSimplePath } from './json-path';

function evaluate(path: string, root: unknown): unknown {
	const compiled = compileJsonPath(path);
	if (!compiled.ok) throw new Error(compiled.message);
	return compiled.path.evaluate(root);
}

function row(values: Record<string, unknown>): Record<string, unknown> {
	return Object.assign(Object.create(null), values);
}

describe('simple paths', () => {
	it.each([
		'$',
		'$.name',
		"$['Customer Name']",
		'$["a b"]',
		'$[0]',
		'$.rows[*].Email',
		"$.rows[*]['Email']",
		'$.answer.name',
		'$.*',
		"$['Revenue, USD']",
		"$['O\\'Brien']",
		'$.prénom'
	])('%s takes the fast path', (path) => {
		const compiled = compileJsonPath(path);
		expect(compiled.ok && compiled.path.simple).toBe(true);
	});

	it.each(['$..x', '$.rows[0:2]', '$.rows[0,1]', '$.a.b^', '$[-1]', '$.0'])(
		'%s goes to jsonpath-plus',
		(path) => {
			const compiled = compileJsonPath(path);
			expect(compiled.ok && compiled.path.simple).toBe(false);
		}
	);

	it('splits a path into keys and wildcards once', () => {
		expect(parseSimplePath("$.rows[*]['Customer Name'][2]")).toEqual([
			{ kind: 'key', key: 'rows' },
			{ kind: 'wildcard' },
			{ kind: 'key', key: 'Customer Name' },
			{ kind: 'key', key: '2' }
		]);
	});
});

describe('evaluating a path', () => {
	const push = {
		answer: { name: 'Renewals' },
		rows: [
			row({ Email: 'a@example.com', 'Customer Name': 'Ann' }),
			row({ Email: 'b@example.com' })
		],
		rowCount: 2
	};

	it('reads a column with spaces from a row without a prototype', () => {
		expect(evaluate("$['Customer Name']", push.rows[0])).toBe('Ann');
	});

	it('gives every match of a wildcard as an array', () => {
		expect(evaluate('$.rows[*].Email', push)).toEqual(['a@example.com', 'b@example.com']);
	});

	it('gives a one-element array when a wildcard matches once', () => {
		expect(evaluate("$.rows[*]['Customer Name']", push)).toEqual(['Ann']);
	});

	it('gives null when nothing matches', () => {
		expect(evaluate('$.answer.id', push)).toBeNull();
		expect(evaluate('$.rows[*].Phone', push)).toBeNull();
		expect(evaluate('$.rows[5]', push)).toBeNull();
	});

	it('gives the value itself, even an array, for a path without wildcard', () => {
		expect(evaluate('$.rows', push)).toBe(push.rows);
		expect(evaluate('$.rows.length', push)).toBe(2);
	});

	it('never reads from a prototype', () => {
		expect(evaluate('$.constructor', {})).toBeNull();
		expect(evaluate('$.__proto__', {})).toBeNull();
		expect(evaluate("$.rows[0]['toString']", push)).toBeNull();
		expect(evaluate('$.answer.hasOwnProperty', push)).toBeNull();
	});

	it('reads a quoted name literally, commas and escaped quotes included', () => {
		expect(evaluate("$['Revenue, USD']", row({ 'Revenue, USD': 12, Revenue: 1 }))).toBe(12);
		expect(evaluate("$['O\\'Brien']", row({ "O'Brien": 'yes' }))).toBe('yes');
	});

	it('finds values at any depth through jsonpath-plus', () => {
		expect(evaluate('$..Email', push)).toEqual(['a@example.com', 'b@example.com']);
	});

	it('keeps a null cell as null', () => {
		expect(evaluate('$.Email', row({ Email: null }))).toBeNull();
	});
});

describe('bad paths', () => {
	it.each([
		['', 'empty'],
		['name', 'does not start with $'],
		['$.rows[?(@.Email)]', 'script expression'],
		['$[(@.length-1)]', 'script expression'],
		["$['a", 'never closed'],
		['$.rows.', 'ends with a dot']
	])('%j is refused: %s', (path, reason) => {
		const compiled = compileJsonPath(path);
		expect(compiled.ok).toBe(false);
		expect(!compiled.ok && compiled.message).toContain(reason);
	});
});

describe('the fast path agrees with jsonpath-plus', () => {
	// Names jsonpath-plus reads literally; it gives meaning to ' " [ ] , ; ^ ~ @ ( ) * $ : ` % ?
	const NAMES = [
		'a',
		'b',
		'Email',
		'Customer Name',
		'x.y',
		'0',
		'1',
		'é t',
		'rows',
		'length',
		'n-1'
	];
	const name = fc.constantFrom(...NAMES);

	const value = fc.letrec<{ value: unknown }>((tie) => ({
		value: fc.oneof(
			{ depthSize: 'small', withCrossShrink: true },
			fc.constantFrom(null, true, false, 0, 1, '', 'abc', 'Ann'),
			fc.integer(),
			fc.array(tie('value'), { maxLength: 4 }),
			fc.dictionary(name, tie('value'), { maxKeys: 5 })
		)
	})).value;
	const root = fc.oneof(
		fc.dictionary(name, value, { maxKeys: 6 }),
		fc.array(value, { maxLength: 4 })
	);

	const step = fc.oneof(
		name.map((key) => (/^[\p{L}_][\p{L}\p{N}_-]*$/u.test(key) ? `.${key}` : `['${key}']`)),
		name.map((key) => `["${key}"]`),
		fc.integer({ min: 0, max: 3 }).map((index) => `[${index}]`),
		fc.constantFrom('[*]', '.*')
	);
	const path = fc.array(step, { maxLength: 4 }).map((steps) => `$${steps.join('')}`);

	it('gives the same result on generated objects and simple paths', () => {
		fc.assert(
			fc.property(root, path, (json, jsonPath) => {
				const compiled = compileJsonPath(jsonPath);
				expect(compiled.ok && compiled.path.simple).toBe(true);
				const expected = JSONPath({ path: jsonPath, json, wrap: false, eval: false }) ?? null;
				expect(evaluate(jsonPath, json)).toEqual(expected);
			}),
			{ numRuns: 1000 }
		);
	});
});
