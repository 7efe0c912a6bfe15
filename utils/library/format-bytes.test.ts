import { expect, test } from 'vitest';
import { formatBytes, formatShare } from './format-bytes';

test.each([
  [0, '0 B'],
  [950, '950 B'],
  [1000, '1 kB'],
  [1234, '1.2 kB'],
  [34_000_000, '34 MB'],
  [999_600, '1 MB'],
  [120e9, '120 GB'],
  [2.5e15, '2500 TB'],
])('formatBytes(%d) is %s', (bytes, text) => {
  expect(formatBytes(bytes)).toBe(text);
});

test('formatBytes refuses nonsense', () => {
  expect(formatBytes(-1)).toBe('');
  expect(formatBytes(Number.NaN)).toBe('');
});

test.each([
  [0, 100, '0%'],
  [1, 1e6, '< 0.01%'],
  [5, 100, '5%'],
  [1.25, 100, '1.25%'],
  [50, 100, '50%'],
  [1, 0, null],
])('formatShare(%d, %d) is %s', (usage, quota, text) => {
  expect(formatShare(usage, quota)).toBe(text);
});
