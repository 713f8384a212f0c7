/** A connection the outbound policy refused, as a value and as the error that carries it. */

export interface OutboundRefusal {
	code: 'outbound-refused';
	host: string;
	port: number;
	/** The address the host resolved to (or the host itself, when it is an address). */
	address: string;
	/** Why the address is not public, e.g. `loopback` or `link-local, the cloud metadata service`. */
	label: string;
}

/**
 * The message a person reads: what was refused, why, for which target, and what to do.
 * `target` is the URL (or `smtp://host:port`) being delivered to, with secrets removed.
 */
export function describeRefusal(refusal: OutboundRefusal, target: string): string {
	return (
		`Refused to connect to ${refusal.address} (${refusal.label}) for ${target}. ` +
		'Add the host to PUSHMAP_OUTBOUND_ALLOW if this target is intended.'
	);
}

/**
 * Undici and nodemailer take errors from the code that opens their sockets, so a refusal
 * travels to the sender as this error; the sender turns it back into a final, never retried,
 * outcome with `describeRefusal`.
 */
export class OutboundRefusedError extends Error {
	readonly code = 'outbound-refused';

	constructor(readonly refusal: OutboundRefusal) {
		super(describeRefusal(refusal, `${hostForUrl(refusal.host)}:${refusal.port}`));
		this.name = 'OutboundRefusedError';
	}
}

/** Finds a refusal in an error or the errors it wraps (undici and nodemailer may wrap it). */
export function findRefusal(error: unknown): OutboundRefusal | null {
	for (let current = error, depth = 0; current && depth < 5; depth++) {
		if (current instanceof OutboundRefusedError) {
			return current.refusal;
		}
		current = (current as { cause?: unknown }).cause;
	}
	return null;
}

function hostForUrl(host: string): string {
	return host.includes(':') && !host.startsWith('[') ? `[${host}]` : host;
}
