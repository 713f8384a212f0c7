/** The JSON error shape every endpoint uses: `{ error: { code, message, details } }`. */

import { json } from '@sveltejs/kit';

export function jsonError(
	status: number,
	code: string,
	message: string,
	details?: unknown,
	headers?: Record<string, string>
): Response {
	return json(
		{ error: { code, message, ...(details === undefined ? {} : { details }) } },
		{
			status,
			headers
		}
	);
}
