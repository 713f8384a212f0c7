/**
 * Sends one claimed delivery: opens the credentials it names, then hands it to the HTTP or
 * SMTP sender. SMTP connections are pooled per credential and replaced when it changes.
 */

import type { OutgoingAuth } from '../../actions/definition';
import type { RecordedHttpRequest } from '../../outputs/attempt';
import {
	createMailer,
	type EmailAttemptResult,
	type Mailer,
	type SmtpSettings
} from '../../outputs/email-send';
import type { ResolvedHttpAuth } from '../../outputs/http-auth';
import { sendHttpRequest } from '../../outputs/http-send';
import type { Database } from '../db/client';
import type { OutboundGuard } from '../outbound';
import { openCredential, type OpenedCredential } from '../secrets/credentials';
import type { DeliveryPlan } from './delivery-plan';
import type { AttemptResult, ClaimedDelivery } from './queue';

export interface Senders {
	send(delivery: ClaimedDelivery): Promise<AttemptResult>;
	close(): Promise<void>;
}

export function createSenders(db: Database, secretKey: Buffer, guard: OutboundGuard): Senders {
	const mailers = new Map<string, { settings: string; mailer: Mailer }>();
	const open = (name: string) => openCredential(db, secretKey, name);

	async function sendHttp(
		delivery: ClaimedDelivery,
		plan: Extract<DeliveryPlan, { type: 'http' }>
	) {
		const auth = plan.auth ? resolveHttpAuth(plan.auth, await open(plan.auth.secret)) : undefined;
		if (auth && 'problem' in auth) return refused(auth.problem, plan.request);
		return sendHttpRequest(
			{ ...plan.request, body: plan.request.body ?? undefined },
			{
				auth,
				timeoutMs: plan.timeoutMs,
				successStatuses: plan.successStatuses,
				idempotencyKey: delivery.id,
				guard
			}
		);
	}

	async function sendEmail(
		delivery: ClaimedDelivery,
		plan: Extract<DeliveryPlan, { type: 'email' }>
	) {
		const credential = await open(plan.smtp);
		const settings = smtpSettings(credential);
		if ('problem' in settings) return refused(settings.problem, {});
		const mailer = mailerFor(plan.smtp, settings);
		const { message } = plan;
		const result = await mailer.send(
			{
				from: message.from,
				to: message.to,
				cc: message.cc,
				bcc: message.bcc,
				replyTo: message.replyTo ?? undefined,
				subject: message.subject,
				text: message.text ?? undefined,
				html: message.html ?? undefined,
				attachments: plan.csv
					? [{ filename: plan.csv.filename, content: plan.csv.content, contentType: 'text/csv' }]
					: []
			},
			{ idempotencyKey: delivery.id }
		);
		return fromEmailResult(result);
	}

	function mailerFor(name: string, settings: SmtpSettings): Mailer {
		const key = JSON.stringify(settings);
		const cached = mailers.get(name);
		if (cached?.settings === key) return cached.mailer;
		cached?.mailer.close();
		const mailer = createMailer(settings, guard);
		mailers.set(name, { settings: key, mailer });
		return mailer;
	}

	return {
		async send(delivery) {
			const plan = delivery.plan;
			if (plan.type === 'http') return sendHttp(delivery, plan);
			if (plan.type === 'email') return sendEmail(delivery, plan);
			return refused(`Pushmap cannot send an output of type "${delivery.outputType}".`, {});
		},
		async close() {
			for (const { mailer } of mailers.values()) mailer.close();
			mailers.clear();
		}
	};
}

type Resolved<T> = T | { problem: string };

function resolveHttpAuth(
	auth: OutgoingAuth,
	credential: OpenedCredential | null
): Resolved<ResolvedHttpAuth> {
	if (!credential) return missing(auth.secret);
	const field = (name: string) => {
		const value = credential.secretFields[name] ?? credential.publicFields[name];
		return typeof value === 'string' ? value : '';
	};
	const secret = field('value') || field('token') || field('password');
	switch (auth.type) {
		case 'basic':
			return { type: 'basic', username: field('username'), password: field('password') || secret };
		case 'bearer':
			return { type: 'bearer', token: secret };
		case 'api-key':
			return { type: 'api-key', header: auth.header ?? 'X-API-Key', value: secret };
		case 'oauth2-client-credentials':
			if (credential.type !== 'oauth2-client-credentials') {
				return {
					problem: `The credential "${credential.name}" is not an OAuth 2 client credential.`
				};
			}
			return {
				type: 'oauth2-client-credentials',
				tokenUrl: field('tokenUrl'),
				clientId: field('clientId'),
				clientSecret: field('clientSecret'),
				scope: field('scope') || undefined
			};
	}
}

function smtpSettings(credential: OpenedCredential | null): Resolved<SmtpSettings> {
	if (!credential)
		return {
			problem:
				'The SMTP credential of this output does not exist. Create it on the Credentials page.'
		};
	if (credential.type !== 'smtp')
		return { problem: `The credential "${credential.name}" is not an SMTP server.` };
	const { host, port, secure, username } = credential.publicFields as Record<string, unknown>;
	const password = credential.secretFields.password;
	return {
		host: String(host),
		port: Number(port),
		secure: secure === true,
		username: typeof username === 'string' ? username : undefined,
		password: typeof password === 'string' ? password : undefined
	};
}

function missing(name: string): { problem: string } {
	return {
		problem: `The credential "${name}" does not exist. Create it on the Credentials page, then retry.`
	};
}

/** A delivery that cannot be sent as configured: final until someone fixes the setup. */
function refused(problem: string, request: Partial<RecordedHttpRequest> | object): AttemptResult {
	return { outcome: 'fail', durationMs: 0, request, error: problem };
}

function fromEmailResult(result: EmailAttemptResult): AttemptResult {
	return {
		outcome: result.outcome,
		retryAfterMs: result.retryAfterMs,
		durationMs: result.durationMs,
		request: { ...result.message, messageId: result.messageId },
		responseStatus: result.responseCode,
		responseBody: result.smtpResponse,
		error: result.error
	};
}
