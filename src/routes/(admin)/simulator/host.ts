/**
 * The simulator's side of the window protocol (docs/action-page.md): it opens an action's
 * window — a popup or an iframe in a dialog — and hands it the answer the way the chosen
 * delivery way does: a form POST into the window, or an answer to the window's ready message.
 */

import { DATA, READY, RESULT, readMessage, type ResultMessage } from '$lib/simulator/protocol';

export interface Launch {
	id: number;
	slug: string;
	/** The window (or iframe) name, which a form POST targets. */
	name: string;
	url: string;
	payload: unknown;
	transport: 'form-post' | 'message';
}

export type HostEvent =
	| { kind: 'asked'; launch: Launch; via: 'page' | 'legacy' }
	| { kind: 'result'; launch: Launch; result: ResultMessage };

/** Posts the payload as a `payload` form field into the named window, as a URL action opening it. */
export function postIntoWindow(url: string, target: string, payload: unknown) {
	const form = document.createElement('form');
	form.method = 'POST';
	form.action = url;
	form.target = target;
	form.hidden = true;
	const field = document.createElement('input');
	field.type = 'hidden';
	field.name = 'payload';
	field.value = JSON.stringify(payload);
	form.append(field);
	document.body.append(form);
	form.submit();
	form.remove();
}

/**
 * Listens for the windows the simulator opened: answers their ready message with the payload
 * and reports their results. Returns the function that registers a newly opened window.
 */
export function listenToWindows(report: (event: HostEvent) => void) {
	// Windows are looked up when a message arrives: an iframe's window may say it is ready
	// before the code that drew the iframe has finished.
	const open: { window: () => Window | null; launch: Launch }[] = [];

	const onMessage = (event: MessageEvent) => {
		const launch = open.find((item) => event.source && item.window() === event.source)?.launch;
		const message = readMessage(event.data);
		if (!launch || !message) return;
		if (message.type === READY && launch.transport === 'message') {
			(event.source as Window).postMessage({ type: DATA, payload: launch.payload }, event.origin);
			report({ kind: 'asked', launch, via: message.via });
		} else if (message.type === RESULT) {
			report({ kind: 'result', launch, result: message });
		}
	};
	window.addEventListener('message', onMessage);

	return {
		track(target: () => Window | null, launch: Launch) {
			open.push({ window: target, launch });
		},
		stop() {
			window.removeEventListener('message', onMessage);
		}
	};
}
