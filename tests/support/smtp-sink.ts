/**
 * A small SMTP receiver on 127.0.0.1 for tests of outgoing email: it parses every message it
 * accepts and can reject the next ones with a chosen SMTP reply.
 */

import { simpleParser, type AddressObject } from 'mailparser';
import type { AddressInfo } from 'node:net';
import type { Readable } from 'node:stream';
import { SMTPServer } from 'smtp-server';

export interface ParsedMessage {
	/** What the client said in MAIL FROM and RCPT TO. */
	envelope: { from: string; to: string[] };
	/** The From header as written, e.g. `Billing <billing@example.com>`. */
	from: string;
	to: string[];
	cc: string[];
	replyTo: string | null;
	subject: string;
	messageId: string | null;
	text: string | null;
	html: string | null;
	/** Header names in lower case, values unfolded as sent; repeated headers joined by newlines. */
	headers: Record<string, string>;
	attachments: { filename: string | null; contentType: string; content: string }[];
	raw: string;
	/** The SMTP session (one per connection) it arrived on, to see pooled connections reused. */
	connection: string;
}

export interface SmtpSinkOptions {
	/** Require these credentials (AUTH PLAIN/LOGIN, allowed without TLS for tests). */
	auth?: { username: string; password: string };
	/** Offer STARTTLS with smtp-server's built-in self-signed certificate. */
	startTls?: boolean;
}

export interface SmtpSink {
	host: '127.0.0.1';
	port: number;
	messages: ParsedMessage[];
	/** Resolves once `count` messages have been accepted; rejects after `timeoutMs`. */
	waitFor(count: number, timeoutMs?: number): Promise<ParsedMessage[]>;
	/** Answers the next message's data with this reply, e.g. `451` or `550`. */
	rejectNext(code: number, message: string): void;
	close(): Promise<void>;
}

/** Starts a sink on 127.0.0.1 and a free port. */
export async function startSmtpSink(options: SmtpSinkOptions = {}): Promise<SmtpSink> {
	const messages: ParsedMessage[] = [];
	const rejections: { code: number; message: string }[] = [];
	const waiters = new Set<() => void>();

	const disabled = [...(options.startTls ? [] : ['STARTTLS']), ...(options.auth ? [] : ['AUTH'])];
	const server = new SMTPServer({
		logger: false,
		// A reverse lookup of the client would ask a DNS server off this machine.
		disableReverseLookup: true,
		disabledCommands: disabled,
		authOptional: !options.auth,
		allowInsecureAuth: true,
		onAuth(auth, _session, callback) {
			const ok =
				auth.username === options.auth?.username && auth.password === options.auth?.password;
			if (!ok)
				return callback(Object.assign(new Error('Invalid credentials'), { responseCode: 535 }));
			callback(null, { user: auth.username });
		},
		onData(stream, session, callback) {
			readAll(stream).then(async (raw) => {
				const rejection = rejections.shift();
				if (rejection) {
					callback(Object.assign(new Error(rejection.message), { responseCode: rejection.code }));
					return;
				}
				const envelope = {
					from: session.envelope.mailFrom ? session.envelope.mailFrom.address : '',
					to: session.envelope.rcptTo.map((recipient) => recipient.address)
				};
				messages.push(await parseMessage(raw, envelope, session.id));
				for (const wake of waiters) wake();
				callback();
			}, callback);
		}
	});
	await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
	const port = (server.server.address() as AddressInfo).port;

	return {
		host: '127.0.0.1',
		port,
		messages,
		waitFor: (count, timeoutMs = 5000) => waitForCount(messages, waiters, count, timeoutMs),
		rejectNext(code, message) {
			rejections.push({ code, message });
		},
		close: () => new Promise((resolve) => server.close(() => resolve()))
	};
}

async function readAll(stream: Readable): Promise<string> {
	const chunks: Buffer[] = [];
	for await (const chunk of stream) chunks.push(chunk as Buffer);
	return Buffer.concat(chunks).toString('utf8');
}

async function parseMessage(
	raw: string,
	envelope: ParsedMessage['envelope'],
	connection: string
): Promise<ParsedMessage> {
	const parsed = await simpleParser(raw);
	const headers: Record<string, string> = {};
	for (const { key, line } of parsed.headerLines) {
		const value = line
			.slice(line.indexOf(':') + 1)
			.replace(/\r?\n[ \t]/g, ' ')
			.trim();
		headers[key] = key in headers ? `${headers[key]}\n${value}` : value;
	}
	return {
		envelope,
		from: headers.from ?? '',
		to: addresses(parsed.to),
		cc: addresses(parsed.cc),
		replyTo: parsed.replyTo?.text ?? null,
		subject: parsed.subject ?? '',
		messageId: parsed.messageId ?? null,
		text: parsed.text ?? null,
		html: parsed.html || null,
		headers,
		attachments: parsed.attachments.map((attachment) => ({
			filename: attachment.filename ?? null,
			contentType: attachment.contentType,
			content: attachment.content.toString('utf8')
		})),
		raw,
		connection
	};
}

function addresses(field: AddressObject | AddressObject[] | undefined): string[] {
	const objects = field === undefined ? [] : Array.isArray(field) ? field : [field];
	return objects.flatMap((object) => object.value.map((entry) => entry.address ?? ''));
}

function waitForCount(
	messages: ParsedMessage[],
	waiters: Set<() => void>,
	count: number,
	timeoutMs: number
): Promise<ParsedMessage[]> {
	return new Promise((resolve, reject) => {
		const check = () => {
			if (messages.length < count) return;
			clearTimeout(timer);
			waiters.delete(check);
			resolve(messages.slice(0, count));
		};
		const timer = setTimeout(() => {
			waiters.delete(check);
			reject(
				new Error(`The sink had ${messages.length} of ${count} messages after ${timeoutMs} ms.`)
			);
		}, timeoutMs);
		waiters.add(check);
		check();
	});
}
