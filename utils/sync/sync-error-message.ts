/**
 * The words a failed sync shows. The engine's own errors are already written for a
 * user; anything else (a database failure, a bug) gets a short generic line, since
 * its raw text means nothing to them. Every message is scrubbed of the password and
 * passphrase before it is shown or stored, whatever produced it.
 */
import { StorageFullError } from '@/utils/db/storage-full-error';
import { RemoteError } from './remote-store';
import { SyncCryptoError } from './sync-crypto';
import { SyncFileError } from './sync-files';

export function syncErrorMessage(error: unknown, secrets: readonly string[]): string {
  let message: string;
  if (
    error instanceof RemoteError ||
    error instanceof SyncCryptoError ||
    error instanceof SyncFileError ||
    error instanceof StorageFullError
  ) {
    message = error.message;
  } else {
    const detail = error instanceof Error ? error.message : String(error);
    message = `Margin could not finish syncing (${detail || 'unknown error'}). It will try again.`;
  }
  return redact(message, secrets);
}

/** Replaces every occurrence of each secret, longest first (one may contain another). */
export function redact(text: string, secrets: readonly string[]): string {
  let out = text;
  for (const secret of [...secrets].filter(Boolean).sort((a, b) => b.length - a.length)) {
    out = out.split(secret).join('•••');
    // An address or header may carry it percent-encoded.
    const encoded = encodeURIComponent(secret);
    if (encoded !== secret) out = out.split(encoded).join('•••');
  }
  return out;
}
