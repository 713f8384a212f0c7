import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { epochMsToIso, isIsoDate, isIsoDatetime, isoToEpochMs } from './dates';

describe('dates', () => {
	it('writes any epoch millisecond exactly as Date#toISOString does', () => {
		fc.assert(
			fc.property(fc.integer({ min: -8.64e15, max: 8.64e15 }), (ms) => {
				expect(epochMsToIso(ms)).toBe(new Date(ms).toISOString());
			}),
			{ numRuns: 5000 }
		);
	});

	it('drops fractions of a millisecond toward zero, as Date does', () => {
		expect(epochMsToIso(-0.5)).toBe('1970-01-01T00:00:00.000Z');
		expect(epochMsToIso(1721001600000.9)).toBe('2024-07-15T00:00:00.000Z');
	});

	it('gives nothing for instants beyond the calendar', () => {
		expect(epochMsToIso(8.64e15 + 1)).toBeUndefined();
		expect(epochMsToIso(Number.NaN)).toBeUndefined();
	});

	it('accepts real calendar days only', () => {
		expect(['2024-02-29', '2000-02-29', '2024-12-31'].map(isIsoDate)).toEqual([true, true, true]);
		expect(
			['2023-02-29', '1900-02-29', '2024-02-30', '2024-13-01', '2024-7-15'].map(isIsoDate)
		).toEqual([false, false, false, false, false]);
	});

	it('recognises ISO date-times with and without an offset', () => {
		expect(isIsoDatetime('2024-07-15T09:30:00Z')).toBe(true);
		expect(isIsoDatetime('2024-07-15T09:30:00.123+02:00')).toBe(true);
		expect(isIsoDatetime('2024-07-15 09:30:00')).toBe(false);
		expect(isIsoDatetime('2024-07-15T25:00:00Z')).toBe(false);
	});

	it('reads ISO text without an offset as UTC, and honours an offset when there is one', () => {
		expect(isoToEpochMs('2024-07-15T10:00:00')).toBe(Date.UTC(2024, 6, 15, 10));
		expect(isoToEpochMs('2024-07-15T10:00:00+0200')).toBe(Date.UTC(2024, 6, 15, 8));
		expect(isoToEpochMs('2024-07-15T10:00:00-02:00')).toBe(Date.UTC(2024, 6, 15, 12));
		expect(isoToEpochMs('2024-07-15')).toBe(Date.UTC(2024, 6, 15));
		expect(isoToEpochMs('15/07/2024')).toBeUndefined();
	});
});
