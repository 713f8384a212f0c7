import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { environment } from './environment';
import { buildWithHandlebars, RUNTIME_OPTIONS } from './handlebars-build';
import { compileInterpolation } from './interpolation';
import { inspectTemplate } from './template-ast';
import { withBudget } from './budget';
import type { RenderMode } from './templates';

const LIMITS = { now: new Date('2024-03-10T12:00:00Z'), timeLimitMs: 1000, maxOutputChars: 1e6 };

function interpolate(source: string, mode: RenderMode) {
	return compileInterpolation(environment.parse(source), mode)?.run ?? null;
}

/** What Handlebars itself gives, or the kind of error it throws. */
function outcome(render: () => string): string {
	try {
		return render();
	} catch (error) {
		return `threw ${(error as Error).constructor.name}`;
	}
}

/** What the template gives when compiled by Handlebars, as templates with blocks are. */
function handlebars(source: string, mode: RenderMode, context: object): string {
	const ast = environment.parse(source);
	const template = buildWithHandlebars(ast, mode, inspectTemplate(ast).helpers);
	return outcome(() => withBudget(LIMITS, () => template(context, RUNTIME_OPTIONS)));
}

/** What the direct render gives, under the same budget (the `now` helper reads its time). */
function direct(source: string, mode: RenderMode, context: object): string {
	const render = interpolate(source, mode);
	expect(render).not.toBeNull();
	return outcome(() => withBudget(LIMITS, () => render!(context)));
}

describe('compileInterpolation', () => {
	it('takes templates of text, comments and plain values', () => {
		expect(interpolate('https://x.test/a', 'text')).not.toBeNull();
		expect(
			interpolate('Hi {{[Customer Name]}}, {{answer.name}} {{! note }}', 'html')
		).not.toBeNull();
	});

	it('takes calls of our helpers with paths, literals and sub-expressions as arguments', () => {
		for (const source of [
			'{ "a": {{json x}} }',
			'{{now}}',
			'{{formatDate due "yyyy-MM-dd"}}',
			'{{upper (default name "none")}}',
			'{{default x null}} {{default x undefined}} {{default x 2}} {{default x true}}'
		]) {
			expect(interpolate(source, 'text')).not.toBeNull();
		}
	});

	it('leaves blocks, data, parent paths, this, built-in helpers and name=value to Handlebars', () => {
		for (const source of [
			'{{#if x}}y{{/if}}',
			'{{@index}}',
			'{{../x}}',
			'{{this}}',
			'{{json this}}',
			'{{json @root.rows}}',
			'{{lookup x "y"}}',
			'{{upper x loud=true}}',
			'{{"x"}}'
		]) {
			expect(interpolate(source, 'text')).toBeNull();
		}
	});

	it('never reads a prototype, even of a context that has one', () => {
		const source = '{{json constructor}}|{{upper toString}}|{{json a.constructor}}|{{__proto__}}';
		const values = { a: {} };
		expect(direct(source, 'text', values)).toBe('null||null|');
		expect(direct(source, 'text', values)).toBe(handlebars(source, 'text', values));
	});

	it('checks the deadline in every helper call', () => {
		const render = interpolate('{{upper x}}', 'text');
		const expired = { ...LIMITS, timeLimitMs: -1 };
		expect(() => withBudget(expired, () => render!({ x: 'a' }))).toThrow(/longer than -1 ms/);
		expect(withBudget(LIMITS, () => render!({ x: 'a' }))).toBe('A');
	});

	it('gives a constant for a template without values', () => {
		const render = interpolate('  plain {{! gone }}text  ', 'text');
		expect(render?.({})).toBe('  plain text  ');
	});
});

describe('interpolation agrees with Handlebars', () => {
	const KEYS = ['name', 'Customer Name', 'answer', 'a', 'log', 'b', 'length', 'now', 'json'];
	const scalar = fc.oneof(
		fc.constantFrom(null, true, false, 0, 1.5, '', '<b>"Ann" & \'Co\'</b>', 'a=`b`', 'plain'),
		fc.constantFrom('2024-03-01', '2024-03-01T10:20:30Z', 12.5, -3, 'EUR'),
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
		),
		fc.constantFrom(
			'{{json name}}',
			'{{{json name}}}',
			'{{json [Customer Name]}}',
			'{{json answer.name}}',
			'{{json a.b.name}}',
			'{{json json}}',
			'{{upper name}}',
			'{{upper now}}',
			'{{now}}',
			'{{[now]}}',
			'{{now.length}}',
			'{{default name "none"}}',
			'{{default a.b 0}}',
			'{{json (default name null)}}',
			'{{json undefined}}',
			'{{upper (lower (trim name))}}'
		),
		fc.constantFrom(
			'{{join a}}',
			'{{join a " | "}}',
			'{{count a}}{{count a}}',
			'{{sum a}}',
			'{{pluck a "name"}}',
			'{{eq name 1}}',
			'{{and name true}}',
			'{{urlEncode name}}',
			'{{formatDate name "yyyy-MM-dd HH:mm"}}',
			'{{addDays name 1}}',
			'{{formatNumber name "0.00"}}',
			'{{currency name "EUR"}}',
			'{{currency name a}}'
		)
	);
	const template = fc.array(piece, { minLength: 1, maxLength: 6 }).map((pieces) => pieces.join(''));

	it.each(['text', 'html'] as const)('renders the same in %s mode', (mode) => {
		fc.assert(
			fc.property(template, context, (source, values) => {
				expect(direct(source, mode, values)).toBe(handlebars(source, mode, values));
			}),
			{ numRuns: 1000 }
		);
	});
});
