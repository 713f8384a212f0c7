/** A plain TCP connection opened through the guard, for clients that take a ready socket. */

import { connect, type Socket } from 'node:net';
import type { ResolveResult } from './guard';

type Resolve = (host: string, port: number) => Promise<ResolveResult>;

/** Resolves and checks `host`, then connects to the checked address within `timeoutMs`. */
export async function openGuardedSocket(
	resolve: Resolve,
	host: string,
	port: number,
	timeoutMs: number
): Promise<Socket> {
	const result = await resolve(host, port);
	if (!result.ok) {
		throw result.error;
	}

	return new Promise((fulfil, reject) => {
		const socket = connect({ host: result.address, port });
		const onError = (error: Error) => {
			clearTimeout(timer);
			reject(error);
		};
		const timer = setTimeout(() => {
			socket.destroy();
			reject(timedOut(host, port, timeoutMs));
		}, timeoutMs);
		socket.once('error', onError);
		socket.once('connect', () => {
			clearTimeout(timer);
			socket.removeListener('error', onError);
			fulfil(socket);
		});
	});
}

function timedOut(host: string, port: number, timeoutMs: number): Error {
	const message = `Connecting to ${host}:${port} timed out after ${timeoutMs} ms.`;
	return Object.assign(new Error(message), { code: 'ETIMEDOUT' });
}
