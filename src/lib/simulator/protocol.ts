/**
 * The messages between an action's window and the host that opened or embeds it. The window
 * says it is ready; the host answers with the answer's data; the window reports how the push
 * went. docs/action-page.md documents the protocol for hosts other than the simulator, and
 * static api/api.js speaks the same protocol for pages written for the legacy Data Push API.
 */

export const READY = 'pushmap:ready';
export const DATA = 'pushmap:data';
export const RESULT = 'pushmap:result';

/** Sent by the window to `window.opener` or `window.parent` once it listens. */
export interface ReadyMessage {
	type: typeof READY;
	/** The action's slug; null from a legacy page, which does not know it. */
	slug: string | null;
	/** `page`: Pushmap's action page; `legacy`: a page using window.thoughtspot.getCurrentData. */
	via: 'page' | 'legacy';
}

/** Sent by the host: the answer, in any shape an action accepts. */
export interface DataMessage {
	type: typeof DATA;
	payload: unknown;
}

/** Sent by the action page after its push: what the intake answered. */
export interface ResultMessage {
	type: typeof RESULT;
	slug: string;
	status: number;
	runId: string | null;
	runStatus: string | null;
	error: { code: string; message: string } | null;
}

export type WindowMessage = ReadyMessage | DataMessage | ResultMessage;

/** The message in a `message` event's data, or null when it is not one of ours. */
export function readMessage(data: unknown): WindowMessage | null {
	if (typeof data !== 'object' || data === null) return null;
	const message = data as Record<string, unknown>;
	if (message.type === READY) {
		return {
			type: READY,
			slug: typeof message.slug === 'string' ? message.slug : null,
			via: message.via === 'legacy' ? 'legacy' : 'page'
		};
	}
	if (message.type === DATA && 'payload' in message) {
		return { type: DATA, payload: message.payload };
	}
	if (message.type === RESULT && typeof message.slug === 'string') {
		return data as ResultMessage;
	}
	return null;
}

/**
 * Whether a message from `origin` may hand the window data: the window's own origin, or one
 * the operator listed in PUSHMAP_CORS_ORIGINS (`*` allows any).
 */
export function isTrustedOrigin(origin: string, ownOrigin: string, allowed: string[]): boolean {
	if (origin === ownOrigin) return true;
	return allowed.includes('*') || allowed.includes(origin);
}
