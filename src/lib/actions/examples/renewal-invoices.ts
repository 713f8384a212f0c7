/**
 * The example from the design notes: invoice each customer due for renewal in billing,
 * then email them. It seeds the designer's "create from example" and the docs.
 */

import type { ActionDefinition } from '../definition';

/** A fresh copy of the renewal-invoices example, safe for the caller to edit. */
export function renewalInvoicesExample(): ActionDefinition {
	return {
		slug: 'renewal-invoices',
		label: 'Send renewal invoices',
		description: 'Creates an invoice per customer in billing and emails it.',
		window: { size: 'medium' },
		placement: 'menu',
		auth: { type: 'bearer', secret: 'thoughtspot-token' },
		expectedColumns: [
			{ name: 'Customer Name', required: true, aliases: ['Customer'] },
			{ name: 'Email', required: true },
			{ name: 'Renewal Date', required: true, type: 'date' },
			{ name: 'Contract Value', type: 'number' }
		],
		onMissingColumns: 'reject',
		bindings: [
			{ name: 'email', path: "$['Email']", scope: 'row' },
			{ name: 'answerName', path: '$.answer.name', scope: 'push' }
		],
		rowFilter: { all: [{ column: 'Contract Value', op: 'gt', value: 0 }] },
		outputs: [
			{
				id: 'invoice',
				type: 'http',
				mode: 'per-row',
				request: {
					method: 'POST',
					url: 'https://billing.example.com/api/invoices',
					headers: { 'Content-Type': 'application/json' },
					auth: { type: 'bearer', secret: 'billing-token' },
					body: '{ "customer": {{json [Customer Name]}}, "due": {{json [Renewal Date]}} }'
				}
			},
			{
				id: 'notice',
				type: 'email',
				mode: 'per-row',
				smtp: 'billing-smtp',
				email: {
					from: 'billing@example.com',
					to: '{{email}}',
					subject: 'Your renewal invoice',
					text: 'Hello {{[Customer Name]}}, your renewal is due on {{[Renewal Date]}}.'
				}
			}
		],
		page: { template: '<p>Sent {{rowCount}} invoices for {{answerName}}.</p>' }
	};
}
