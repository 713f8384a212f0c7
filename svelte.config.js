import adapter from '@sveltejs/adapter-node';
import { vitePreprocess } from '@sveltejs/vite-plugin-svelte';

/** @type {import('@sveltejs/kit').Config} */
const config = {
	preprocess: vitePreprocess(),
	kit: {
		adapter: adapter({ out: 'build' }),
		// Action endpoints take cross-origin POSTs from BI hosts (form posts and JSON sent as
		// text/plain), so SvelteKit's blanket origin check is off and hooks.server.ts checks
		// the origin of every other state-changing request itself.
		csrf: { trustedOrigins: ['*'] }
	}
};

export default config;
