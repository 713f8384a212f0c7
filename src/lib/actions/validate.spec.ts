import { describe, expect, it } from 'vitest';
import type { ActionDefinition } from './definition';
import { blankDefinition, renewalInvoicesExample } from './examples';
import { validateDefinition, type DefinitionProblem } from './validate';

/** The problems for `input`, failing the test if the input was accepted. */
function problemsOf(input: unknown): DefinitionProblem[] {
	const result = validateDefinition(input);
	if (result.ok) throw new Error('expected the definition to be refused');
	return result.problems;
}

function warningsOf(input: unknown): DefinitionProblem[] {
	return validateDefinition(input).warnings;
}

/** The example as `import` reads it from a file: untyped, so tests can break it on purpose. */
function example() {
	return JSON.parse(JSON.stringify(renewalInvoicesExample()));
}

const minimal = { slug: 'hello', label: 'Hello', outputs: [] };

describe('validateDefinition accepts', () => {
	it('the renewal-invoices example, unchanged and without warnings', () => {
		const result = validateDefinition(renewalInvoicesExample());
		expect(result).toEqual({ ok: true, definition: renewalInvoicesExample(), warnings: [] });
	});

	it('a blank definition', () => {
		expect(validateDefinition(blankDefinition('new-action', 'New action')).ok).toBe(true);
	});

	it('the same definition after a JSON round trip, as import reads it', () => {
		const text = JSON.stringify(renewalInvoicesExample());
		expect(validateDefinition(JSON.parse(text))).toMatchObject({ ok: true, warnings: [] });
	});
});

describe('validateDefinition applies defaults', () => {
	it('fills every defaulted field of a minimal definition', () => {
		const result = validateDefinition(minimal);
		expect(result.ok && result.definition).toEqual({
			slug: 'hello',
			label: 'Hello',
			window: { size: 'medium' },
			placement: 'menu',
			auth: { type: 'none' },
			expectedColumns: [],
			onMissingColumns: 'warn',
			bindings: [],
			outputs: []
		} satisfies ActionDefinition);
	});

	it('fills the window size when the window is given without one', () => {
		const result = validateDefinition({ ...minimal, window: {} });
		expect(result.ok && result.definition.window).toEqual({ size: 'medium' });
	});

	it('keeps values that are given instead of the defaults', () => {
		const result = validateDefinition({
			...minimal,
			placement: 'context-menu',
			onMissingColumns: 'reject',
			window: { size: 'large' }
		});
		expect(result.ok && result.definition).toMatchObject({
			placement: 'context-menu',
			onMissingColumns: 'reject',
			window: { size: 'large' }
		});
	});

	it('returns a copy and leaves the input untouched', () => {
		const input = { ...minimal, outputs: [] as unknown[] };
		const result = validateDefinition(input);
		expect(input).toEqual({ slug: 'hello', label: 'Hello', outputs: [] });
		expect(result.ok && result.definition.outputs).not.toBe(input.outputs);
	});

	it('treats properties set to undefined as missing, as JSON would', () => {
		const result = validateDefinition({ ...minimal, description: undefined, page: undefined });
		expect(result.ok && Object.keys(result.definition)).not.toContain('description');
	});
});

describe('validateDefinition reports', () => {
	it('input that is not an object at all', () => {
		expect(problemsOf('renewal-invoices')).toEqual([{ path: '', message: 'must be an object' }]);
		expect(problemsOf(null)).toEqual([{ path: '', message: 'must be an object' }]);
		expect(problemsOf([minimal])).toEqual([{ path: '', message: 'must be an object' }]);
	});

	it('the required top-level fields of an empty object', () => {
		expect(problemsOf({})).toEqual([
			{ path: 'label', message: 'required' },
			{ path: 'outputs', message: 'required' },
			{ path: 'slug', message: 'required' }
		]);
	});

	it('wrong types at the top level', () => {
		expect(
			problemsOf({ slug: 7, label: ['x'], outputs: {}, bindings: 'none', placement: true })
		).toEqual([
			{ path: 'bindings', message: 'must be a list' },
			{ path: 'label', message: 'must be text' },
			{ path: 'outputs', message: 'must be a list' },
			{ path: 'placement', message: 'must be one of: menu, primary, context-menu' },
			{ path: 'slug', message: 'must be text' }
		]);
	});

	it('a slug that breaks the pattern, with the rule in words', () => {
		expect(problemsOf({ ...minimal, slug: '-Hello' })).toEqual([
			{
				path: 'slug',
				message: 'must be 1 to 64 lowercase letters, digits or hyphens, not starting with a hyphen'
			}
		]);
	});

	it('a missing field deep in an output, at its full path', () => {
		const definition = example();
		delete definition.outputs[1].email.to;
		expect(problemsOf(definition)).toEqual([{ path: 'outputs[1].email.to', message: 'required' }]);
	});

	it('a value outside an enum, listing the allowed values', () => {
		const definition = example();
		definition.outputs[0].mode = 'each';
		expect(problemsOf(definition)).toEqual([
			{ path: 'outputs[0].mode', message: 'must be one of: per-row, once' }
		]);
	});

	it('an unknown field with the field probably meant', () => {
		const definition = example();
		definition.outputs[1].mdoe = definition.outputs[1].mode;
		delete definition.outputs[1].mode;
		expect(problemsOf(definition)).toEqual([
			{ path: 'outputs[1].mdoe', message: "unknown field 'mdoe' — did you mean 'mode'?" },
			{ path: 'outputs[1].mode', message: 'required' }
		]);
	});

	it('an unknown field with no likely match, listing the fields that exist there', () => {
		expect(problemsOf({ ...minimal, window: { size: 'small', colour: 'red' } })).toEqual([
			{ path: 'window.colour', message: "unknown field 'colour'; the fields here are: size" }
		]);
	});

	it('only the problems of the output type given, not of every other type', () => {
		const definition = example();
		definition.outputs[1].email = { from: 'a@example.com' };
		expect(problemsOf(definition)).toEqual([
			{ path: 'outputs[1].email.subject', message: 'required' },
			{
				path: 'outputs[1].email.text',
				message: 'text or html is required: the email needs a body'
			},
			{ path: 'outputs[1].email.to', message: 'required' }
		]);
	});

	it('an output type that does not exist, once', () => {
		const definition = example();
		definition.outputs[0] = { id: 'fax', type: 'fax', mode: 'once' };
		expect(problemsOf(definition)).toEqual([
			{ path: 'outputs[0].type', message: 'must be one of: http, email, form, page' }
		]);
	});

	it('an output without a type', () => {
		const definition = example();
		delete definition.outputs[0].type;
		expect(problemsOf(definition)).toEqual([{ path: 'outputs[0].type', message: 'required' }]);
	});

	it('the fields an auth method needs', () => {
		expect(problemsOf({ ...minimal, auth: { type: 'api-key-query', secret: 'key' } })).toEqual([
			{ path: 'auth.param', message: 'required' }
		]);
	});

	it('a bad header name at the header itself', () => {
		const definition = example();
		definition.outputs[0].request.headers['Bad Header'] = 'x';
		expect(problemsOf(definition)).toEqual([
			{
				path: 'outputs[0].request.headers["Bad Header"]',
				message: 'must be a valid HTTP header name'
			}
		]);
	});

	it('a template over the size limit', () => {
		const definition = example();
		definition.page.template = 'x'.repeat(102_401);
		expect(problemsOf(definition)).toEqual([
			{ path: 'page.template', message: 'must be at most 102400 characters long' }
		]);
	});

	it('too many outputs', () => {
		const outputs = Array.from({ length: 201 }, (_, i) => ({
			id: `page-${i}`,
			type: 'page',
			mode: 'once',
			page: { template: '' }
		}));
		expect(problemsOf({ ...minimal, outputs })).toEqual([
			{ path: 'outputs', message: 'must have at most 200 items' }
		]);
	});

	it('a row filter group with both all and any', () => {
		expect(problemsOf({ ...minimal, rowFilter: { all: [], any: [] } })).toEqual([
			{ path: 'rowFilter', message: 'must have exactly one of: all, any' }
		]);
	});

	it('problems inside nested row filter groups', () => {
		const rowFilter = { any: [{ all: [{ column: 'Email', op: 'like', value: '@' }] }] };
		expect(problemsOf({ ...minimal, rowFilter })).toEqual([
			{
				path: 'rowFilter.any[0].all[0].op',
				message: expect.stringMatching(/^must be one of: eq, neq, gt/)
			}
		]);
	});

	it('values that are not JSON, at their path', () => {
		expect(problemsOf({ ...minimal, label: () => 'Hello', retention: { days: NaN } })).toEqual([
			{ path: 'label', message: 'must be a JSON value, not a function' },
			{ path: 'retention.days', message: 'must be a finite number' }
		]);
	});

	it('several problems sorted by path, with indices in numeric order', () => {
		const outputs = Array.from({ length: 11 }, (_, i) => ({
			id: `p${i}`,
			type: 'page',
			mode: 'once',
			page: { template: '' }
		}));
		delete (outputs[10] as Record<string, unknown>).mode;
		delete (outputs[2] as Record<string, unknown>).mode;
		const paths = problemsOf({ ...minimal, label: '', outputs }).map((p) => p.path);
		expect(paths).toEqual(['label', 'outputs[2].mode', 'outputs[10].mode']);
	});
});

describe('validateDefinition checks beyond the schema', () => {
	it('refuses a duplicate output id at the later output', () => {
		const definition = example();
		definition.outputs[1].id = 'invoice';
		expect(problemsOf(definition)).toEqual([
			{ path: 'outputs[1].id', message: "duplicate output id 'invoice' (outputs[0])" }
		]);
	});

	it('refuses duplicate and reserved binding names', () => {
		const definition = example();
		definition.bindings.push({ name: 'email', path: '$.x', scope: 'row' });
		definition.bindings.push({ name: 'rowCount', path: '$.x', scope: 'push' });
		expect(problemsOf(definition)).toEqual([
			{ path: 'bindings[2].name', message: "duplicate binding name 'email' (bindings[0])" },
			{
				path: 'bindings[3].name',
				message: "'rowCount' is reserved in templates; choose another name"
			}
		]);
	});

	it('refuses a binding name that is not a template identifier', () => {
		const definition = example();
		definition.bindings[0].name = '2nd-email';
		expect(problemsOf(definition)).toEqual([
			{
				path: 'bindings[0].name',
				message: "must be 1 to 64 letters, digits or '_', not starting with a digit"
			}
		]);
	});

	it('refuses expected columns that match ignoring case and spaces, aliases included', () => {
		const definition = example();
		definition.expectedColumns.push({ name: 'EMAIL' });
		definition.expectedColumns.push({ name: 'Client', aliases: ['customer name'] });
		expect(problemsOf(definition)).toEqual([
			{
				path: 'expectedColumns[4].name',
				message: "'EMAIL' matches expectedColumns[1].name (names match ignoring case and spaces)"
			},
			{
				path: 'expectedColumns[5].aliases[0]',
				message:
					"'customer name' matches expectedColumns[0].name (names match ignoring case and spaces)"
			}
		]);
	});

	it('refuses a form that submits to a missing output or to another form', () => {
		const definition = example();
		const form = (id: string, submitTo: string[]) => ({
			id,
			type: 'form',
			mode: 'once',
			form: { layout: 'record', fields: [{ name: 'note', label: 'Note', type: 'text' }], submitTo }
		});
		definition.outputs.push(form('review', ['invoice', 'missing', 'confirm']));
		definition.outputs.push(form('confirm', ['notice']));
		expect(problemsOf(definition)).toEqual([
			{ path: 'outputs[2].form.submitTo[1]', message: "no output has the id 'missing'" },
			{
				path: 'outputs[2].form.submitTo[2]',
				message: "'confirm' is a form; a form submits to http, email or page outputs"
			}
		]);
	});

	it('refuses a batch size on an output that runs once', () => {
		const definition = example();
		definition.outputs[0].mode = 'once';
		definition.outputs[0].request.batchSize = 50;
		expect(problemsOf(definition)).toEqual([
			{
				path: 'outputs[0].request.batchSize',
				message: "only applies to outputs whose mode is 'per-row'"
			}
		]);
	});

	it('accepts a batch size on a per-row http output', () => {
		const definition = example();
		definition.outputs[0].request.batchSize = 50;
		expect(validateDefinition(definition).ok).toBe(true);
	});

	it('refuses row filter conditions whose value does not suit the op', () => {
		const rowFilter = {
			all: [
				{ column: 'Renewal Date', op: 'within-next-days', value: 'soon' },
				{ column: 'Contract Value', op: 'gt' }
			]
		};
		expect(problemsOf({ ...example(), rowFilter })).toEqual([
			{
				path: 'rowFilter.all[0].value',
				message: "must be a number of days (0 or more) for op 'within-next-days'"
			},
			{ path: 'rowFilter.all[1].value', message: "required for op 'gt'" }
		]);
	});

	it('refuses a form field pattern that is not a regular expression', () => {
		const definition = example();
		definition.outputs.push({
			id: 'review',
			type: 'form',
			mode: 'once',
			form: {
				layout: 'table',
				fields: [{ name: 'code', label: 'Code', type: 'text', pattern: '([a-z' }],
				submitTo: ['invoice']
			}
		});
		expect(problemsOf(definition)).toEqual([
			{ path: 'outputs[2].form.fields[0].pattern', message: 'is not a valid regular expression' }
		]);
	});

	it('reports schema and semantic problems together', () => {
		const definition = example();
		definition.outputs[1].id = 'invoice';
		definition.label = '';
		expect(problemsOf(definition)).toEqual([
			{ path: 'label', message: 'must not be empty' },
			{ path: 'outputs[1].id', message: "duplicate output id 'invoice' (outputs[0])" }
		]);
	});
});

describe('validateDefinition warns, and still accepts,', () => {
	it('when the row filter tests a column that is not expected', () => {
		const definition = example();
		definition.rowFilter = { all: [{ column: 'Region', op: 'eq', value: 'EMEA' }] };
		const result = validateDefinition(definition);
		expect(result.ok).toBe(true);
		expect(result.warnings).toEqual([
			{ path: 'rowFilter.all[0].column', message: "'Region' is not one of the expected columns" }
		]);
	});

	it('matching filter columns through aliases, ignoring case and spaces', () => {
		const definition = example();
		definition.rowFilter = { all: [{ column: 'CUSTOMER', op: 'not-empty' }] };
		expect(warningsOf(definition)).toEqual([]);
	});

	it('not at all about filter columns when no columns are expected', () => {
		const rowFilter = { all: [{ column: 'Anything', op: 'not-empty' }] };
		expect(warningsOf({ ...minimal, page: { template: '' }, rowFilter })).toEqual([]);
	});

	it('when the action has neither outputs nor a page', () => {
		expect(warningsOf(minimal)).toEqual([
			{ path: 'outputs', message: 'the action has no outputs and no page: a push is only recorded' }
		]);
	});

	it('when a GET request has a body', () => {
		const definition = example();
		definition.outputs[0].request.method = 'GET';
		expect(warningsOf(definition)).toEqual([
			{ path: 'outputs[0].request.body', message: 'is not sent: a GET request has no body' }
		]);
	});
});
