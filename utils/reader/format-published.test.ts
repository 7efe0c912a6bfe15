import { expect, test } from 'vitest';
import { formatPublished } from './format-published';

test('a date-only value keeps its calendar day in every time zone', () => {
  expect(formatPublished('2024-03-21', 'en-US')).toBe('March 21, 2024');
});

test('a full timestamp is formatted', () => {
  expect(formatPublished('2024-03-21T12:00:00Z', 'en-GB')).toBe('21 March 2024');
});

test('missing or garbage dates give null, not "Invalid Date"', () => {
  expect(formatPublished(null)).toBeNull();
  expect(formatPublished('last Tuesday')).toBeNull();
});

test('a bad locale tag from the page falls back to English', () => {
  expect(formatPublished('2024-03-21', 'not a locale!!')).toBe('March 21, 2024');
});
