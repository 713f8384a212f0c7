/**
 * The demo billing system's API: it accepts any request the demo action sends (an invoice
 * per customer), keeps it for the demo billing page, and answers with an invoice number.
 * It answers only while the demo runs, and keeps at most 64 KB of each body.
 */

import { json } from '@sveltejs/kit';
import { activeDemo } from '$lib/server/demo';
import { jsonError } from '$lib/server/http';
import { readText } from '$lib/server/runs/push-body';

const MAX_BODY_BYTES = 64 * 1024;

export const POST = async ({ params, request }) => {
	const demo = activeDemo();
	if (!demo) return jsonError(404, 'demo-off', 'The demo is not running on this server.');

	const read = await readText(request, MAX_BODY_BYTES);
	if (!read.ok)
		return jsonError(413, 'too-large', 'The demo billing sink keeps bodies up to 64 KB.');

	const received = demo.sink.add({
		name: params.name,
		method: request.method,
		contentType: request.headers.get('content-type'),
		idempotencyKey: request.headers.get('idempotency-key'),
		body: read.text,
		receivedAt: new Date()
	});
	return json({ id: `INV-${String(received.id).padStart(4, '0')}` }, { status: 201 });
};
