import { jsonError } from './http';

/** Reads a JSON object body, or gives the 400/415 response that says what to send. */
export async function readJsonObject(
	request: Request
): Promise<{ ok: true; value: Record<string, unknown> } | { ok: false; response: Response }> {
	const type = request.headers.get('content-type') ?? '';
	if (!type.includes('application/json')) {
		return {
			ok: false,
			response: jsonError(
				415,
				'unsupported-media-type',
				'Send a JSON body with "Content-Type: application/json".'
			)
		};
	}
	try {
		const value: unknown = await request.json();
		if (value && typeof value === 'object' && !Array.isArray(value)) {
			return { ok: true, value: value as Record<string, unknown> };
		}
	} catch {
		// Reported below with the same message as a body of the wrong shape.
	}
	return { ok: false, response: jsonError(400, 'invalid-json', 'Send a JSON object as the body.') };
}
