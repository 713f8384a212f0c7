/**
 * The demo's mail server: it accepts every message on a loopback port and keeps it for the
 * mail view instead of sending it on, so the demo's emails can be read without a real
 * mailbox. It listens on 127.0.0.1 only, so nothing off this machine can use it.
 */

import { simpleParser, type AddressObject } from 'mailparser';
import type { AddressInfo } from 'node:net';
import type { Readable } from 'node:stream';
import { SMTPServer } from 'smtp-server';
import type { CaughtEmail, Inbox } from './inbox';

const MAX_MESSAGE_BYTES = 1024 * 1024;

export interface SmtpCatcher {
	port: number;
	close(): Promise<void>;
}

/** Listens on `preferredPort` when it is free (so the demo credential stays right), else any. */
export async function startSmtpCatcher(
	inbox: Inbox<CaughtEmail>,
	preferredPort: number | null
): Promise<SmtpCatcher> {
	const server = new SMTPServer({
		logger: false,
		disableReverseLookup: true,
		disabledCommands: ['STARTTLS', 'AUTH'],
		authOptional: true,
		size: MAX_MESSAGE_BYTES,
		// Pooled senders keep a connection open; closing should not wait out the 30 s default.
		closeTimeout: 500,
		onData(stream, _session, callback) {
			catchMessage(stream, inbox).then(() => callback(), callback);
		}
	});
	const port = await listen(server, preferredPort).catch(() => listen(server, 0));
	return {
		port,
		close: () => new Promise((resolve) => server.close(() => resolve()))
	};
}

function listen(server: SMTPServer, port: number | null): Promise<number> {
	return new Promise((resolve, reject) => {
		const onError = (error: Error) => reject(error);
		server.server.once('error', onError);
		server.listen(port ?? 0, '127.0.0.1', () => {
			server.server.off('error', onError);
			resolve((server.server.address() as AddressInfo).port);
		});
	});
}

async function catchMessage(stream: Readable, inbox: Inbox<CaughtEmail>) {
	const parsed = await simpleParser(stream);
	inbox.add({
		from: parsed.from?.text ?? '',
		to: addresses(parsed.to),
		subject: parsed.subject ?? '',
		text: parsed.text ?? '',
		receivedAt: new Date()
	});
}

function addresses(field: AddressObject | AddressObject[] | undefined): string[] {
	const objects = field === undefined ? [] : Array.isArray(field) ? field : [field];
	return objects.flatMap((object) => object.value.map((entry) => entry.address ?? ''));
}
