import { activeDemo } from '$lib/server/demo';

export const load = () => {
	const demo = activeDemo();
	return { running: demo !== null, emails: demo?.mail.list() ?? [], smtpPort: demo?.smtpPort };
};
