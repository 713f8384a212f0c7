import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { FORMAT_IDS } from './formats';
import { normalize } from './normalize';
import { loadSample, SAMPLE_FILES } from './test-samples';
import type { CanonicalTable } from './types';

const COLUMN_TYPES = ['string', 'number', 'boolean', 'date', 'datetime', 'unknown'];

/** What every normalized table must be, whatever was pushed. */
function expectValidTable(table: CanonicalTable): void {
	expect(FORMAT_IDS).toContain(table.format);
	expect(table.tables[0]?.columns ?? []).toBe(table.columns);
	const names = table.columns.map((column) => column.name);
	expect(new Set(names).size).toBe(names.length);
	for (const column of table.columns) {
		expect(typeof column.name).toBe('string');
		expect(COLUMN_TYPES).toContain(column.type);
	}
	for (const row of table.rows) {
		expect(Object.getPrototypeOf(row)).toBeNull();
		expect(Object.keys(row)).toEqual(names);
		for (const value of Object.values(row))
			expect(value === null || ['string', 'number', 'boolean'].includes(typeof value)).toBe(true);
	}
	for (const warning of table.warnings) expect(warning.message.length).toBeGreaterThan(0);
}

/** Normalizes without throwing and returns either a valid table or a problem a person can read. */
function expectSafe(body: unknown): void {
	const result = normalize(body);
	if (result.ok) {
		expectValidTable(result.table);
		return;
	}
	expect(result.problem.code).toMatch(/^[a-z]+(?:-[a-z]+)*$/);
	expect(result.problem.message.length).toBeGreaterThan(20);
	// Long names and values are cut short, so a message stays readable.
	expect(result.problem.message.length).toBeLessThan(3000);
}

type Path = (string | number)[];

/** Every position in a JSON value, from the root down. */
function pathsOf(value: unknown, prefix: Path = []): Path[] {
	const paths: Path[] = [prefix];
	if (Array.isArray(value))
		value.forEach((item, i) => paths.push(...pathsOf(item, [...prefix, i])));
	else if (typeof value === 'object' && value !== null)
		for (const [key, item] of Object.entries(value)) paths.push(...pathsOf(item, [...prefix, key]));
	return paths;
}

const REMOVE = Symbol('remove');

/** A copy of a JSON value with one position replaced, or removed. */
function replaceAt(root: unknown, path: Path, replacement: unknown): unknown {
	if (path.length === 0) return replacement === REMOVE ? undefined : replacement;
	const copy = JSON.parse(JSON.stringify(root));
	let parent = copy;
	for (const key of path.slice(0, -1)) parent = parent[key];
	const last = path[path.length - 1];
	if (replacement === REMOVE) {
		if (Array.isArray(parent)) parent.splice(last as number, 1);
		else delete parent[last];
	} else {
		// defineProperty, so a replacement under a key such as __proto__ stays an own property.
		Object.defineProperty(parent, last, { value: replacement, enumerable: true, writable: true });
	}
	return copy;
}

function deeplyNested(depth: number): unknown {
	return JSON.parse('['.repeat(depth) + ']'.repeat(depth));
}

/** The classic Liveboard sample with its data decoded, so its insides can be changed too. */
const classic = loadSample('callback-liveboard-classic.json') as { data: string };
const classicData = JSON.parse(classic.data);
function classicWith(data: unknown): unknown {
	return { ...classic, data: JSON.stringify(data) };
}

const WRONG_VALUES: unknown[] = [
	REMOVE,
	null,
	0,
	-1.5,
	'',
	'x',
	'[1, 2',
	true,
	[],
	{},
	[null],
	{ v: { s: 'soon' } },
	{ v: { s: 1e20 } },
	JSON.parse('{"__proto__": {"polluted": true}}')
];

describe('normalize never throws', () => {
	it.each(SAMPLE_FILES)('for %s with a wrong value or a removal at every position', (file) => {
		const sample = loadSample(file);
		for (const path of pathsOf(sample))
			for (const wrong of WRONG_VALUES) expectSafe(replaceAt(sample, path, wrong));
	});

	it('for the classic Liveboard with a wrong value at every position inside its data text', () => {
		for (const path of pathsOf(classicData))
			for (const wrong of WRONG_VALUES)
				expectSafe(classicWith(replaceAt(classicData, path, wrong)));
	});

	it('for arbitrary JSON values', () => {
		fc.assert(
			fc.property(fc.jsonValue(), (body) => expectSafe(body)),
			{ numRuns: 500 }
		);
	});

	it('for arbitrary JSON placed anywhere in a sample', () => {
		const samples = [...SAMPLE_FILES.map((file) => loadSample(file)), classicData];
		const positions = samples.flatMap((sample, index) =>
			pathsOf(sample).map((path) => ({ index, path }))
		);
		fc.assert(
			fc.property(
				fc.constantFrom(...positions),
				fc.jsonValue({ maxDepth: 4 }),
				({ index, path }, value) => {
					const body = replaceAt(samples[index], path, value);
					expectSafe(index === SAMPLE_FILES.length ? classicWith(body) : body);
				}
			),
			{ numRuns: 1000 }
		);
	});

	it('for objects with __proto__, constructor and prototype keys at the places shapes look', () => {
		const keys = fc.constantFrom(
			'__proto__',
			'constructor',
			'prototype',
			'toString',
			'data',
			'rows',
			'columns',
			'contents',
			'columnNames',
			'embedAnswerData'
		);
		const hostile = fc.letrec((tie) => ({
			node: fc.oneof(
				{ depthSize: 'small' },
				fc.jsonValue({ maxDepth: 1 }),
				fc.array(tie('node'), { maxLength: 3 }),
				fc.dictionary(keys, tie('node'), { maxKeys: 4 })
			)
		})).node;
		fc.assert(
			fc.property(hostile, (body) => expectSafe(JSON.parse(JSON.stringify(body)))),
			{ numRuns: 500 }
		);
	});

	it('for deep nesting at the top, in place of columns and as a cell', () => {
		const deep = deeplyNested(50_000);
		const answer = loadSample('callback-answer-menu.json');

		expectSafe(deep);
		expectSafe({ rows: deep });
		expectSafe(replaceAt(answer, ['data', 'embedAnswerData', 'columns'], deep));
		expectSafe(
			replaceAt(
				answer,
				['data', 'embedAnswerData', 'data', 'columnDataLite', 0, 'dataValue', 0],
				deep
			)
		);
		const deepText = '['.repeat(50_000) + ']'.repeat(50_000);
		expectSafe({ id: 'x', data: `{"reportBookData": ${deepText}}` });
		expectSafe({ id: 'x', data: deepText });
	});

	it('for huge strings as names, values and JSON text, without repeating them in messages', () => {
		const huge = 'x'.repeat(2_000_000);
		const answer = loadSample('callback-answer-menu.json');

		expectSafe({ [huge]: 1 });
		expectSafe([{ [huge]: huge }]);
		expectSafe(replaceAt(answer, ['data', 'embedAnswerData', 'columns', 0, 'column', 'id'], huge));
		expectSafe(
			replaceAt(answer, ['data', 'embedAnswerData', 'columns', 1, 'column', 'id'], [huge])
		);
		expectSafe({ id: 'x', data: huge });
		expectSafe({ columnNames: [huge, huge], data: [[1, 2]] });
	});
});
