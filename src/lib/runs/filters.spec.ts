import { describe, expect, it } from 'vitest';
import { filterQuery, parseRunFilters, searchQuery } from './filters';

describe('parseRunFilters', () => {
	it('reads every filter from a query string, times without a zone as UTC', () => {
		const parsed = parseRunFilters(
			new URLSearchParams('action=billing&status=failed&from=2025-03-01T10:42&q=%20Globex%20')
		);
		expect(parsed).toEqual({
			ok: true,
			filters: {
				action: 'billing',
				status: 'failed',
				from: new Date('2025-03-01T10:42:00Z'),
				to: null,
				text: 'Globex'
			}
		});
		if (parsed.ok) expect(filterQuery(parsed.filters).get('from')).toBe('2025-03-01T10:42:00.000Z');
	});

	it('refuses an unknown status, a time that is not one, and a range that ends first', () => {
		expect(parseRunFilters(new URLSearchParams('status=done')).ok).toBe(false);
		expect(parseRunFilters(new URLSearchParams('from=yesterday')).ok).toBe(false);
		const backwards = parseRunFilters(new URLSearchParams('from=2025-03-02&to=2025-03-01'));
		expect(backwards).toEqual({ ok: false, message: 'The range starts after it ends.' });
		expect(parseRunFilters(new URLSearchParams('from=2025-03-01')).ok).toBe(true);
	});
});

describe('searchQuery', () => {
	it('turns words into prefix terms and drops query syntax', () => {
		expect(searchQuery("Glob & !ex'")).toBe("'glob':* & 'ex':*");
		expect(searchQuery('ap@acme.test')).toBe("'ap@acme.test':*");
		expect(searchQuery('  !!  ')).toBeNull();
	});
});
