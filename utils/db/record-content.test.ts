import { expect, test } from 'vitest';
import { compareVersions, contentKey, differingFields, stableStringify } from './record-content';
import { importedHighlight } from '../backup/stored-records';
import { highlight } from '../../tests/support/test-records';

test('key order inside selectors does not make two copies different', () => {
  const a = importedHighlight(highlight(1, 1));
  const b = {
    ...a,
    selectors: a.selectors.map((s) => Object.fromEntries(Object.entries(s).reverse())) as typeof a.selectors,
  };
  expect(JSON.stringify(a.selectors)).not.toBe(JSON.stringify(b.selectors));
  expect(contentKey('highlights', a)).toBe(contentKey('highlights', b));
  expect(stableStringify({ b: 1, a: [{ d: undefined, c: 2 }] })).toBe('{"a":[{"c":2}],"b":1}');
});

test('stamps and search words are not content; deletion is', () => {
  const a = importedHighlight(highlight(1, 1));
  expect(contentKey('highlights', { ...a, updatedAt: 99, deviceId: 'other' })).toBe(contentKey('highlights', a));
  expect(differingFields('highlights', a, { ...a, deletedAt: 5, note: 'x' })).toEqual(['deletedAt', 'note']);
});

test('the later write wins; a tie goes to the greater device id, then the greater content, in either order', () => {
  const a = importedHighlight(highlight(1, 1, { updatedAt: 10, deviceId: 'a', note: 'z' }));
  const b = importedHighlight(highlight(1, 1, { updatedAt: 10, deviceId: 'b', note: 'a' }));
  const later = { ...a, updatedAt: 11 };
  expect(compareVersions('highlights', later, b)).toBeGreaterThan(0);
  expect(Math.sign(compareVersions('highlights', a, b))).toBe(-Math.sign(compareVersions('highlights', b, a)));
  expect(compareVersions('highlights', b, a)).toBeGreaterThan(0);
  const { deviceId: _d, ...noDevice } = a;
  expect(compareVersions('highlights', a, noDevice)).toBeGreaterThan(0);
  const c = { ...a, note: 'y' };
  expect(compareVersions('highlights', a, c)).toBeGreaterThan(0);
  expect(compareVersions('highlights', c, a)).toBeLessThan(0);
  expect(compareVersions('highlights', a, { ...a })).toBe(0);
});
