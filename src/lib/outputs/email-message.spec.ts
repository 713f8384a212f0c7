import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { bareAddress, cleanMessage, messageIdFor, type EmailMessage } from './email-message';

const message: EmailMessage = {
	from: 'Billing <billing@example.com>',
	to: ['ann@example.com'],
	cc: [],
	bcc: [],
	subject: 'Hello'
};

describe('cleanMessage', () => {
	it('removes CR, LF and NUL from every header field', () => {
		const result = cleanMessage({
			...message,
			from: 'Billing\r\n <billing@example.com>',
			to: ['ann@example.com\r\n'],
			cc: ['bo@exa\nmple.com'],
			replyTo: 'help@example.com\0',
			subject: 'Hi\r\nBcc: x@example.com',
			attachments: [{ filename: 'a\r\n.csv', content: 'x\r\ny', contentType: 'text/csv\n' }]
		});

		expect(result.ok && result.message).toMatchObject({
			from: 'Billing <billing@example.com>',
			to: ['ann@example.com'],
			cc: ['bo@example.com'],
			replyTo: 'help@example.com',
			subject: 'HiBcc: x@example.com',
			attachments: [{ filename: 'a.csv', content: 'x\r\ny', contentType: 'text/csv' }]
		});
	});

	it('lists every value that is not an address', () => {
		const result = cleanMessage({ ...message, to: ['Ann', 'ann@example.com'], replyTo: 'nobody' });

		expect(result.ok).toBe(false);
		expect(!result.ok && result.problem).toMatchObject({
			code: 'invalid-address',
			details: { invalid: ['Ann', 'nobody'] }
		});
	});

	it('refuses a message with no recipients', () => {
		const result = cleanMessage({ ...message, to: [] });
		expect(!result.ok && result.problem.code).toBe('no-recipients');
	});
});

describe('messageIdFor', () => {
	it('uses the key as the local part and the sender domain', () => {
		expect(messageIdFor('delivery-42', 'Billing <billing@Example.com>')).toBe(
			'<delivery-42@example.com>'
		);
		expect(messageIdFor('run 1/ü', 'x@example.com')).toBe('<run=201=2F=C3=BC@example.com>');
	});

	it('falls back to a reserved domain when the sender has none usable', () => {
		expect(messageIdFor('k', 'not an address')).toBe('<k@pushmap.invalid>');
	});

	it('gives distinct keys distinct, well-formed IDs', () => {
		fc.assert(
			fc.property(fc.string(), fc.string(), (a, b) => {
				const idA = messageIdFor(a, 'x@example.com');
				expect(idA).toMatch(/^<[A-Za-z0-9_=-]*@example\.com>$/);
				expect(idA === messageIdFor(b, 'x@example.com')).toBe(a === b);
			})
		);
	});
});

describe('bareAddress', () => {
	it('takes the address out of a named address', () => {
		expect(bareAddress('"Lee, Bo" <bo@example.com>')).toBe('bo@example.com');
		expect(bareAddress(' ann@example.com ')).toBe('ann@example.com');
	});
});
