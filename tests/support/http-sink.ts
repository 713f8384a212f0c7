/**
 * A small HTTP receiver on 127.0.0.1 for tests of outgoing requests: it records every request
 * and answers as told (slowly, with errors, with 429 and Retry-After, with redirects, or by
 * dropping the connection).
 */

import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';

export interface RecordedRequest {
	method: string;
	/** The path with its query string. */
	path: string;
	/** Header names in lower case, repeated headers joined with ", ". */
	headers: Record<string, string>;
	body: string;
	receivedAt: Date;
	/** Numbers the TCP connections in the order they opened, to see keep-alive reuse. */
	connection: number;
}

export interface SinkResponse {
	status?: number;
	headers?: Record<string, string>;
	body?: string;
	/** Wait this long before answering. */
	delayMs?: number;
	/** Drop the connection instead of answering. */
	destroy?: boolean;
}

export type SinkHandler = (request: RecordedRequest) => SinkResponse | Promise<SinkResponse>;

export interface HttpSink {
	/** `http://127.0.0.1:<port>`, without a trailing slash. */
	url: string;
	port: number;
	requests: RecordedRequest[];
	/**
	 * How to answer from now on: a handler, one response for every request, or a sequence
	 * answered in order whose last response repeats.
	 */
	respondWith(answer: SinkHandler | SinkResponse | SinkResponse[]): void;
	/** Resolves once `count` requests have arrived; rejects after `timeoutMs`. */
	waitFor(count: number, timeoutMs?: number): Promise<RecordedRequest[]>;
	/** Forgets the requests and goes back to answering 200. */
	reset(): void;
	close(): Promise<void>;
}

const OK: SinkResponse = { status: 200, body: 'ok' };

/** Starts a sink on 127.0.0.1 and a free port. */
export async function startHttpSink(): Promise<HttpSink> {
	const requests: RecordedRequest[] = [];
	const waiters = new Set<() => void>();
	const connections = new WeakMap<Socket, number>();
	let connectionCount = 0;
	let answer: SinkHandler = () => OK;

	const server = createServer(async (incoming, outgoing) => {
		const recorded = await record(incoming, connections.get(incoming.socket) ?? 0);
		requests.push(recorded);
		for (const wake of waiters) wake();
		try {
			await reply(outgoing, await answer(recorded));
		} catch (error) {
			// A handler that throws is a broken test; answer so the failure shows in the test.
			await reply(outgoing, { status: 500, body: `sink handler threw: ${error}` });
		}
	});
	server.on('connection', (socket) => connections.set(socket, ++connectionCount));
	await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
	const port = (server.address() as AddressInfo).port;

	return {
		url: `http://127.0.0.1:${port}`,
		port,
		requests,
		respondWith(next) {
			answer = toHandler(next);
		},
		waitFor(count, timeoutMs = 5000) {
			return waitForCount(requests, waiters, count, timeoutMs);
		},
		reset() {
			requests.length = 0;
			answer = () => OK;
		},
		close() {
			server.closeAllConnections();
			return new Promise((resolve) => server.close(() => resolve()));
		}
	};
}

async function record(incoming: IncomingMessage, connection: number): Promise<RecordedRequest> {
	const chunks: Buffer[] = [];
	for await (const chunk of incoming) chunks.push(chunk as Buffer);
	const headers: Record<string, string> = {};
	for (const [name, value] of Object.entries(incoming.headers)) {
		if (value !== undefined) headers[name] = Array.isArray(value) ? value.join(', ') : value;
	}
	return {
		method: incoming.method ?? '',
		path: incoming.url ?? '',
		headers,
		body: Buffer.concat(chunks).toString('utf8'),
		receivedAt: new Date(),
		connection
	};
}

async function reply(outgoing: ServerResponse, response: SinkResponse): Promise<void> {
	if (response.delayMs) {
		await new Promise((resolve) => setTimeout(resolve, response.delayMs));
	}
	if (response.destroy) {
		outgoing.socket?.destroy();
		return;
	}
	if (outgoing.socket?.destroyed) return;
	outgoing.writeHead(response.status ?? 200, response.headers);
	outgoing.end(response.body ?? '');
}

function toHandler(answer: SinkHandler | SinkResponse | SinkResponse[]): SinkHandler {
	if (typeof answer === 'function') return answer;
	if (!Array.isArray(answer)) return () => answer;
	let next = 0;
	return () => answer[Math.min(next++, answer.length - 1)];
}

function waitForCount(
	requests: RecordedRequest[],
	waiters: Set<() => void>,
	count: number,
	timeoutMs: number
): Promise<RecordedRequest[]> {
	return new Promise((resolve, reject) => {
		const check = () => {
			if (requests.length < count) return;
			clearTimeout(timer);
			waiters.delete(check);
			resolve(requests.slice(0, count));
		};
		const timer = setTimeout(() => {
			waiters.delete(check);
			reject(
				new Error(`The sink had ${requests.length} of ${count} requests after ${timeoutMs} ms.`)
			);
		}, timeoutMs);
		waiters.add(check);
		check();
	});
}
