import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { alwaysJson } from './json-shape';
import { compileTemplate, renderTemplate } from './templates';

const LIMITS = { now: new Date('2024-03-10T12:00:00Z'), timeLimitMs: 1000, maxOutputChars: 1e6 };

function compiled(source: string) {
	const result = compileTemplate(source, 'text', 'request.body');
	if (!result.ok) throw new Error(`"${source}" does not compile`);
	return result.template;
}

describe('alwaysJson', () => {
	it('knows values in value places always give JSON', () => {
		expect(alwaysJson(['{ "a": ', ', "b": [', ', 2] }'])).toBe(true);
		expect(alwaysJson([' ', ' '])).toBe(true);
		expect(alwaysJson(['{}'])).toBe(true);
	});

	it('does not vouch for values inside strings, numbers, keys or next to each other', () => {
		for (const texts of [
			['"', '"'],
			['"a\\', '"'],
			['{ ', ': 1 }'],
			['[1', ']'],
			['[-', ']'],
			['[', '.5]'],
			['[', 'e3]'],
			['[', '', ']'],
			['{ "a": ', ' '],
			['not json']
		]) {
			expect(alwaysJson(texts)).toBe(false);
		}
		expect(alwaysJson(null)).toBe(false);
	});

	it('is set on body templates made of text and {{json}} values only', () => {
		expect(compiled('{ "a": {{json a}}, "b": {{{json b}}} }').alwaysJson).toBe(true);
		expect(compiled('{ "a": "{{a}}" }').alwaysJson).toBe(false);
		expect(compiled('{ "a": {{json (upper a)}} }').alwaysJson).toBe(true);
		expect(compiled('{ "a": {{upper a}} }').alwaysJson).toBe(false);
		expect(compiled('[{{#each rows}}{{json this}}{{/each}}]').alwaysJson).toBeFalsy();
		const html = compileTemplate('{ "a": {{json a}} }', 'html', 'page.template');
		expect(html.ok && html.template.alwaysJson).toBe(false);
	});
});

describe('templates said to always give JSON', () => {
	const piece = fc.constantFrom(
		'{',
		'}',
		'[',
		']',
		',',
		':',
		' ',
		'"k"',
		'"',
		'\\',
		'1',
		'-',
		'.',
		'e',
		'true',
		'{"k": ',
		': 0}',
		'{{json a}}',
		'{{json b}}',
		'{{{json a}}}'
	);
	const template = fc.array(piece, { minLength: 1, maxLength: 10 }).map((p) => p.join(''));
	const value = fc.oneof(
		fc.jsonValue(),
		fc.constantFrom(undefined, -1, 1e21, -0.5, NaN, '"\\', '\u2028', '\ud800', [], {})
	);

	it('give valid JSON for every value', () => {
		let proven = 0;
		fc.assert(
			fc.property(template, value, value, (source, a, b) => {
				const result = compileTemplate(source, 'text', 'request.body');
				if (!result.ok || !result.template.alwaysJson) return;
				proven++;
				const context = Object.assign(Object.create(null), { a, b });
				const text = renderTemplate(result.template, context, LIMITS);
				expect(typeof text).toBe('string');
				expect(() => JSON.parse(text as string)).not.toThrow();
			}),
			{ numRuns: 5000 }
		);
		// The generator must reach the interesting case often enough to mean something.
		expect(proven).toBeGreaterThan(100);
	});
});
