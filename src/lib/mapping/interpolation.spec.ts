import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { environment } from './environment';
import { buildWithHandlebars, RUNTIME_OPTIONS } from './handlebars-build';
import { compileInterpolation } from './interpolation';
import type { RenderMode } from './templates';

function interpolate(source: string, mode: RenderMode) {
	return compileInterpolation(environment.parse(source), mode);
}

/** What Handlebars itself gives, or the kind of error it throws. */
function outcome(render: () => string): string {
	try {
		return render();
	} catch (error) {
		return `threw ${(error as Error).constructor.name}`;
	}
}

/** What the template gives when compiled by Handlebars, as templates that call helpers are. */
function handlebars(source: string, mode: RenderMode, context: object): string {
	const template = buildWithHandlebars(environment.parse(source), mode, []);
	return outcome(() => template(context, RUNTIME_OPTIONS));
}

describe('compileInterpolation', () => {
	it('takes templates of text, comments and plain values', () => {
		expect(interpolate('https://x.test/a', 'text')).not.toBeNull();
		expect(
			interpolate('Hi {{[Customer Name]}}, {{answer.name}} {{! note }}', 'html')
		).not.toBeNull();
	});

	it('leaves helpers, blocks, data and parent paths to Handlebars', () => {
		for (const source of [
			'{{json x}}',
			'{{now}}',
			'{{#if x}}y{{/if}}',
			'{{@index}}',
			'{{../x}}',
			'{{this}}'
		]) {
			expect(interpolate(source, 'text')).toBeNull();
		}
	});

	it('gives a constant for a template without values', () => {
		const render = interpolate('  plain {{! gone }}text  ', 'text');
		expect(render?.({})).toBe('  plain text  ');
	});
});

describe('interpolation agrees with Handlebars', () => {
	const KEYS = ['name', 'Customer Name', 'answer', 'a', 'log', 'b', 'length'];
	const scalar = fc.oneof(
		fc.constantFrom(null, true, false, 0, 1.5, '', '<b>"Ann" & \'Co\'</b>', 'a=`b`', 'plain'),
		fc.string({ maxLength: 6 })
	);
	const value = fc.letrec<{ value: unknown }>((tie) => ({
		value: fc.oneof(
			{ depthSize: 'small' },
			scalar,
			fc.array(scalar, { maxLength: 3 }),
			fc.dictionary(fc.constantFrom(...KEYS), tie('value'), { maxKeys: 4 })
		)
	})).value;
	const context = fc
		.dictionary(fc.constantFrom(...KEYS), value, { maxKeys: 6 })
		.map((values) => Object.assign(Object.create(null), values));

	const piece = fc.oneof(
		fc.constantFrom('text ', ' & < ', '\n', '  ', 'x'),
		fc.constantFrom(
			'{{name}}',
			'{{{name}}}',
			'{{[Customer Name]}}',
			'{{answer.name}}',
			'{{a.b.name}}'
		),
		fc.constantFrom(
			'{{name.length}}',
			'{{log}}',
			'{{~name~}}',
			'{{! a comment }}',
			'{{answer.[name]}}'
		)
	);
	const template = fc.array(piece, { minLength: 1, maxLength: 6 }).map((pieces) => pieces.join(''));

	it.each(['text', 'html'] as const)('renders the same in %s mode', (mode) => {
		fc.assert(
			fc.property(template, context, (source, values) => {
				const render = interpolate(source, mode);
				expect(render).not.toBeNull();
				expect(outcome(() => render!(values))).toBe(handlebars(source, mode, values));
			}),
			{ numRuns: 500 }
		);
	});
});
