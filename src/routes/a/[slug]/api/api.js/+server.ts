/**
 * `api/api.js` next to the action's page, for pages written for ThoughtSpot's legacy Data
 * Push API: they load it by that relative URL and call
 * `window.thoughtspot.getCurrentData(callback)`. This one gets the data from the window that
 * opened (or embeds) the page through Pushmap's window protocol (docs/action-page.md), so
 * such a page works unchanged when the simulator opens it at /a/<slug>/.
 */

import { READY, DATA } from '$lib/simulator/protocol';
import { runtime } from '$lib/server/runtime';

export const GET = ({ params }) => {
	const script = legacyApi(params.slug, runtime().config.corsOrigins);
	return new Response(script, {
		headers: {
			'content-type': 'text/javascript; charset=utf-8',
			'cache-control': 'no-cache'
		}
	});
};

/** Plain ES5, since the pages that load it are old. Settings arrive as JSON literals. */
function legacyApi(slug: string, trustedOrigins: string[]): string {
	return `/* Pushmap: window.thoughtspot.getCurrentData for Data Push API pages. */
(function () {
	'use strict';
	var SLUG = ${JSON.stringify(slug)};
	var TRUSTED = ${JSON.stringify(trustedOrigins)};
	var host = window.opener || (window.parent !== window ? window.parent : null);
	var waiting = [];
	var received = false;
	var data;

	function trusted(origin) {
		return origin === window.location.origin || TRUSTED.indexOf('*') >= 0 || TRUSTED.indexOf(origin) >= 0;
	}

	window.addEventListener('message', function (event) {
		var message = event.data;
		if (received || !message || message.type !== ${JSON.stringify(DATA)} || !('payload' in message)) return;
		if (event.source !== host || !trusted(event.origin)) return;
		received = true;
		data = message.payload;
		var callbacks = waiting;
		waiting = [];
		for (var i = 0; i < callbacks.length; i++) callbacks[i](data);
	});

	window.thoughtspot = window.thoughtspot || {};
	window.thoughtspot.getCurrentData = function (callback) {
		if (received) return callback(data);
		waiting.push(callback);
		if (waiting.length === 1 && host) host.postMessage({ type: ${JSON.stringify(READY)}, slug: SLUG, via: 'legacy' }, '*');
	};
})();
`;
}
