import { describe, expect, it } from 'vitest';
import { validateDefinition } from '../validate';
import { actionExamples, blankDefinition, renewalInvoicesExample } from '.';

describe('the examples', () => {
	it('all validate without warnings, and their key is their slug', () => {
		for (const example of actionExamples) {
			const definition = example.create();
			expect(validateDefinition(definition), example.key).toMatchObject({ ok: true, warnings: [] });
			expect(definition.slug).toBe(example.key);
		}
	});

	it('are fresh copies, so editing one never changes the next', () => {
		const first = renewalInvoicesExample();
		first.outputs.pop();
		expect(renewalInvoicesExample().outputs).toHaveLength(2);
	});

	it('keep the field names and values of the design notes', () => {
		const example = renewalInvoicesExample();
		expect(example.auth).toEqual({ type: 'bearer', secret: 'thoughtspot-token' });
		expect(example.rowFilter).toEqual({ all: [{ column: 'Contract Value', op: 'gt', value: 0 }] });
		expect(example.outputs.map((output) => [output.id, output.type, output.mode])).toEqual([
			['invoice', 'http', 'per-row'],
			['notice', 'email', 'per-row']
		]);
	});
});

describe('blankDefinition', () => {
	it('is valid as it stands, with every default written out', () => {
		const result = validateDefinition(blankDefinition('quarterly-review', 'Quarterly review'));
		expect(result).toEqual({
			ok: true,
			definition: blankDefinition('quarterly-review', 'Quarterly review'),
			warnings: []
		});
	});

	it('is refused when its slug is not a slug, so callers cannot skip validation', () => {
		const result = validateDefinition(blankDefinition('Quarterly review', 'Quarterly review'));
		expect(result.ok).toBe(false);
	});
});
