import { describe, expect, test } from 'vitest';
import { dayRangeBounds, startOfLocalDay } from './day-range';

describe('startOfLocalDay', () => {
  test.each([
    ['2024-05-03', 0, new Date(2024, 4, 3).getTime()],
    ['2024-05-03', 1, new Date(2024, 4, 4).getTime()],
    ['2024-12-31', 1, new Date(2025, 0, 1).getTime()],
    [' 2024-05-03 ', 0, new Date(2024, 4, 3).getTime()],
  ])('%s + %i days', (day, offset, expected) => {
    expect(startOfLocalDay(day, offset)).toBe(expected);
  });

  test.each(['', '2024-5-3', '03/05/2024', '2024-02-30', '2023-13-01', 'yesterday'])('%j is not a day', (day) => {
    expect(startOfLocalDay(day)).toBeUndefined();
  });
});

describe('dayRangeBounds', () => {
  test('includes both days whole', () => {
    expect(dayRangeBounds('2024-05-03', '2024-05-05')).toEqual({
      from: new Date(2024, 4, 3).getTime(),
      to: new Date(2024, 4, 6).getTime(),
    });
  });

  test('one side or neither', () => {
    expect(dayRangeBounds('', '2024-05-05')).toEqual({ to: new Date(2024, 4, 6).getTime() });
    expect(dayRangeBounds('2024-05-03', '')).toEqual({ from: new Date(2024, 4, 3).getTime() });
    expect(dayRangeBounds('', 'garbage')).toEqual({});
  });
});
