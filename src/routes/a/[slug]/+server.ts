import { json } from '@sveltejs/kit';
import { corsHeaders, preflightHeaders } from '$lib/server/cors';
import { receivePush } from '$lib/server/runs/intake';
import { runtime } from '$lib/server/runtime';

/** A push from a BI host: JSON in, `{ runId, status, warnings, rowCount, outputs }` out. */
export const POST = async ({ params, request, url, getClientAddress }) => {
	const reply = await receivePush({
		slug: params.slug,
		request,
		url,
		clientAddress: getClientAddress(),
		dryRun: url.searchParams.get('dryRun') === '1'
	});
	const cors = corsHeaders(request.headers.get('origin'), runtime().config.corsOrigins);
	return json(reply.body, { status: reply.status, headers: { ...reply.headers, ...cors } });
};

export const OPTIONS = ({ request }) =>
	new Response(null, {
		status: 204,
		headers: preflightHeaders(request.headers.get('origin'), runtime().config.corsOrigins)
	});
