import { describe, expect, it } from 'vitest';
import { redactHeaders, redactText, redactUrl } from './redact';

describe('redactHeaders', () => {
	it('redacts credentials, cookies and token- or key-named headers by name', () => {
		expect(
			redactHeaders(
				{
					Authorization: 'Bearer abc',
					Cookie: 'sid=1',
					'X-Auth-Token': 't',
					'X-API-Key': 'k',
					'X-Custom': 'v',
					Accept: 'application/json'
				},
				[],
				['X-Custom']
			)
		).toEqual({
			Authorization: '[redacted]',
			Cookie: '[redacted]',
			'X-Auth-Token': '[redacted]',
			'X-API-Key': '[redacted]',
			'X-Custom': '[redacted]',
			Accept: 'application/json'
		});
	});

	it('redacts a secret wherever it sits in another header', () => {
		expect(redactHeaders({ 'X-Forward': 'pre-s3cr3t-post' }, ['s3cr3t'])).toEqual({
			'X-Forward': 'pre-[redacted]-post'
		});
	});
});

describe('redactUrl', () => {
	it('removes user info and redacts secret-looking query values', () => {
		expect(redactUrl('https://ann:pw@example.com/x?api_key=1&page=2&token=3', [])).toBe(
			'https://[redacted]@example.com/x?api_key=%5Bredacted%5D&page=2&token=%5Bredacted%5D'
		);
	});

	it('redacts a known secret in the path, encoded or not', () => {
		expect(redactUrl('https://example.com/hooks/abc%2Fdef/x', ['abc/def'])).toBe(
			'https://example.com/hooks/[redacted]/x'
		);
	});
});

describe('redactText', () => {
	it('replaces long secrets anywhere but short ones only as whole values', () => {
		expect(redactText('a s3cr3t b', ['s3cr3t'])).toBe('a [redacted] b');
		expect(redactText('a abc b', ['abc'])).toBe('a abc b');
		expect(redactText('abc', ['abc'])).toBe('[redacted]');
	});
});
