import { activeDemo } from '$lib/server/demo';

export const load = () => {
	const demo = activeDemo();
	return { running: demo !== null, requests: demo?.sink.list() ?? [] };
};
