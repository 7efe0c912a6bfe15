import { describe, expect, it } from 'vitest';
import { instantDate, isoDate, isoInstant, statedDate } from './export-dates';

describe('statedDate', () => {
  it.each([
    ['2024-03-21', { year: 2024, month: 3, day: 21 }],
    ['2024-03-21T23:30:00-05:00', { year: 2024, month: 3, day: 21 }],
    ['2024-03-21T18:42:17.311Z', { year: 2024, month: 3, day: 21 }],
    ['2024-03', { year: 2024, month: 3 }],
    ['2024', { year: 2024 }],
    ['2024-13-01', { year: 2024 }],
    ['2023-02-29', { year: 2023, month: 2 }],
    ['2024-02-29', { year: 2024, month: 2, day: 29 }],
    ['March 21, 2024', null],
    ['', null],
    [null, null],
  ])('%j → %j', (text, parts) => {
    expect(statedDate(text)).toEqual(parts);
  });
});

describe('instants', () => {
  it('dates an instant in the time zone asked for, UTC by default', () => {
    const ms = Date.UTC(2024, 2, 22, 23, 30);
    expect(instantDate(ms)).toEqual({ year: 2024, month: 3, day: 22 });
    expect(instantDate(ms, 'Asia/Tokyo')).toEqual({ year: 2024, month: 3, day: 23 });
    expect(instantDate(ms, 'America/Los_Angeles')).toEqual({ year: 2024, month: 3, day: 22 });
    expect(isoDate({ year: 2024, month: 3, day: 2 })).toBe('2024-03-02');
    expect(isoDate({ year: 2024, month: 3 })).toBe('2024-03');
    expect(isoInstant(ms)).toBe('2024-03-22T23:30:00.000Z');
    expect(isoInstant(Number.NaN)).toBe('');
  });
});
