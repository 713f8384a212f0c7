import { describe, expect, it } from 'vitest';
import { isTrustedOrigin, readMessage } from './protocol';
import { windowFeatures } from './window-sizes';

describe('the window protocol', () => {
	it('reads its own messages and ignores anything else posted to the window', () => {
		expect(readMessage({ type: 'pushmap:ready', slug: 'a', via: 'legacy' })).toEqual({
			type: 'pushmap:ready',
			slug: 'a',
			via: 'legacy'
		});
		expect(readMessage({ type: 'pushmap:data', payload: [{ a: 1 }] })).toEqual({
			type: 'pushmap:data',
			payload: [{ a: 1 }]
		});
		expect(readMessage({ type: 'pushmap:data' })).toBeNull();
		expect(readMessage('pushmap:data')).toBeNull();
		expect(readMessage({ type: 'webpackOk' })).toBeNull();
	});

	it('trusts the page’s own origin and the listed BI hosts only', () => {
		const own = 'https://pushmap.example';
		expect(isTrustedOrigin(own, own, [])).toBe(true);
		expect(isTrustedOrigin('https://co.thoughtspot.cloud', own, [])).toBe(false);
		expect(
			isTrustedOrigin('https://co.thoughtspot.cloud', own, ['https://co.thoughtspot.cloud'])
		).toBe(true);
		expect(isTrustedOrigin('https://evil.example', own, ['*'])).toBe(true);
	});

	it('opens windows at the sizes ThoughtSpot offers', () => {
		expect(windowFeatures('small')).toBe('popup=yes,width=400,height=300');
		expect(windowFeatures('large')).toBe('popup=yes,width=1200,height=800');
	});
});
