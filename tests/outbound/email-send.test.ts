import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { toCsv } from '../../src/lib/outputs/csv';
import {
	createMailer,
	type EmailMessage,
	type Mailer,
	type SmtpSettings
} from '../../src/lib/outputs/email-send';
import { createOutboundGuard, type OutboundGuard } from '../../src/lib/server/outbound';
import { startSmtpSink, type SmtpSink } from '../support/smtp-sink';

let sink: SmtpSink;
const opened: { mailer: Mailer; guard: OutboundGuard }[] = [];

beforeAll(async () => {
	sink = await startSmtpSink();
});

afterEach(async () => {
	for (const { mailer, guard } of opened.splice(0)) {
		mailer.close();
		await guard.close();
	}
	sink.messages.length = 0;
});

afterAll(async () => {
	await sink.close();
});

function mailerFor(
	allow: string[],
	settings: Partial<SmtpSettings> = {},
	port = sink.port
): Mailer {
	const guard = createOutboundGuard(allow);
	const mailer = createMailer({ host: '127.0.0.1', port, ...settings }, guard);
	opened.push({ mailer, guard });
	return mailer;
}

function notice(overrides: Partial<EmailMessage> = {}): EmailMessage {
	return {
		from: 'Billing <billing@example.com>',
		to: ['ann@example.com'],
		cc: [],
		bcc: [],
		subject: 'Your renewal invoice',
		text: 'Hello Ann',
		...overrides
	};
}

describe('createMailer', () => {
	it('delivers with the right envelope, headers, Message-ID and a CSV attachment', async () => {
		const csv = toCsv(
			['Customer', 'Value'],
			[
				{ Customer: 'Ann', Value: 1200 },
				{ Customer: '=cmd', Value: -5 }
			]
		);
		const mailer = mailerFor([`127.0.0.1:${sink.port}`]);

		const result = await mailer.send(
			notice({
				cc: ['Bo Lee <bo@example.com>'],
				bcc: ['audit@example.com'],
				replyTo: 'help@example.com',
				html: '<p>Hello Ann</p>',
				attachments: [{ filename: 'renewals.csv', content: csv, contentType: 'text/csv' }]
			}),
			{ idempotencyKey: 'run-1:notice:0' }
		);

		expect(result.outcome).toBe('success');
		expect(result.smtpResponse).toMatch(/^250 /);
		const [message] = await sink.waitFor(1);
		expect(message.envelope).toEqual({
			from: 'billing@example.com',
			to: ['ann@example.com', 'bo@example.com', 'audit@example.com']
		});
		expect(message.from).toBe('Billing <billing@example.com>');
		expect(message.to).toEqual(['ann@example.com']);
		expect(message.cc).toEqual(['bo@example.com']);
		expect(message.headers.bcc).toBeUndefined();
		expect(message.replyTo).toBe('help@example.com');
		expect(message.subject).toBe('Your renewal invoice');
		expect(message.messageId).toBe('<run-1=3Anotice=3A0@example.com>');
		expect(message.text?.trim()).toBe('Hello Ann');
		expect(message.html).toBe('<p>Hello Ann</p>');
		expect(message.attachments).toEqual([
			{
				filename: 'renewals.csv',
				contentType: 'text/csv',
				content: "Customer,Value\r\nAnn,1200\r\n'=cmd,-5\r\n"
			}
		]);
	});

	it('records the envelope, headers and sizes but not the bodies', async () => {
		const mailer = mailerFor(['127.0.0.1']);
		const result = await mailer.send(notice({ html: '<p>é</p>' }), { idempotencyKey: 'k1' });

		expect(result.message).toEqual({
			envelope: { from: 'billing@example.com', to: ['ann@example.com'] },
			headers: {
				'Message-ID': '<k1@example.com>',
				From: 'Billing <billing@example.com>',
				To: 'ann@example.com',
				Subject: 'Your renewal invoice'
			},
			subject: 'Your renewal invoice',
			textBytes: 9,
			htmlBytes: 9,
			attachments: []
		});
		expect(JSON.stringify(result)).not.toContain('Hello Ann');
		expect(result.durationMs).toBeGreaterThanOrEqual(0);
	});

	it('keeps the same Message-ID when a delivery is sent again, over the same pooled connection', async () => {
		const mailer = mailerFor(['127.0.0.1']);
		await mailer.send(notice(), { idempotencyKey: 'delivery-9' });
		await mailer.send(notice(), { idempotencyKey: 'delivery-9' });

		const [first, second] = await sink.waitFor(2);
		expect(first.messageId).toBe('<delivery-9@example.com>');
		expect(second.messageId).toBe(first.messageId);
		expect(second.connection).toBe(first.connection);
	});

	it('strips CR and LF from the subject so pushed data cannot add a header', async () => {
		const mailer = mailerFor(['127.0.0.1']);
		await mailer.send(notice({ subject: 'Invoice\r\nBcc: evil@example.com' }), {
			idempotencyKey: 'k2'
		});

		const [message] = await sink.waitFor(1);
		expect(message.subject).toBe('InvoiceBcc: evil@example.com');
		expect(message.envelope.to).toEqual(['ann@example.com']);
		expect(message.headers.bcc).toBeUndefined();
	});

	it('retries after a temporary SMTP refusal (451)', async () => {
		sink.rejectNext(451, 'Try again later');
		const result = await mailerFor(['127.0.0.1']).send(notice(), { idempotencyKey: 'k3' });

		expect(result.outcome).toBe('retry');
		expect(result.errorCode).toBe('smtp-temporary');
		expect(result.responseCode).toBe(451);
		expect(result.smtpResponse).toBe('451 Try again later');
		expect(sink.messages).toHaveLength(0);
	});

	it('fails for good after a permanent SMTP refusal (550)', async () => {
		sink.rejectNext(550, 'Mailbox unavailable');
		const result = await mailerFor(['127.0.0.1']).send(notice(), { idempotencyKey: 'k4' });

		expect(result.outcome).toBe('fail');
		expect(result.errorCode).toBe('smtp-rejected');
		expect(result.error).toContain('550 Mailbox unavailable');
	});

	it('fails a bad address without connecting', async () => {
		const result = await mailerFor(['127.0.0.1']).send(
			notice({ to: ['ann@example.com', 'Ann Smith'] }),
			{
				idempotencyKey: 'k5'
			}
		);

		expect(result.outcome).toBe('fail');
		expect(result.errorCode).toBe('invalid-address');
		expect(result.error).toContain('"Ann Smith"');
		expect(sink.messages).toHaveLength(0);
	});

	it('refuses a mail server on loopback when nothing is allowed', async () => {
		const result = await mailerFor([]).send(notice(), { idempotencyKey: 'k6' });

		expect(result.outcome).toBe('fail');
		expect(result.errorCode).toBe('outbound-refused');
		expect(result.error).toBe(
			`Refused to connect to 127.0.0.1 (loopback) for smtp://127.0.0.1:${sink.port}. ` +
				'Add the host to PUSHMAP_OUTBOUND_ALLOW if this target is intended.'
		);
		expect(sink.messages).toHaveLength(0);
	});

	it('guards connections without a pool too', async () => {
		const refused = await mailerFor([], { pool: false }).send(notice(), { idempotencyKey: 'k10' });
		const allowed = await mailerFor(['127.0.0.1'], { pool: false }).send(notice(), {
			idempotencyKey: 'k11'
		});

		expect(refused.errorCode).toBe('outbound-refused');
		expect(allowed.outcome).toBe('success');
		expect(await sink.waitFor(1)).toHaveLength(1);
	});

	it('does not send in the clear when STARTTLS is required but not offered', async () => {
		const result = await mailerFor(['127.0.0.1'], { startTls: 'required' }).send(notice(), {
			idempotencyKey: 'k12'
		});

		expect(result.outcome).not.toBe('success');
		expect(result.error).toContain('STARTTLS');
		expect(sink.messages).toHaveLength(0);
	});

	it('retries when the mail server cannot be reached', async () => {
		const closed = await startSmtpSink();
		const port = closed.port;
		await closed.close();
		const result = await mailerFor(['127.0.0.1'], {}, port).send(notice(), {
			idempotencyKey: 'k7'
		});

		expect(result.outcome).toBe('retry');
		expect(result.errorCode).toBe('network');
		expect(result.error).toContain('ECONNREFUSED');
	});
});

describe('createMailer with a login', () => {
	let secured: SmtpSink;

	beforeAll(async () => {
		secured = await startSmtpSink({ auth: { username: 'mailer', password: 'm41l-pass' } });
	});

	afterAll(async () => {
		await secured.close();
	});

	it('logs in and delivers', async () => {
		const mailer = mailerFor(
			['127.0.0.1'],
			{ username: 'mailer', password: 'm41l-pass' },
			secured.port
		);
		const result = await mailer.send(notice(), { idempotencyKey: 'k8' });

		expect(result.outcome).toBe('success');
		expect(await secured.waitFor(1)).toHaveLength(1);
	});

	it('fails for good when the login is refused', async () => {
		const mailer = mailerFor(
			['127.0.0.1'],
			{ username: 'mailer', password: 'wrong' },
			secured.port
		);
		const result = await mailer.send(notice(), { idempotencyKey: 'k9' });

		expect(result.outcome).toBe('fail');
		expect(result.responseCode).toBe(535);
		expect(JSON.stringify(result)).not.toContain('wrong');
	});
});
