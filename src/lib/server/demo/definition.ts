/**
 * The demo action: the seed's renewal-invoice story, pointed at the built-in stand-ins. A
 * person reviews the invoices in the action's window (amounts are editable), and sending
 * the form creates each invoice in the demo billing sink and emails each customer through
 * the demo mail catcher.
 */

import type { ActionDefinition, FormOutput } from '../../actions/definition';
import { renewalInvoicesExample } from '../../actions/examples/renewal-invoices';

export const DEMO_SMTP_CREDENTIAL = 'billing-smtp';

export function demoAction(sinkBase: string): ActionDefinition {
	const example = renewalInvoicesExample();
	const outputs = example.outputs.map((output) => {
		if (output.type !== 'http') return output;
		// The demo billing sink takes invoices without a token.
		const request = { ...output.request };
		delete request.auth;
		return {
			...output,
			request: {
				...request,
				url: `${sinkBase}/invoices`,
				body: '{ "customer": {{json [Customer Name]}}, "email": {{json [Email]}}, "due": {{json [Renewal Date]}}, "amount": {{json [Contract Value]}} }'
			}
		};
	});
	return {
		...example,
		description:
			'Demo: review the invoices, then create them in the demo billing page and email each customer.',
		// The simulator and the window push without a secret; a real action would have one.
		auth: { type: 'none' },
		outputs: [reviewForm(), ...outputs],
		page: {
			template:
				'<p>Sent {{rowCount}} invoices for {{default answerName "your answer"}}.</p><p>See them in Pushmap’s demo billing page and mailbox.</p>'
		}
	};
}

function reviewForm(): FormOutput {
	return {
		id: 'review',
		type: 'form',
		mode: 'once',
		form: {
			title: 'Review the invoices',
			layout: 'table',
			fields: [
				{
					name: 'Customer Name',
					label: 'Customer',
					type: 'text',
					required: true,
					value: '{{[Customer Name]}}'
				},
				{ name: 'Email', label: 'Email', type: 'email', required: true, value: '{{[Email]}}' },
				{
					name: 'Renewal Date',
					label: 'Due',
					type: 'date',
					required: true,
					value: '{{[Renewal Date]}}'
				},
				{
					name: 'Contract Value',
					label: 'Amount',
					type: 'number',
					min: 0,
					value: '{{[Contract Value]}}'
				}
			],
			submitLabel: 'Send invoices',
			submitTo: ['invoice', 'notice']
		}
	};
}
