import Dexie from 'dexie';
import { expect, test } from 'vitest';
import { asStorageError, isQuotaError, StorageFullError } from './storage-full-error';

const quota = () => new DOMException('The quota has been exceeded.', 'QuotaExceededError');

// How browsers and Dexie hand a full disk to our code.
test.each<[string, unknown, boolean]>([
  ['DOMException from IndexedDB', quota(), true],
  ["Dexie's own QuotaExceededError", new Dexie.QuotaExceededError('Quota exceeded', quota()), true],
  ['transaction AbortError wrapping it', new Dexie.AbortError('Transaction aborted', quota()), true],
  ['bulk write with one failure among many', new Dexie.BulkError('1 of 3 failed', { 2: quota() }), true],
  ['old Firefox name', Object.assign(new Error('quota'), { name: 'NS_ERROR_DOM_QUOTA_REACHED' }), true],
  ['legacy code 22 only', { name: 'Error', code: 22 }, true],
  ['a constraint error', new Dexie.ConstraintError('Key already exists'), false],
  ['an abort for another reason', new Dexie.AbortError('Transaction aborted', new Error('disk on fire')), false],
  ['a string', 'QuotaExceededError', false],
  ['nothing', undefined, false],
])('%s → quota error: %s', (_what, error, expected) => {
  expect(isQuotaError(error)).toBe(expected);
});

test('a quota error becomes one typed error that keeps the original', () => {
  const original = new Dexie.AbortError('Transaction aborted', quota());
  const mapped = asStorageError(original);
  expect(mapped).toBeInstanceOf(StorageFullError);
  expect((mapped as StorageFullError).name).toBe('StorageFullError');
  expect((mapped as StorageFullError).cause).toBe(original);
  const other = new Error('disk on fire');
  expect(asStorageError(other)).toBe(other);
});
