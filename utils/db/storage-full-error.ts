/**
 * A write refused because the browser will not give Margin more storage. Browsers
 * report it under several names, and Dexie wraps it (an `AbortError` whose `inner`
 * is the quota error, a `BulkError` listing it among its failures), so callers
 * would each have to dig. Repository writes turn all of these into one
 * `StorageFullError` the UI can explain; the transaction has already rolled back.
 */

// `QuotaExceededError` everywhere today; Firefox before 2020 and its disk-full case
// used the NS_ names. DOMException's legacy code 22 is QUOTA_EXCEEDED_ERR.
const QUOTA_NAMES: ReadonlySet<string> = new Set([
  'QuotaExceededError',
  'NS_ERROR_DOM_QUOTA_REACHED',
  'NS_ERROR_FILE_NO_DEVICE_SPACE',
]);
const QUOTA_CODE = 22;

/** A write failed because the browser's storage for the extension is full. Nothing was written. */
export class StorageFullError extends Error {
  override readonly name = 'StorageFullError';

  /** @param cause - the error the browser (or Dexie) reported */
  constructor(cause: unknown) {
    super(
      'Margin could not save: the browser has no more storage for it. Nothing from this change was saved. ' +
        "Free some space (delete offline copies of articles, or clear other sites' data) and try again.",
      { cause },
    );
  }
}

/**
 * Whether an error is, or wraps, a storage quota error.
 * @param error - anything thrown by IndexedDB or Dexie
 */
export function isQuotaError(error: unknown): boolean {
  return findQuotaError(error, 0);
}

function findQuotaError(error: unknown, depth: number): boolean {
  if (typeof error !== 'object' || error === null || depth > 5) return false;
  const e = error as { name?: unknown; code?: unknown; inner?: unknown; cause?: unknown; failures?: unknown };
  if (typeof e.name === 'string' && QUOTA_NAMES.has(e.name)) return true;
  if (e.code === QUOTA_CODE && e.name !== 'StorageFullError') return true;
  const nested: unknown[] = [e.inner, e.cause];
  // Dexie's BulkError and ModifyError: `failures` is an array, or positions → errors.
  if (Array.isArray(e.failures)) nested.push(...e.failures);
  else if (typeof e.failures === 'object' && e.failures !== null) nested.push(...Object.values(e.failures));
  return nested.some((n) => findQuotaError(n, depth + 1));
}

/**
 * The error a repository write should throw for `error`: a `StorageFullError` for a
 * quota error, anything else unchanged.
 */
export function asStorageError(error: unknown): unknown {
  return isQuotaError(error) ? new StorageFullError(error) : error;
}
