/**
 * An email output as nodemailer sends it and as the run log records it. Header fields lose
 * CR, LF and NUL here again, though the mapping engine already removed them: a header break
 * that slipped through would let pushed data add headers or recipients.
 */

import { isEmailAddress, stripHeaderBreaks } from '../mapping/addresses';
import type { Problem } from '../payload/types';

export interface EmailAttachment {
	filename: string;
	content: string;
	contentType: string;
}

/** An email output as the mapping engine rendered it. */
export interface EmailMessage {
	from: string;
	to: string[];
	cc: string[];
	bcc: string[];
	replyTo?: string | null;
	subject: string;
	text?: string | null;
	html?: string | null;
	attachments?: EmailAttachment[];
}

/** What the run log keeps of an email: who, what about and how big, but not the bodies. */
export interface RecordedEmail {
	envelope: { from: string; to: string[] };
	headers: Record<string, string>;
	subject: string;
	textBytes: number;
	htmlBytes: number;
	attachments: { filename: string; contentType: string; bytes: number }[];
}

/** The message with every header field cleaned, or the addresses that are not addresses. */
export function cleanMessage(
	message: EmailMessage
): { ok: true; message: EmailMessage } | { ok: false; problem: Problem } {
	const clean: EmailMessage = {
		...message,
		from: stripHeaderBreaks(message.from).trim(),
		to: message.to.map(cleanAddress),
		cc: message.cc.map(cleanAddress),
		bcc: message.bcc.map(cleanAddress),
		replyTo: message.replyTo ? cleanAddress(message.replyTo) : null,
		subject: stripHeaderBreaks(message.subject),
		attachments: (message.attachments ?? []).map((attachment) => ({
			...attachment,
			filename: stripHeaderBreaks(attachment.filename),
			contentType: stripHeaderBreaks(attachment.contentType)
		}))
	};

	const addresses = [clean.from, ...clean.to, ...clean.cc, ...clean.bcc];
	if (clean.replyTo) addresses.push(clean.replyTo);
	const invalid = addresses.filter((address) => !isEmailAddress(address));
	if (invalid.length > 0) {
		const list = invalid.map((address) => `"${address}"`).join(', ');
		return problem(
			'invalid-address',
			`These are not email addresses: ${list}. Check the email output's from, to, cc, bcc and reply-to templates.`,
			{ invalid }
		);
	}
	if (clean.to.length + clean.cc.length + clean.bcc.length === 0) {
		return problem(
			'no-recipients',
			'The email has no recipients: to, cc and bcc all rendered empty.'
		);
	}
	return { ok: true, message: clean };
}

function cleanAddress(address: string): string {
	return stripHeaderBreaks(address).trim();
}

function problem(
	code: string,
	message: string,
	details?: unknown
): { ok: false; problem: Problem } {
	return { ok: false, problem: { code, message, details } };
}

/** `someone@example.com` from `Some One <someone@example.com>` or from itself. */
export function bareAddress(address: string): string {
	const angled = /<([^<>]*)>\s*$/.exec(address);
	return (angled ? angled[1] : address).trim();
}

/**
 * The Message-ID for a delivery: the idempotency key as its local part, so every attempt of
 * one delivery carries the same ID and receivers can recognise a repeat. Characters outside
 * letters, digits, `_` and `-` are written as `=` and their hex code, which keeps the ID
 * valid and distinct keys distinct.
 */
export function messageIdFor(idempotencyKey: string, from: string): string {
	const local = Array.from(new TextEncoder().encode(idempotencyKey), (byte) => {
		const char = String.fromCharCode(byte);
		return /[A-Za-z0-9_-]/.test(char)
			? char
			: `=${byte.toString(16).toUpperCase().padStart(2, '0')}`;
	}).join('');
	const domain = bareAddress(from).split('@').pop()?.toLowerCase() ?? '';
	const safeDomain = /^[a-z0-9-]+(\.[a-z0-9-]+)*$/.test(domain) ? domain : 'pushmap.invalid';
	return `<${local}@${safeDomain}>`;
}

/** The record of a cleaned message. */
export function recordEmail(message: EmailMessage, messageId: string): RecordedEmail {
	const headers: Record<string, string> = {
		'Message-ID': messageId,
		From: message.from,
		To: message.to.join(', '),
		Subject: message.subject
	};
	if (message.cc.length > 0) headers.Cc = message.cc.join(', ');
	if (message.replyTo) headers['Reply-To'] = message.replyTo;
	return {
		envelope: {
			from: bareAddress(message.from),
			to: [...message.to, ...message.cc, ...message.bcc].map(bareAddress)
		},
		headers,
		subject: message.subject,
		textBytes: byteLength(message.text),
		htmlBytes: byteLength(message.html),
		attachments: (message.attachments ?? []).map(({ filename, contentType, content }) => ({
			filename,
			contentType,
			bytes: byteLength(content)
		}))
	};
}

function byteLength(text: string | null | undefined): number {
	return text ? Buffer.byteLength(text, 'utf8') : 0;
}
