import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { renewalInvoicesExample } from './examples';
import { validateDefinition, type DefinitionValidation } from './validate';

/** Every answer has this shape, whatever the input. */
function expectWellFormed(result: DefinitionValidation): void {
	const all = result.ok ? result.warnings : [...result.problems, ...result.warnings];
	for (const problem of all) {
		expect(typeof problem.path).toBe('string');
		expect(problem.message).toMatch(/\S/);
	}
	if (!result.ok) expect(result.problems.length).toBeGreaterThan(0);
}

/** Any value JavaScript can hand over, including the ones JSON cannot hold. */
const anyValue = fc.anything({
	withBigInt: true,
	withBoxedValues: true,
	withDate: true,
	withMap: true,
	withSet: true,
	withNullPrototype: true,
	withObjectString: true,
	withSparseArray: true,
	withTypedArray: true
});

/** The example with one field somewhere replaced by an arbitrary JSON value. */
const exampleWithOneFieldReplaced = fc
	.tuple(fc.nat(), fc.jsonValue())
	.map(([choice, replacement]) => {
		const definition = renewalInvoicesExample() as unknown as Record<string, unknown>;
		const slots = collectSlots(definition);
		const [parent, key] = slots[choice % slots.length];
		parent[key] = replacement;
		return definition;
	});

type Slot = [Record<string | number, unknown>, string | number];

function collectSlots(node: unknown, slots: Slot[] = []): Slot[] {
	if (node === null || typeof node !== 'object') return slots;
	const container = node as Record<string | number, unknown>;
	for (const key of Object.keys(container)) {
		slots.push([container, Array.isArray(node) ? Number(key) : key]);
		collectSlots(container[key], slots);
	}
	return slots;
}

describe('validateDefinition on arbitrary input', () => {
	it('never throws for any JavaScript value', () => {
		fc.assert(
			fc.property(anyValue, (input) => expectWellFormed(validateDefinition(input))),
			{ numRuns: 500 }
		);
	});

	it('never throws for any JSON value', () => {
		fc.assert(
			fc.property(fc.jsonValue(), (input) => expectWellFormed(validateDefinition(input))),
			{ numRuns: 500 }
		);
	});

	it('never throws when one field of a valid definition is replaced by anything', () => {
		fc.assert(
			fc.property(exampleWithOneFieldReplaced, (input) =>
				expectWellFormed(validateDefinition(input))
			),
			{ numRuns: 500 }
		);
	});

	it('accepts its own output again unchanged', () => {
		fc.assert(
			fc.property(exampleWithOneFieldReplaced, (input) => {
				const first = validateDefinition(input);
				if (!first.ok) return;
				const second = validateDefinition(first.definition);
				expect(second).toEqual(first);
			}),
			{ numRuns: 300 }
		);
	});

	it('answers without overflowing on cyclic or deeply nested input', () => {
		const cyclic: Record<string, unknown> = { slug: 'a', label: 'A', outputs: [] };
		cyclic.rowFilter = { all: [cyclic] };
		let deep: unknown = { column: 'x', op: 'not-empty' };
		for (let i = 0; i < 10_000; i++) deep = { all: [deep] };

		expect(validateDefinition(cyclic)).toMatchObject({
			ok: false,
			problems: [
				{
					path: 'rowFilter.all[0]',
					message: 'must not contain itself (the value refers back to itself)'
				}
			]
		});
		const deepResult = validateDefinition({ slug: 'a', label: 'A', outputs: [], rowFilter: deep });
		expect(deepResult.ok).toBe(false);
		expect(!deepResult.ok && deepResult.problems[0].message).toBe(
			'is nested more than 64 levels deep'
		);
	});
});
