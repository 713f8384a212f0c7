/** Rendering an email output: header fields lose line breaks; address lists are split and checked. */

import type { EmailOutput } from '../actions/definition';
import { isEmailAddress, splitAddresses, stripHeaderBreaks } from './addresses';
import type { TemplateContext } from './context';
import type { OutputRender } from './field-render';
import type { RenderedEmail } from './rendered';

/** Renders one email; its problems go to `job`. */
export function renderEmail(
	job: OutputRender,
	output: EmailOutput,
	context: TemplateContext
): RenderedEmail {
	const from = addresses(job, 'from', header(job, 'email.from', context));
	const to = addresses(job, 'to', header(job, 'email.to', context));
	const replyTo = addresses(job, 'replyTo', header(job, 'email.replyTo', context));
	if (from.length !== 1 && !job.failed) {
		job.report(
			'invalid-email-address',
			`${job.where()}"from" must be exactly one address.`,
			'email.from'
		);
	}
	if (to.length === 0 && !job.failed) {
		job.report(
			'no-recipient',
			`${job.where()}"to" rendered no address, so the email has no recipient.`,
			'email.to'
		);
	}
	if (replyTo.length > 1) {
		job.report(
			'invalid-email-address',
			`${job.where()}"replyTo" must be one address.`,
			'email.replyTo'
		);
	}
	return {
		from: from[0] ?? '',
		to,
		cc: addresses(job, 'cc', header(job, 'email.cc', context)),
		bcc: addresses(job, 'bcc', header(job, 'email.bcc', context)),
		replyTo: replyTo[0] ?? null,
		subject: header(job, 'email.subject', context) ?? '',
		text: job.field('email.text', context),
		html: job.field('email.html', context),
		attachCsv: output.email.attachCsv ? stripHeaderBreaks(output.email.attachCsv) : null
	};
}

/**
 * A header field's rendered text without line breaks. Field names are written out in full
 * (not built per call) because they are looked up for every row.
 */
function header(job: OutputRender, field: string, context: TemplateContext): string | null {
	const value = job.field(field, context);
	return value === null ? null : stripHeaderBreaks(value).trim();
}

/** Splits a rendered address list, reporting each entry that is not an address. */
function addresses(job: OutputRender, name: string, list: string | null): string[] {
	if (list === null) {
		return [];
	}
	const all = splitAddresses(list);
	for (const address of all) {
		if (!isEmailAddress(address)) {
			job.report(
				'invalid-email-address',
				`${job.where()}"${address}" in "${name}" is not an email address.`,
				`email.${name}`,
				{ address }
			);
		}
	}
	return all;
}
