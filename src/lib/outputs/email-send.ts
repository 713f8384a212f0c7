/**
 * Sending email outputs through one SMTP server, with pooled connections reused across
 * deliveries. Every connection the pool opens goes through the outbound guard: the guard
 * resolves and checks the host and hands nodemailer a socket to the checked address, and TLS
 * still verifies the certificate against the host name.
 */

import nodemailer, { type Transporter } from 'nodemailer';
import type SMTPTransport from 'nodemailer/lib/smtp-transport';
import type { OutboundGuard } from '../server/outbound/guard';
import type { AttemptOutcome } from './attempt';
import { judgeSmtpError, type SmtpVerdict } from './email-errors';
import {
	cleanMessage,
	messageIdFor,
	recordEmail,
	type EmailMessage,
	type RecordedEmail
} from './email-message';

export type { EmailAttachment, EmailMessage, RecordedEmail } from './email-message';

export interface SmtpSettings {
	host: string;
	port: number;
	/** TLS from the first byte (usually port 465). */
	secure?: boolean;
	/** `required`: refuse to send unless STARTTLS succeeds; `opportunistic` (default): use it when offered. */
	startTls?: 'required' | 'opportunistic';
	username?: string;
	password?: string;
	/** Keep connections open and reuse them (default true). */
	pool?: boolean;
	/** For connecting, the greeting and each reply (default 30 s). */
	timeoutMs?: number;
}

export interface EmailSendOptions {
	/** The same for every attempt of a delivery; it becomes the Message-ID's local part. */
	idempotencyKey: string;
}

export interface EmailAttemptResult {
	outcome: AttemptOutcome;
	retryAfterMs?: number;
	durationMs: number;
	/** Absent only when the message was refused before it was built (a bad address). */
	message?: RecordedEmail;
	messageId: string;
	/** The mail server's last reply, e.g. `250 2.0.0 Ok: queued as 12345`. */
	smtpResponse?: string;
	responseCode?: number;
	accepted?: string[];
	rejected?: string[];
	errorCode?: string;
	error?: string;
}

export interface Mailer {
	send(message: EmailMessage, options: EmailSendOptions): Promise<EmailAttemptResult>;
	/** Closes the pooled connections. */
	close(): void;
}

const DEFAULT_TIMEOUT_MS = 30_000;

/** A mailer for one SMTP server; keep it for as long as the server's settings stay the same. */
export function createMailer(smtp: SmtpSettings, guard: OutboundGuard): Mailer {
	const timeoutMs = smtp.timeoutMs ?? DEFAULT_TIMEOUT_MS;
	const target = `${smtp.secure ? 'smtps' : 'smtp'}://${smtp.host}:${smtp.port}`;
	const transport = createTransport(smtp, transportOptions(smtp, guard, timeoutMs));

	return {
		send: (message, options) => sendEmail(transport, target, message, options),
		close: () => transport.close()
	};
}

function createTransport(smtp: SmtpSettings, options: SMTPTransport.Options): Transporter {
	if (smtp.pool === false) {
		return nodemailer.createTransport(options);
	}
	// One quiet resend when a pooled connection turns out to be closed; past that the delivery
	// queue decides. (Nodemailer's default would resend for ever; its types omit the option.)
	// Ten connections of up to a thousand messages each: a burst of per-row emails goes out
	// in parallel without opening a connection per message.
	const pooled = {
		...options,
		pool: true as const,
		maxRequeues: 1,
		maxConnections: 10,
		maxMessages: 1000
	};
	return nodemailer.createTransport(pooled);
}

function transportOptions(
	smtp: SmtpSettings,
	guard: OutboundGuard,
	timeoutMs: number
): SMTPTransport.Options {
	return {
		host: smtp.host,
		port: smtp.port,
		secure: smtp.secure ?? false,
		requireTLS: smtp.startTls === 'required',
		auth: smtp.username ? { user: smtp.username, pass: smtp.password ?? '' } : undefined,
		connectionTimeout: timeoutMs,
		greetingTimeout: timeoutMs,
		socketTimeout: timeoutMs,
		// Message content comes from pushed data: it must never make nodemailer read a file or fetch a URL.
		disableFileAccess: true,
		disableUrlAccess: true,
		getSocket(_options, callback) {
			guard.openSocket(smtp.host, smtp.port, timeoutMs).then(
				(socket) => callback(null, { connection: socket }),
				(error: Error) => callback(error, null)
			);
		}
	};
}

async function sendEmail(
	transport: Transporter,
	target: string,
	message: EmailMessage,
	options: EmailSendOptions
): Promise<EmailAttemptResult> {
	const started = performance.now();
	const messageId = messageIdFor(options.idempotencyKey, message.from);
	const duration = () => Math.round(performance.now() - started);

	const cleaned = cleanMessage(message);
	if (!cleaned.ok) {
		const { code, message: error } = cleaned.problem;
		return { outcome: 'fail', durationMs: duration(), messageId, errorCode: code, error };
	}
	const clean = cleaned.message;
	const record = recordEmail(clean, messageId);

	try {
		const info = await transport.sendMail({
			messageId,
			from: clean.from,
			to: clean.to,
			cc: clean.cc,
			bcc: clean.bcc,
			replyTo: clean.replyTo ?? undefined,
			subject: clean.subject,
			text: clean.text ?? undefined,
			html: clean.html ?? undefined,
			attachments: clean.attachments
		});
		return {
			outcome: 'success',
			durationMs: duration(),
			message: record,
			messageId,
			smtpResponse: info.response,
			accepted: info.accepted.map(String),
			rejected: info.rejected.map(String)
		};
	} catch (error) {
		const verdict: SmtpVerdict = judgeSmtpError(error, target);
		return { durationMs: duration(), message: record, messageId, ...verdict };
	}
}
