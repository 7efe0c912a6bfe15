import { expect, test } from 'vitest';
import { progressLabel, progressPercent, readingSummary, readingTimeLabel } from './reading-labels';

test.each([
  [0, 0],
  [null, 0],
  [0.001, 1],
  [0.345, 35],
  [0.996, 99],
  [1, 100],
])('progress %s shows %d%%', (progress, percent) => {
  expect(progressPercent(progress)).toBe(percent);
});

test('labels leave out what is not known', () => {
  expect(readingTimeLabel(null)).toBe('');
  expect(readingTimeLabel(7)).toBe('7 min read');
  expect(progressLabel(0)).toBe('');
  expect(readingSummary({ readingMinutes: 7, progress: 0.5 })).toBe('7 min read · 50% read');
  expect(readingSummary({ readingMinutes: null, progress: 0.5 })).toBe('50% read');
  expect(readingSummary({ readingMinutes: null, progress: 0 })).toBe('');
});
