import { describe, expect, it } from 'vitest';
import { compileTemplate, renderTemplate, TEMPLATE_LIMITS, type RenderMode } from './templates';

const LIMITS = {
	now: new Date('2024-03-10T12:00:00Z'),
	timeLimitMs: 1000,
	maxOutputChars: 100_000
};

function context(values: Record<string, unknown>): Record<string, unknown> {
	return Object.assign(Object.create(null), values);
}

function render(
	source: string,
	values: Record<string, unknown> = {},
	mode: RenderMode = 'text',
	limits = LIMITS
): unknown {
	const compiled = compileTemplate(source, mode, 'body');
	if (!compiled.ok) return compiled.problems;
	return renderTemplate(compiled.template, context(values), limits);
}

function problemsOf(source: string) {
	const compiled = compileTemplate(source, 'text', 'request.body');
	expect(compiled.ok).toBe(false);
	return compiled.ok ? [] : compiled.problems;
}

describe('what a template sees', () => {
	it('reads columns whose names have spaces through brackets', () => {
		expect(render('Hello {{[Customer Name]}}', { 'Customer Name': 'Zoë' })).toBe('Hello Zoë');
	});

	it('loops over rows with their index and first/last flags', () => {
		const rows = [{ Email: 'a@x.io' }, { Email: 'b@x.io' }];
		const source = '{{#each rows}}{{@index}}={{Email}}{{#unless @last}}, {{/unless}}{{/each}}';
		expect(render(source, { rows })).toBe('0=a@x.io, 1=b@x.io');
	});

	it('loops with block params and over a section', () => {
		const rows = [{ Email: 'a@x.io' }, { Email: 'b@x.io' }];
		expect(render('{{#each rows as |r i|}}[{{i}}:{{r.Email}}]{{/each}}', { rows })).toBe(
			'[0:a@x.io][1:b@x.io]'
		);
		expect(render('{{#rows}}<{{Email}}>{{/rows}}', { rows })).toBe('<a@x.io><b@x.io>');
	});

	it('renders the else branch of each for an empty list', () => {
		expect(render('{{#each rows}}x{{else}}no rows{{/each}}', { rows: [] })).toBe('no rows');
	});

	it('walks the keys of an object with each', () => {
		expect(
			render('{{#each answer}}{{@key}}={{this}};{{/each}}', { answer: { id: 7, name: 'A' } })
		).toBe('id=7;name=A;');
	});

	it('renders a missing value as nothing', () => {
		expect(render('[{{Nothing}}]')).toBe('[]');
	});
});

describe('values shown side by side', () => {
	it('joins numbers instead of adding them, as Handlebars 4.7 would without escaping', () => {
		expect(render('{{a}}{{b}}', { a: 1, b: 2 }, 'text')).toBe('12');
		expect(render('{{{a}}}{{{b}}}', { a: 1, b: 2 }, 'html')).toBe('12');
		expect(render('{{#each rows}}{{a}}{{b}};{{/each}}', { rows: [{ a: 1, b: 2 }] })).toBe('12;');
		expect(render('{{count rows}}{{count rows}}', { rows: [1, 2] })).toBe('22');
		expect(render('{{a}}{{b}}', { a: true, b: 0 }, 'text')).toBe('true0');
	});

	it('lets a block param shadow a helper of the same name', () => {
		expect(render('{{#each rows as |count|}}{{count}}{{count}};{{/each}}', { rows: [1, 2] })).toBe(
			'11;22;'
		);
	});
});

describe('escaping per render mode', () => {
	const values = { name: '<b>"Ann" & Co</b>' };

	it('escapes HTML in html mode', () => {
		expect(render('<p>{{name}}</p>', values, 'html')).toBe(
			'<p>&lt;b&gt;&quot;Ann&quot; &amp; Co&lt;/b&gt;</p>'
		);
	});

	it('leaves values as they are in text mode', () => {
		expect(render('{{name}}', values, 'text')).toBe('<b>"Ann" & Co</b>');
	});

	it('keeps json output intact in text mode so bodies parse', () => {
		const body = render('{ "name": {{json name}} }', values, 'text') as string;
		expect(JSON.parse(body)).toEqual({ name: '<b>"Ann" & Co</b>' });
	});
});

describe('no way out to prototypes', () => {
	const values = { rows: [{ Email: 'a@x.io' }], answer: { name: 'A' } };

	it.each([
		'{{constructor}}',
		'{{__proto__}}',
		'{{lookup this "constructor"}}',
		'{{answer.constructor}}',
		'{{answer.__proto__}}',
		'{{rows.constructor}}',
		'{{answer.toString}}',
		'{{#with answer}}{{constructor.name}}{{/with}}',
		'{{#each rows}}{{constructor}}{{lookup this "__proto__"}}{{/each}}',
		'{{lookup (lookup answer "constructor") "constructor"}}'
	])('%s renders nothing', (source) => {
		expect(render(source, values)).toBe('');
	});

	it('still reads own properties such as an array length', () => {
		expect(render('{{rows.length}}', values)).toBe('1');
	});
});

describe('compile problems', () => {
	it('reports a call to an unknown helper with its position', () => {
		const [problem] = problemsOf('Hi\n  {{formatdate due "yyyy"}}');
		expect(problem).toMatchObject({
			code: 'unknown-helper',
			field: 'request.body',
			line: 2,
			column: 2
		});
		expect(problem.message).toContain('Did you mean "formatDate"?');
	});

	it('reports a sub-expression that calls no helper', () => {
		expect(problemsOf('{{json (payload)}}')[0].code).toBe('unknown-helper');
	});

	it('reports a syntax error with Handlebars’ line and column', () => {
		const [problem] = problemsOf('line one\nline two {{#if x}}\n{{/each}}');
		expect(problem).toMatchObject({ code: 'template-syntax', line: 2, column: 12 });
		expect(problem.message).toContain("if doesn't match each");
	});

	it('reports an unclosed mustache at the place the parser stopped', () => {
		const [problem] = problemsOf('ok\n  {{ name');
		expect(problem).toMatchObject({ code: 'template-syntax', line: 2 });
		expect(problem.message).toMatch(/^Parse error on line 2: Expecting/);
	});

	it('explains three closing braces at the end of a JSON body', () => {
		const [problem] = problemsOf('{"name": {{json name}}}');
		expect(problem.message).toContain('put a space before the last brace');
		expect(render('{"name": {{json name}} }', { name: 'A' })).toBe('{"name": "A" }');
	});

	it('refuses partials and decorators', () => {
		expect(problemsOf('{{> footer}}')[0].code).toBe('partials-not-allowed');
		expect(problemsOf('{{#> layout}}x{{/layout}}')[0].code).toBe('partials-not-allowed');
		expect(problemsOf('{{* decorate}}')[0].code).toBe('decorators-not-allowed');
	});

	it('checks argument counts and block use', () => {
		expect(problemsOf('{{currency amount}}')[0]).toMatchObject({
			code: 'helper-arguments',
			message: '"currency" takes 2 to 3 arguments, but is given 1.'
		});
		expect(problemsOf('{{#if}}x{{/if}}')[0].code).toBe('helper-arguments');
		expect(problemsOf('{{#upper name}}x{{/upper}}')[0].code).toBe('helper-usage');
		expect(problemsOf('{{each rows}}')[0].code).toBe('helper-usage');
		expect(problemsOf('{{upper name loud=true}}')[0].code).toBe('helper-arguments');
	});

	it('has no log helper', () => {
		expect(problemsOf('{{log "x"}}')[0].code).toBe('unknown-helper');
	});

	it('refuses a template over the size limit', () => {
		const [problem] = problemsOf('x'.repeat(TEMPLATE_LIMITS.maxTemplateChars + 1));
		expect(problem.code).toBe('template-too-large');
	});
});

describe('render limits', () => {
	const rows = Array.from({ length: 2000 }, (_, i) => ({ n: i }));

	it('stops a template that loops for too long, even when it writes nothing', () => {
		const source =
			'{{#each @root.rows}}{{#each @root.rows}}{{#each @root.rows}}{{/each}}{{/each}}{{/each}}';
		const started = Date.now();
		const result = render(source, { rows }, 'text', { ...LIMITS, timeLimitMs: 50 });
		expect(result).toMatchObject({ code: 'render-timeout' });
		expect(Date.now() - started).toBeLessThan(2000);
	});

	it('stops a loop whose output grows past the limit', () => {
		const source = '{{#each @root.rows}}{{#each @root.rows}}0123456789{{/each}}{{/each}}';
		const result = render(source, { rows }, 'text', { ...LIMITS, maxOutputChars: 10_000 });
		expect(result).toMatchObject({ code: 'output-too-large' });
	});

	it('refuses a single value longer than the output limit', () => {
		const result = render('{{json rows}}', { rows }, 'text', { ...LIMITS, maxOutputChars: 100 });
		expect(result).toMatchObject({ code: 'output-too-large' });
	});

	it('turns a helper’s refusal into a problem', () => {
		expect(render('{{currency 5 "EURO"}}')).toMatchObject({ code: 'helper-failed' });
	});
});

describe('the compile cache', () => {
	it('compiles a template text once per mode', () => {
		const first = compileTemplate('{{a}} cached', 'text', 'x');
		const again = compileTemplate('{{a}} cached', 'text', 'y');
		const html = compileTemplate('{{a}} cached', 'html', 'x');
		expect(first.ok && again.ok && first.template === again.template).toBe(true);
		expect(first.ok && html.ok && first.template !== html.template).toBe(true);
	});

	it('names the field of each use in cached problems', () => {
		const first = compileTemplate('{{nope x}}', 'text', 'email.to');
		const again = compileTemplate('{{nope x}}', 'text', 'email.cc');
		expect(!first.ok && first.problems[0].field).toBe('email.to');
		expect(!again.ok && again.problems[0].field).toBe('email.cc');
	});
});
