import { describe, expect, it } from 'vitest';
import type { ActionDefinition, Output } from '../actions/definition';
import { checkDefinitionNames, templateNames } from './names';

function names(template: string): string[] {
	return templateNames(template).map(({ name, scope }) => `${scope}:${name}`);
}

describe('templateNames', () => {
	it('lists looked-up names, not helpers, literals or data variables', () => {
		expect(
			names('{{formatDate [Renewal Date] "yyyy"}} {{json answer.name}} {{@index}} {{now}} {{this}}')
		).toEqual(['root:Renewal Date', 'root:answer']);
	});

	it('lists each name once, at its first use', () => {
		const [first] = templateNames('{{a}}\n{{a}}');
		expect(templateNames('{{a}}\n{{a}}')).toHaveLength(1);
		expect(first).toMatchObject({ line: 1, column: 2 });
	});

	it('lists names inside a loop over rows as columns of a row', () => {
		expect(
			names(
				'{{#each rows}}{{Email}} {{../answerName}} {{@root.total}}{{#if Value}}{{Value}}{{/if}}{{/each}}'
			)
		).toEqual(['root:rows', 'row:Email', 'root:answerName', 'root:total', 'row:Value']);
	});

	it('follows block params, sections and the clicked row', () => {
		expect(names('{{#each rows as |r i|}}{{r.Email}}{{i}}{{/each}}')).toEqual([
			'root:rows',
			'row:Email'
		]);
		expect(names('{{#rows}}{{Email}}{{/rows}}')).toEqual(['root:rows', 'row:Email']);
		expect(names('{{#with clickedRow}}{{Region}}{{/with}}')).toEqual([
			'root:clickedRow',
			'row:Region'
		]);
	});

	it('marks names whose meaning depends on data', () => {
		expect(
			names('{{#with answer}}{{name}}{{/with}}{{#each tags as |t|}}{{label}}{{t.id}}{{/each}}')
		).toEqual(['root:answer', 'other:name', 'root:tags', 'other:label', 'other:id']);
	});

	it('lists names used as arguments and in sub-expressions', () => {
		expect(names('{{join (pluck rows "Email") sep}} {{default nickname [Customer Name]}}')).toEqual(
			['root:rows', 'root:sep', 'root:nickname', 'root:Customer Name']
		);
	});

	it('lists nothing for a template that does not parse', () => {
		expect(templateNames('{{#if x}}')).toEqual([]);
	});
});

describe('checkDefinitionNames', () => {
	const columns = ['Customer Name', 'Email', 'Renewal Date'];

	function definition(outputs: Output[], page?: string): ActionDefinition {
		return {
			slug: 'renewals',
			label: 'Renewals',
			auth: { type: 'none' },
			expectedColumns: columns.map((name) => ({ name })),
			onMissingColumns: 'warn',
			bindings: [
				{ name: 'email', path: '$.Email', scope: 'row' },
				{ name: 'answerName', path: '$.answer.name', scope: 'push' }
			],
			outputs,
			...(page === undefined ? {} : { page: { template: page } })
		};
	}

	it('accepts columns, bindings and built-in names where they exist', () => {
		const outputs: Output[] = [
			{
				id: 'notice',
				type: 'email',
				mode: 'per-row',
				smtp: 'mail',
				email: {
					from: 'billing@example.com',
					to: '{{email}}',
					subject: '{{answerName}}: {{[Customer Name]}} of {{rowCount}}',
					text: '{{#each rows}}{{Email}}{{/each}} {{answer.name}} {{clickedRow}}'
				}
			}
		];
		expect(
			checkDefinitionNames(definition(outputs, '{{rowCount}} {{answerName}}'), columns)
		).toEqual([]);
	});

	it('lists an unknown name with its output, field and position, and a likely fix', () => {
		const outputs: Output[] = [
			{
				id: 'invoice',
				type: 'http',
				mode: 'per-row',
				request: { method: 'POST', url: 'https://x.test', body: '{ "to":\n {{json Emial}} }' }
			}
		];
		expect(checkDefinitionNames(definition(outputs), columns)).toEqual([
			{
				code: 'unknown-name',
				name: 'Emial',
				outputId: 'invoice',
				field: 'request.body',
				line: 2,
				column: 8,
				message:
					'"Emial" is neither an expected column, a binding nor a built-in name; it will render empty. Did you mean "Email"?'
			}
		]);
	});

	it('warns when a once-per-push template uses a row’s column or row binding', () => {
		const outputs: Output[] = [
			{ id: 'summary', type: 'page', mode: 'once', page: { template: '{{Email}} {{email}}' } }
		];
		const warnings = checkDefinitionNames(definition(outputs, '{{[Customer Name]}}'), columns);
		expect(
			warnings.map(({ code, name, field, outputId }) => ({ code, name, field, outputId }))
		).toEqual([
			{ code: 'no-current-row', name: 'Email', field: 'page.template', outputId: 'summary' },
			{ code: 'no-current-row', name: 'email', field: 'page.template', outputId: 'summary' },
			{ code: 'no-current-row', name: 'Customer Name', field: 'page.template', outputId: undefined }
		]);
		expect(warnings[1].message).toContain('is a row binding');
	});

	it('does not judge names whose meaning depends on data', () => {
		const outputs: Output[] = [
			{
				id: 'summary',
				type: 'page',
				mode: 'once',
				page: { template: '{{#with answer}}{{name}}{{/with}}' }
			}
		];
		expect(checkDefinitionNames(definition(outputs), columns)).toEqual([]);
	});

	it('checks names inside a row loop against the columns only', () => {
		const outputs: Output[] = [
			{
				id: 'summary',
				type: 'page',
				mode: 'once',
				page: { template: '{{#each rows}}{{email}}{{/each}}' }
			}
		];
		const [warning] = checkDefinitionNames(definition(outputs), columns);
		expect(warning).toMatchObject({ code: 'unknown-name', name: 'email' });
		expect(warning.message).toContain('is not an expected column');
		expect(warning.message).toContain('Did you mean "Email"?');
	});

	it('renders table form values per row and the title once', () => {
		const outputs: Output[] = [
			{
				id: 'review',
				type: 'form',
				mode: 'once',
				form: {
					title: 'Review {{rowCount}} for {{Email}}',
					layout: 'table',
					submitTo: [],
					fields: [{ name: 'to', label: 'To', type: 'email', value: '{{Email}}' }]
				}
			}
		];
		const warnings = checkDefinitionNames(definition(outputs), columns);
		expect(warnings.map(({ code, field }) => `${code} ${field}`)).toEqual([
			'no-current-row form.title'
		]);
	});
});
