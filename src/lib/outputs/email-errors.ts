/** Turning nodemailer's errors into outcomes: SMTP 4xx and connection trouble retry, 5xx is final. */

import { describeRefusal, findRefusal } from '../server/outbound/refusal';
import type { AttemptOutcome } from './attempt';

export interface SmtpVerdict {
	outcome: AttemptOutcome;
	errorCode: string;
	error: string;
	responseCode?: number;
	smtpResponse?: string;
}

interface NodemailerError {
	code?: string;
	responseCode?: number;
	response?: string;
	/** The SMTP command the reply answered, e.g. `STARTTLS`, `RCPT TO`, `DATA`. */
	command?: string;
	message?: string;
}

const DNS_CODES = new Set(['ENOTFOUND', 'EAI_AGAIN', 'EAI_NONAME', 'EAI_FAIL', 'ENODATA', 'EDNS']);

/** Judges an error from sending through the mail server at `target` (`smtp://host:port`). */
export function judgeSmtpError(error: unknown, target: string): SmtpVerdict {
	const refusal = findRefusal(error);
	if (refusal) {
		return {
			outcome: 'fail',
			errorCode: 'outbound-refused',
			error: describeRefusal(refusal, target)
		};
	}

	const details = (error ?? {}) as NodemailerError;
	const message = details.message ?? String(error);
	if (typeof details.responseCode === 'number') {
		const answered = details.command
			? `${target} answered ${details.command} with`
			: `${target} answered`;
		return judgeReply(details.responseCode, details.response ?? message, answered);
	}
	if (details.code === 'EENVELOPE') {
		return {
			outcome: 'fail',
			errorCode: 'invalid-address',
			error: `The email could not be addressed: ${message}`
		};
	}
	if (details.code === 'EAUTH') {
		const advice = "Check the SMTP credential's username and password.";
		return {
			outcome: 'fail',
			errorCode: 'smtp-auth',
			error: `${target} did not accept the login: ${message} ${advice}`
		};
	}
	if (details.code && DNS_CODES.has(details.code)) {
		return {
			outcome: 'retry',
			errorCode: 'dns',
			error: `Could not resolve the mail server of ${target}: ${message}`
		};
	}
	if (details.code === 'ETIMEDOUT') {
		return {
			outcome: 'retry',
			errorCode: 'timeout',
			error: `${target} did not answer in time: ${message}`
		};
	}
	return {
		outcome: 'retry',
		errorCode: 'network',
		error: `Could not talk to ${target} (${details.code ?? 'error'}): ${message}`
	};
}

/** `answered` says who answered what, e.g. `smtp://mail.example:25 answered DATA with`. */
function judgeReply(code: number, response: string, answered: string): SmtpVerdict {
	if (code >= 400 && code < 500) {
		const error = `${answered} "${response}", a temporary refusal; the email will be retried.`;
		return {
			outcome: 'retry',
			errorCode: 'smtp-temporary',
			error,
			responseCode: code,
			smtpResponse: response
		};
	}
	const error = `${answered} "${response}", a permanent refusal; retrying would get the same answer.`;
	return {
		outcome: 'fail',
		errorCode: 'smtp-rejected',
		error,
		responseCode: code,
		smtpResponse: response
	};
}
