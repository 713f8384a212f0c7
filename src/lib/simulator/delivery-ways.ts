/**
 * How a BI host hands an answer to an action, as the simulator can play it: which payload
 * shape it sends, and whether it posts a form into the window or answers the window's
 * message. Every shape in the payload formats can be produced; these are the common ones.
 */

import type { FormatId } from '../payload/formats';

export type DeliveryWayId = 'url-post' | 'callback' | 'legacy' | 'context-menu' | 'rest';

export interface DeliveryWay {
	id: DeliveryWayId;
	label: string;
	/** One sentence for the simulator's picker. */
	description: string;
	format: FormatId;
	/** `form-post`: the window opens with a POST carrying a `payload` field; `message`: postMessage. */
	transport: 'form-post' | 'message';
}

export const DELIVERY_WAYS: readonly DeliveryWay[] = [
	{
		id: 'url-post',
		label: 'URL action POST',
		description: 'The window opens with a form POST whose payload field holds the answer.',
		format: 'callback.answer',
		transport: 'form-post'
	},
	{
		id: 'callback',
		label: 'Callback payload',
		description: 'The window asks for the data and gets the answer callback by postMessage.',
		format: 'callback.answer',
		transport: 'message'
	},
	{
		id: 'legacy',
		label: 'Legacy Data Push window',
		description:
			'The pre-2021 columnsAndData payload, as window.thoughtspot.getCurrentData gives it.',
		format: 'callback.legacy',
		transport: 'message'
	},
	{
		id: 'context-menu',
		label: 'Context menu on one row',
		description: 'The context-menu callback, with the clicked row and the selected points.',
		format: 'callback.context-menu',
		transport: 'message'
	},
	{
		id: 'rest',
		label: 'REST response',
		description: 'A REST v2 search data response, as a script that fetched the answer sends it.',
		format: 'rest-v2.searchdata',
		transport: 'message'
	}
];

export function deliveryWay(id: string): DeliveryWay {
	return DELIVERY_WAYS.find((way) => way.id === id) ?? DELIVERY_WAYS[0];
}
