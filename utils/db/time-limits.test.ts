import { expect, test } from 'vitest';
import { CLOCK_SKEW_MS, MAX_TIME, latestTrustedTime, nextStamp } from './time-limits';

const NOW = Date.UTC(2026, 11, 7);

test('a write is stamped after the previous one, even when the clock stepped back', () => {
  expect(nextStamp(NOW, NOW - 5)).toBe(NOW);
  expect(nextStamp(NOW, NOW + 60_000)).toBe(NOW + 60_001);
});

test('a poisoned previous stamp does not drag the next one past what is trusted, nor past the largest time', () => {
  expect(nextStamp(NOW, MAX_TIME)).toBe(NOW + CLOCK_SKEW_MS);
  expect(nextStamp(MAX_TIME - 10, MAX_TIME)).toBe(MAX_TIME);
  expect(latestTrustedTime(MAX_TIME)).toBe(MAX_TIME);
});
