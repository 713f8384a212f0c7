import { registry } from '$lib/server/metrics';

export const GET = async () =>
	new Response(await registry.metrics(), { headers: { 'content-type': registry.contentType } });
