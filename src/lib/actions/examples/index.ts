/** The examples the designer offers under "create from example". */

import type { ActionDefinition } from '../definition';
import { renewalInvoicesExample } from './renewal-invoices';

export { blankDefinition } from './blank';
export { renewalInvoicesExample } from './renewal-invoices';

export interface ActionExample {
	/** Stable key, also the example's slug. */
	key: string;
	title: string;
	summary: string;
	/** Builds a fresh copy each call, so edits never leak between uses. */
	create: () => ActionDefinition;
}

export const actionExamples: readonly ActionExample[] = [
	{
		key: 'renewal-invoices',
		title: 'Send renewal invoices',
		summary: 'For each customer due for renewal, create an invoice in billing and email it.',
		create: renewalInvoicesExample
	}
];
