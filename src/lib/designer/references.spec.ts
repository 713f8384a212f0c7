import { describe, expect, it } from 'vitest';
import type { ActionDefinition } from '../actions/definition';
import { compileAction } from '../mapping/compile-action';
import { renderRow } from '../mapping/render';
import type { CanonicalTable, Row } from '../payload/types';
import { insertColumnReference } from './insert';
import { bindingNameFor, columnExpression, columnJsonPath } from './references';

/** Renders `template` as a page output over one row, with the real mapping engine. */
function render(template: string, row: Row, bindings: ActionDefinition['bindings'] = []) {
	const definition: ActionDefinition = {
		slug: 'x',
		label: 'x',
		auth: { type: 'none' },
		expectedColumns: [],
		onMissingColumns: 'warn',
		bindings,
		outputs: [
			{
				id: 'out',
				type: 'http',
				mode: 'per-row',
				request: { method: 'POST', url: 'https://e.x', bodyType: 'text', body: template }
			}
		]
	};
	const columns = Object.keys(row).map((name) => ({ name, type: 'string' as const }));
	const table: CanonicalTable = {
		format: 'plain',
		answer: {},
		columns,
		rows: [row],
		tables: [{ columns, rows: [row] }],
		warnings: []
	};
	const result = renderRow(compileAction(definition), table, 0);
	const output = result.outputs[0];
	if (output.type !== 'http') throw new Error('expected http');
	return {
		body: output.rendered?.body ?? null,
		problems: [...result.problems, ...output.problems]
	};
}

const AWKWARD = [
	'Email',
	'Customer Name',
	'Revenue (USD)',
	'a]b',
	"it's",
	'say "hi"]',
	'count',
	'json',
	'true',
	'x.y',
	'1st',
	'Größe'
];

describe('column references', () => {
	it('leaves plain names bare and brackets names with spaces or punctuation', () => {
		expect(columnExpression('Email')).toBe('Email');
		expect(columnExpression('Customer Name')).toBe('[Customer Name]');
		expect(columnExpression('a]b')).toBe("lookup this 'a]b'");
		expect(columnExpression('count')).toBe('this.[count]');
	});

	it.each(AWKWARD)('reads the column %j exactly in a template', (name) => {
		const row = { [name]: 'value of ' + name, other: 'no' } as Row;
		const inserted = insertColumnReference('<', 1, name).text + '>';
		const { body, problems } = render(inserted, row);
		expect(problems).toEqual([]);
		expect(body).toBe(`<value of ${name}>`);
	});

	it.each(AWKWARD)('reads the column %j exactly through a binding path', (name) => {
		const row = { [name]: 'v:' + name } as Row;
		const { body, problems } = render('{{b}}', row, [
			{ name: 'b', path: columnJsonPath(name), scope: 'row' }
		]);
		expect(problems).toEqual([]);
		expect(body).toBe('v:' + name);
	});

	it('writes JSONPaths with dots for simple names and quotes for the rest', () => {
		expect(columnJsonPath('Email')).toBe('$.Email');
		expect(columnJsonPath('Customer Name')).toBe("$['Customer Name']");
		expect(columnJsonPath("it's")).toBe("$['it\\'s']");
	});

	it('names a binding after its column without taking a used name', () => {
		expect(bindingNameFor('Customer Name', [])).toBe('customerName');
		expect(bindingNameFor('Email', ['email'])).toBe('email2');
		expect(bindingNameFor('1st', [])).toBe('column1st');
	});
});

describe('inserting a column into a template', () => {
	it('wraps a value in json outside the strings of a JSON body, so the body stays JSON', () => {
		const body = '{ "customer":  }';
		const at = body.indexOf(':') + 2;
		const result = insertColumnReference(body, at, 'Customer Name', { json: true });
		expect(result.text).toBe('{ "customer": {{json [Customer Name]}} }');
		expect(result.cursor).toBe(at + '{{json [Customer Name]}}'.length);
		const { body: rendered } = render(result.text, { 'Customer Name': 'Acme "Co"' } as Row);
		expect(JSON.parse(rendered!)).toEqual({ customer: 'Acme "Co"' });
	});

	it('inserts a plain reference inside a JSON string', () => {
		const body = '{ "note": "Hi " }';
		const result = insertColumnReference(body, body.indexOf('Hi ') + 3, 'Email', { json: true });
		expect(result.text).toBe('{ "note": "Hi {{Email}}" }');
	});

	it('inserts only the name inside an open mustache, as a helper argument', () => {
		expect(insertColumnReference('{{formatDate }}', 13, 'Renewal Date').text).toBe(
			'{{formatDate [Renewal Date]}}'
		);
		expect(insertColumnReference('{{upper}}', 7, 'a]b').text).toBe("{{upper (lookup this 'a]b')}}");
	});

	it('keeps a space between a mustache and a neighbouring brace, so it is not a triple mustache', () => {
		expect(insertColumnReference('{}', 1, 'Email', { json: true }).text).toBe('{ {{json Email}} }');
	});

	it('clamps a drop position past the end to the end', () => {
		expect(insertColumnReference('Hi ', 99, 'Email').text).toBe('Hi {{Email}}');
	});
});
