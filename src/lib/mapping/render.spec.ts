import { describe, expect, it } from 'vitest';
import type { ActionDefinition, EmailOutput, HttpOutput, Output } from '../actions/definition';
import type { CanonicalTable, Cell, Row } from '../payload/types';
import { compileAction, renderAction, renderRow } from './render';
import type { RenderedOutput } from './rendered';

const NOW = new Date('2024-04-01T09:00:00Z');

function row(values: Record<string, Cell>): Row {
	return Object.assign(Object.create(null), values);
}

function tableOf(rows: Row[], extra: Partial<CanonicalTable> = {}): CanonicalTable {
	const names = [...new Set(rows.flatMap((r) => Object.keys(r)))];
	const columns = names.map((name) => ({ name, type: 'unknown' as const }));
	return {
		format: 'plain.rows',
		answer: { id: 'ans-1', name: 'Renewals Q2' },
		columns,
		rows,
		tables: [{ columns, rows }],
		warnings: [],
		...extra
	};
}

const customers = tableOf([
	row({
		'Customer Name': 'Ann "A" Co',
		Email: 'ann@example.com',
		'Renewal Date': '2024-05-01',
		'Contract Value': 1200
	}),
	row({
		'Customer Name': 'Bob',
		Email: 'bob@example.com',
		'Renewal Date': '2024-05-02',
		'Contract Value': 0
	}),
	row({
		'Customer Name': 'Zoë',
		Email: 'zoe@example.com',
		'Renewal Date': null,
		'Contract Value': '30.5'
	})
]);

function action(outputs: Output[], extra: Partial<ActionDefinition> = {}): ActionDefinition {
	return {
		slug: 'renewal-invoices',
		label: 'Send renewal invoices',
		auth: { type: 'none' },
		expectedColumns: [{ name: 'Customer Name' }, { name: 'Email' }, { name: 'Renewal Date' }],
		onMissingColumns: 'reject',
		bindings: [
			{ name: 'email', path: "$['Email']", scope: 'row' },
			{ name: 'answerName', path: '$.answer.name', scope: 'push' }
		],
		rowFilter: { all: [{ column: 'Contract Value', op: 'gt', value: 0 }] },
		outputs,
		...extra
	};
}

function http(
	request: Partial<HttpOutput['request']>,
	extra: Partial<HttpOutput> = {}
): HttpOutput {
	return {
		id: 'invoice',
		type: 'http',
		mode: 'per-row',
		request: { method: 'POST', url: 'https://billing.example.com/api/invoices', ...request },
		...extra
	};
}

function email(
	fields: Partial<EmailOutput['email']>,
	extra: Partial<EmailOutput> = {}
): EmailOutput {
	return {
		id: 'notice',
		type: 'email',
		mode: 'per-row',
		smtp: 'mail',
		email: { from: 'billing@example.com', to: '{{email}}', subject: 'Your renewal', ...fields },
		...extra
	};
}

function dryRun(definition: ActionDefinition, table = customers, rowLimit?: number) {
	const compiled = compileAction(definition);
	expect(compiled.problems).toEqual([]);
	return renderAction(compiled, table, { now: NOW, rowLimit });
}

function renderedOf<T extends RenderedOutput['type']>(output: RenderedOutput, type: T) {
	expect(output.type).toBe(type);
	return output.rendered as Extract<RenderedOutput, { type: T }>['rendered'];
}

describe('renderAction', () => {
	it('renders the design example: an invoice and an email per kept row, and the page', () => {
		const result = dryRun(
			action(
				[
					http({
						headers: { 'Content-Type': 'application/json' },
						body: '{ "customer": {{json [Customer Name]}}, "due": {{json [Renewal Date]}} }'
					}),
					email({ text: 'Hello {{[Customer Name]}}, your renewal is due on {{[Renewal Date]}}.' })
				],
				{ page: { template: '<p>Sent {{rowCount}} invoices for {{answerName}}.</p>' } }
			)
		);

		expect(result).toMatchObject({ rowsIn: 3, rowsKept: 2, problems: [] });
		expect(result.outputs.map((o) => `${o.outputId}@${o.rowIndex}`)).toEqual([
			'invoice@0',
			'invoice@2',
			'notice@0',
			'notice@2'
		]);
		expect(result.outputs[0]).toEqual({
			outputId: 'invoice',
			type: 'http',
			mode: 'per-row',
			rowIndex: 0,
			problems: [],
			rendered: {
				method: 'POST',
				url: 'https://billing.example.com/api/invoices',
				headers: { 'Content-Type': 'application/json' },
				body: '{ "customer": "Ann \\"A\\" Co", "due": "2024-05-01" }',
				bodyType: 'json'
			}
		});
		expect(JSON.parse(renderedOf(result.outputs[1], 'http')!.body!)).toEqual({
			customer: 'Zoë',
			due: null
		});
		expect(renderedOf(result.outputs[3], 'email')).toEqual({
			from: 'billing@example.com',
			to: ['zoe@example.com'],
			cc: [],
			bcc: [],
			replyTo: null,
			subject: 'Your renewal',
			text: 'Hello Zoë, your renewal is due on .',
			html: null,
			attachCsv: null
		});
		expect(result.page).toEqual({ html: '<p>Sent 2 invoices for Renewals Q2.</p>', problems: [] });
	});

	it('names the row and the parser’s message when a JSON body does not parse', () => {
		const result = dryRun(action([http({ body: '{ "customer": "{{[Customer Name]}}" }' })]));
		const [first] = result.outputs;
		expect(first.problems).toHaveLength(1);
		expect(first.problems[0]).toMatchObject({
			code: 'invalid-json-body',
			outputId: 'invoice',
			field: 'request.body',
			rowIndex: 0
		});
		expect(first.problems[0].message).toMatch(/^Row 1: the rendered body is not valid JSON \(.+\)/);
		expect(renderedOf(first, 'http')?.body).toBe('{ "customer": "Ann "A" Co" }');
		expect(result.outputs[1].problems).toEqual([]);
	});

	it('merges and encodes the query, keeps the URL’s own, and strips line breaks from headers', () => {
		const result = dryRun(
			action([
				http({
					method: 'GET',
					url: 'https://crm.example.com/find?src=pushmap',
					query: { name: '{{[Customer Name]}}', 'due date': '{{[Renewal Date]}}' },
					headers: { 'X-Customer': '{{[Customer Name]}}\r\nX-Injected: yes' }
				})
			])
		);
		const rendered = renderedOf(result.outputs[0], 'http')!;
		expect(rendered.url).toBe(
			'https://crm.example.com/find?src=pushmap&name=Ann+%22A%22+Co&due+date=2024-05-01'
		);
		expect(new URL(rendered.url).searchParams.get('name')).toBe('Ann "A" Co');
		expect(rendered.headers).toEqual({ 'X-Customer': 'Ann "A" CoX-Injected: yes' });
	});

	it('reports a rendered URL that is not an absolute http(s) URL', () => {
		const result = dryRun(action([http({ url: '{{Email}}' })]));
		expect(result.outputs[0].problems[0]).toMatchObject({ code: 'invalid-url', rowIndex: 0 });
		const ftp = dryRun(action([http({ url: 'ftp://files.example.com/{{Email}}' })]));
		expect(ftp.outputs[0].problems[0].message).toContain('must start with http:// or https://');
	});

	it('takes the body type from Content-Type when none is declared', () => {
		const form = http({
			headers: { 'content-type': 'application/x-www-form-urlencoded' },
			body: 'name={{urlEncode [Customer Name]}}'
		});
		const text = http({ headers: { 'Content-Type': 'text/plain' }, body: 'Hi {{Email}}' });
		expect(renderedOf(dryRun(action([form])).outputs[0], 'http')).toMatchObject({
			bodyType: 'form',
			body: 'name=Ann%20%22A%22%20Co'
		});
		const plain = dryRun(action([text])).outputs[0];
		expect(renderedOf(plain, 'http')).toMatchObject({
			bodyType: 'text',
			body: 'Hi ann@example.com'
		});
		expect(plain.problems).toEqual([]);
	});

	it('splits and checks addresses, and removes CR, LF and NUL from header fields', () => {
		const table = tableOf([
			row({
				Email: 'ann@example.com',
				Team: '"Doe, Jane" <jane@example.com>; bob@example.com',
				Subject: 'Hi\r\nBcc: evil@example.com\0'
			})
		]);
		const definition = action(
			[
				email({
					to: '{{Email}}',
					cc: '{{Team}}',
					bcc: 'audit@example.com,\n{{Email}}',
					replyTo: 'Billing <billing@example.com>',
					subject: '{{Subject}}'
				})
			],
			{ rowFilter: undefined }
		);
		const rendered = renderedOf(dryRun(definition, table).outputs[0], 'email')!;
		expect(rendered.cc).toEqual(['"Doe, Jane" <jane@example.com>', 'bob@example.com']);
		expect(rendered.bcc).toEqual(['audit@example.com', 'ann@example.com']);
		expect(rendered.replyTo).toBe('Billing <billing@example.com>');
		expect(rendered.subject).toBe('HiBcc: evil@example.com');
	});

	it('reports addresses that are not addresses, and an email with no recipient', () => {
		const table = tableOf([row({ Email: 'Ann Smith' }), row({ Email: null })]);
		const result = dryRun(action([email({ to: '{{Email}}' })], { rowFilter: undefined }), table);
		expect(result.outputs[0].problems[0]).toMatchObject({
			code: 'invalid-email-address',
			field: 'email.to',
			rowIndex: 0,
			message: 'Row 1: "Ann Smith" in "to" is not an email address.'
		});
		expect(result.outputs[1].problems[0]).toMatchObject({ code: 'no-recipient', rowIndex: 1 });
	});

	it('renders a once output one time over the kept rows', () => {
		const summary = email(
			{
				to: 'sales@example.com',
				subject: '{{rowCount}} renewals in {{answerName}}',
				html: '<ul>{{#each rows}}<li>{{[Customer Name]}}</li>{{/each}}</ul>'
			},
			{ id: 'summary', mode: 'once' }
		);
		const [output] = dryRun(action([summary])).outputs;
		expect(output.rowIndex).toBeNull();
		expect(renderedOf(output, 'email')).toMatchObject({
			subject: '2 renewals in Renewals Q2',
			html: '<ul><li>Ann &quot;A&quot; Co</li><li>Zoë</li></ul>'
		});
	});

	it('sends per-row HTTP outputs in batches with the batch as rows', () => {
		const table = tableOf([1, 2, 3, 4, 5].map((n) => row({ N: n, 'Contract Value': 1 })));
		const batched = http({ batchSize: 2, body: '{{json (pluck rows "N")}}' });
		const outputs = dryRun(action([batched]), table).outputs;
		expect(outputs.map((o) => [o.rowIndex, o.rowIndexes, renderedOf(o, 'http')?.body])).toEqual([
			[0, [0, 1], '[1,2]'],
			[2, [2, 3], '[3,4]'],
			[4, [4], '[5]']
		]);
	});

	it('renders forms as one record per push, per row, or per kept row in a table', () => {
		const field = {
			name: 'amount',
			label: 'Amount',
			type: 'number' as const,
			value: '{{[Contract Value]}}'
		};
		const base = { submitTo: ['invoice'], fields: [field] };
		const definition = action([
			{
				id: 'record',
				type: 'form',
				mode: 'per-row',
				form: { ...base, layout: 'record', title: 'For {{email}}' }
			},
			{
				id: 'table',
				type: 'form',
				mode: 'once',
				form: { ...base, layout: 'table', title: '{{rowCount}} rows' }
			}
		]);
		const outputs = dryRun(definition).outputs;
		expect(outputs.map((o) => o.outputId)).toEqual(['record', 'record', 'table']);
		expect(renderedOf(outputs[0], 'form')).toEqual({
			title: 'For ann@example.com',
			layout: 'record',
			fields: [{ name: 'amount', label: 'Amount', type: 'number' }],
			records: [{ amount: '1200' }],
			submitLabel: null,
			submitTo: ['invoice']
		});
		expect(renderedOf(outputs[2], 'form')).toMatchObject({
			title: '2 rows',
			records: [{ amount: '1200' }, { amount: '30.5' }]
		});
	});

	it('renders at most rowLimit rows while once outputs still see every kept row', () => {
		const table = tableOf(Array.from({ length: 50 }, (_, n) => row({ N: n, 'Contract Value': 1 })));
		const result = dryRun(
			action([
				http({ body: '{{N}}' }),
				{ id: 'total', type: 'page', mode: 'once', page: { template: '{{count rows}}' } }
			]),
			table,
			5
		);
		expect(result.rowsKept).toBe(50);
		expect(result.outputs).toHaveLength(6);
		expect(renderedOf(result.outputs[5], 'page')).toEqual({ html: '50' });
	});

	it('renders thousands of rows from one compile', () => {
		const table = tableOf(
			Array.from({ length: 5000 }, (_, n) => row({ N: n, 'Contract Value': n % 2 }))
		);
		const result = dryRun(action([http({ body: '{"n": {{json N}} }' })]), table);
		expect(result.rowsKept).toBe(2500);
		expect(result.outputs).toHaveLength(2500);
		expect(renderedOf(result.outputs[2499], 'http')?.body).toBe('{"n": 4999 }');
	});

	it('gives a failed render no result, and names the row', () => {
		const result = dryRun(action([http({ body: '{{currency [Contract Value] "EURO"}}' })]));
		expect(result.outputs[0]).toMatchObject({
			rendered: null,
			problems: [{ code: 'helper-failed', field: 'request.body', rowIndex: 0, outputId: 'invoice' }]
		});
	});
});

describe('compileAction', () => {
	it('returns every problem instead of throwing, and still previews the rest', () => {
		const definition = action(
			[
				http({ body: '{{nope [Customer Name]}}' }),
				email({ subject: 'Fine {{email}}' }),
				http({ headers: { 'Bad Header': 'x' } }, { id: 'notice' })
			],
			{
				bindings: [{ name: 'all', path: '$..[?(@.x)]', scope: 'push' }],
				page: { template: '{{#if}}' }
			}
		);
		const compiled = compileAction(definition);
		expect(compiled.problems.map((p) => [p.code, p.outputId ?? p.binding ?? p.field])).toEqual([
			['invalid-jsonpath', 'all'],
			['duplicate-output-id', 'notice'],
			['unknown-helper', 'invoice'],
			['invalid-header-name', 'notice'],
			['template-syntax', 'page.template']
		]);

		const result = renderAction(compiled, customers, { now: NOW });
		expect(result.problems.map((p) => p.code)).toEqual(['invalid-jsonpath']);
		expect(result.outputs.map((o) => [o.outputId, o.rowIndex, o.rendered === null])).toEqual([
			['invoice', null, true],
			['notice', 0, false],
			['notice', 2, false],
			['notice', null, true]
		]);
		expect(result.page?.html).toBeNull();
		expect(result.page?.problems[0].code).toBe('template-syntax');
	});

	it('keeps no row when the row filter cannot work', () => {
		const compiled = compileAction(
			action([http({})], { rowFilter: { all: [{ column: 'Contract Value', op: 'gt' }] } })
		);
		const result = renderAction(compiled, customers, { now: NOW });
		expect(result.rowsKept).toBe(0);
		expect(result.outputs).toEqual([]);
		expect(result.problems[0].code).toBe('invalid-row-filter');
	});
});

describe('renderRow', () => {
	const definition = action([
		http({ body: '{"c": {{json [Customer Name]}}, "of": {{json answerName}} }' }),
		{ id: 'page', type: 'page', mode: 'once', page: { template: 'x' } }
	]);

	it('renders the per-row outputs of one selected row', () => {
		const result = renderRow(compileAction(definition), customers, 2, { now: NOW });
		expect(result.kept).toBe(true);
		expect(result.outputs).toHaveLength(1);
		expect(renderedOf(result.outputs[0], 'http')?.body).toBe('{"c": "Zoë", "of": "Renewals Q2" }');
	});

	it('previews a row the filter drops, and says so', () => {
		const result = renderRow(compileAction(definition), customers, 1, { now: NOW });
		expect(result.kept).toBe(false);
		expect(renderedOf(result.outputs[0], 'http')?.body).toBe('{"c": "Bob", "of": "Renewals Q2" }');
	});

	it('reports a row that does not exist', () => {
		const result = renderRow(compileAction(definition), customers, 3);
		expect(result.problems[0]).toMatchObject({ code: 'row-out-of-range', rowIndex: 3 });
	});
});
