/**
 * Reads a push's body within the action's size limit, without holding more than the limit
 * in memory, and parses it as JSON. Senders label JSON differently: ThoughtSpot's browser
 * side may send it as text/plain, and a form post carries it in a field.
 */

export const FORM_FIELDS = ['payload', 'data'] as const;

export type PushBody =
	| { ok: true; value: unknown; text: string; bytes: number }
	| {
			ok: false;
			status: 400 | 413 | 415;
			code: string;
			message: string;
			text?: string;
			bytes: number;
	  };

export async function readPushBody(request: Request, maxBytes: number): Promise<PushBody> {
	const declared = Number(request.headers.get('content-length') ?? NaN);
	if (declared > maxBytes) return tooLarge(declared, maxBytes);

	const kind = bodyKind(request.headers.get('content-type'));
	if (!kind) {
		return {
			ok: false,
			status: 415,
			code: 'unsupported-media-type',
			message:
				'Send the answer as JSON, with Content-Type application/json (or text/plain), or as a form with a "payload" field holding the JSON.',
			bytes: 0
		};
	}

	const read = await readText(request, maxBytes);
	if (!read.ok) return tooLarge(read.bytes, maxBytes);
	const text = kind === 'form' ? formPayload(read.text) : read.text;
	if (text === null) {
		return {
			ok: false,
			status: 400,
			code: 'missing-payload-field',
			message: `The form has no ${FORM_FIELDS.map((f) => `"${f}"`).join(' or ')} field holding the JSON answer.`,
			text: read.text,
			bytes: read.bytes
		};
	}
	return parseJson(text, read.bytes);
}

function bodyKind(contentType: string | null): 'json' | 'form' | null {
	const type = (contentType ?? '').split(';')[0].trim().toLowerCase();
	if (
		type === '' ||
		type === 'application/json' ||
		type === 'text/plain' ||
		type.endsWith('+json')
	) {
		return 'json';
	}
	if (type === 'application/x-www-form-urlencoded') return 'form';
	return null;
}

export async function readText(
	request: Request,
	maxBytes: number
): Promise<{ ok: true; text: string; bytes: number } | { ok: false; bytes: number }> {
	if (!request.body) return { ok: true, text: '', bytes: 0 };
	const chunks: Uint8Array[] = [];
	let bytes = 0;
	const reader = request.body.getReader();
	for (;;) {
		const { done, value } = await reader.read();
		if (done) break;
		bytes += value.byteLength;
		if (bytes > maxBytes) {
			await reader.cancel();
			return { ok: false, bytes };
		}
		chunks.push(value);
	}
	return { ok: true, text: Buffer.concat(chunks).toString('utf8'), bytes };
}

function formPayload(text: string): string | null {
	const form = new URLSearchParams(text);
	for (const field of FORM_FIELDS) {
		const value = form.get(field);
		if (value !== null) return value;
	}
	return null;
}

function parseJson(text: string, bytes: number): PushBody {
	if (text.trim() === '') {
		return {
			ok: false,
			status: 400,
			code: 'empty-body',
			message: 'The push had no body. Send the answer data as JSON.',
			text,
			bytes
		};
	}
	try {
		return { ok: true, value: JSON.parse(text), text, bytes };
	} catch (error) {
		return {
			ok: false,
			status: 400,
			code: 'invalid-json',
			message: `The body is not valid JSON (${(error as Error).message}). Send the answer data as JSON.`,
			text,
			bytes
		};
	}
}

function tooLarge(bytes: number, maxBytes: number): PushBody {
	return {
		ok: false,
		status: 413,
		code: 'payload-too-large',
		message: `The push is larger than this action accepts (${formatBytes(maxBytes)}). Push fewer rows or columns, or raise the action's limits.maxPushBytes.`,
		bytes
	};
}

export function formatBytes(bytes: number): string {
	if (bytes >= 1024 * 1024)
		return `${(bytes / (1024 * 1024)).toFixed(bytes % (1024 * 1024) ? 1 : 0)} MB`;
	if (bytes >= 1024) return `${Math.round(bytes / 1024)} KB`;
	return `${bytes} bytes`;
}
