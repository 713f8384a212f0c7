import { jsonError } from './http';
import { readText } from './runs/push-body';

/** Admin API bodies are definitions and settings, never pushes: a megabyte is plenty. */
const MAX_API_BODY_BYTES = 1024 * 1024;

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
	const read = await readText(request, MAX_API_BODY_BYTES);
	if (!read.ok) {
		return {
			ok: false,
			response: jsonError(413, 'body-too-large', 'Send a body of at most 1 MB.')
		};
	}
	try {
		const value: unknown = JSON.parse(read.text);
		if (value && typeof value === 'object' && !Array.isArray(value)) {
			return { ok: true, value: value as Record<string, unknown> };
		}
	} catch {
		// Reported below with the same message as a body of the wrong shape.
	}
	return { ok: false, response: jsonError(400, 'invalid-json', 'Send a JSON object as the body.') };
}
