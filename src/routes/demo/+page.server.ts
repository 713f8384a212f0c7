import { activeDemo } from '$lib/server/demo';

export const load = () => ({ running: activeDemo() !== null });
