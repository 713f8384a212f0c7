import { describe, expect, it } from 'vitest';
import { renewalInvoicesExample } from '../actions/examples';
import { prePublishChecks } from './checks';
import { diffDefinitions } from './diff';
import { moveItem, newOutput } from './outputs';
import { columnChips, readSample } from './sample';

describe('checks before publishing', () => {
	it('pass the renewal example with no errors and no warnings', () => {
		expect(prePublishChecks(renewalInvoicesExample())).toEqual({ errors: [], warnings: [] });
	});

	it('block a template that does not compile, pointing at its field', () => {
		const definition = renewalInvoicesExample();
		const notice = definition.outputs[1];
		if (notice.type === 'email') notice.email.subject = 'Renewal {{#if Email}}';
		const { errors } = prePublishChecks(definition);
		expect(errors.map((e) => e.path)).toEqual(['outputs[1].email.subject']);
	});

	it('block an invalid definition with the validator problems', () => {
		const { errors } = prePublishChecks({ ...renewalInvoicesExample(), slug: 'Not A Slug' });
		expect(errors.map((e) => e.path)).toContain('slug');
	});

	it('warn of an unknown name, an unused expected column and an email without recipients', () => {
		const definition = renewalInvoicesExample();
		definition.expectedColumns.push({ name: 'Region' });
		const notice = definition.outputs[1];
		if (notice.type === 'email') {
			notice.email.to = 'nobody';
			notice.email.text = 'Hello {{Custmer}}';
		}
		const { errors, warnings } = prePublishChecks(definition);
		expect(errors).toEqual([]);
		expect(warnings).toEqual([
			{ path: 'outputs[1].email.text', message: expect.stringContaining('"Custmer"') },
			{ path: 'expectedColumns[4]', message: expect.stringContaining('"Region" is expected') },
			{ path: 'outputs[1].email.to', message: expect.stringContaining('no recipient') }
		]);
	});
});

describe('diffs between versions', () => {
	it('say nothing for the same definition', () => {
		expect(diffDefinitions(renewalInvoicesExample(), renewalInvoicesExample())).toEqual([]);
	});

	it('address changes by output id and column name, not by position', () => {
		const before = renewalInvoicesExample();
		const after = renewalInvoicesExample();
		after.outputs = moveItem(after.outputs, 0, 1);
		after.expectedColumns.unshift({ name: 'Region' });
		const notice = after.outputs[0];
		if (notice.type === 'email') notice.email.subject = 'Renewal';
		expect(diffDefinitions(before, after)).toEqual([
			{
				path: 'expectedColumns › expected column "Region"',
				change: 'added',
				after: '{"name":"Region"}'
			},
			{
				path: 'outputs › output "notice" › email › subject',
				change: 'changed',
				before: 'Your renewal invoice',
				after: 'Renewal'
			},
			{
				path: 'order of outputs',
				change: 'changed',
				before: 'invoice, notice',
				after: 'notice, invoice'
			}
		]);
	});
});

describe('the sample and outputs', () => {
	it('reads a pasted push into chips: expected columns first, matched through aliases', () => {
		const sample = readSample(
			JSON.stringify([{ Customer: 'Acme', Email: 'a@acme.test', Region: 'EU' }])
		);
		if (!sample.ok) throw new Error(sample.message);
		const chips = columnChips(renewalInvoicesExample().expectedColumns, sample.table);
		expect(chips.map((c) => [c.name, c.inSample, c.samples])).toEqual([
			['Customer Name', true, ['Acme']],
			['Email', true, ['a@acme.test']],
			['Renewal Date', false, []],
			['Contract Value', false, []],
			['Region', true, ['EU']]
		]);
	});

	it('explains a sample that is not JSON or of no known shape', () => {
		expect(readSample('{oops')).toMatchObject({
			ok: false,
			message: expect.stringContaining('not JSON')
		});
		expect(readSample('42')).toMatchObject({ ok: false });
	});

	it('gives new outputs ids no other output has', () => {
		const outputs = renewalInvoicesExample().outputs;
		expect(newOutput('email', outputs).id).toBe('email');
		expect(newOutput('email', [...outputs, newOutput('email', outputs)]).id).toBe('email-2');
	});
});
