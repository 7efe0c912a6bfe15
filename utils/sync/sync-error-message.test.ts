import { expect, test } from 'vitest';
import { StorageFullError } from '@/utils/db/storage-full-error';
import { RemoteError } from './remote-store';
import { WrongPassphraseError } from './sync-crypto';
import { redact, syncErrorMessage } from './sync-error-message';

test('errors written for users are shown as they are', () => {
  expect(syncErrorMessage(new RemoteError('unauthorized', 'Wrong user name or password (401).', 401), [])).toBe(
    'Wrong user name or password (401).',
  );
  const wrong = new WrongPassphraseError();
  expect(syncErrorMessage(wrong, [])).toBe(wrong.message);
});

test('anything else gets a sentence around it', () => {
  expect(syncErrorMessage(new TypeError('x is undefined'), [])).toBe(
    'Margin could not finish syncing (x is undefined). It will try again.',
  );
  expect(syncErrorMessage(new StorageFullError(new Error('quota')), [])).toMatch(/./);
});

test('no message ever holds the password or passphrase, plain or percent-encoded', () => {
  const secrets = ['s3cret pass/word', 'passphrase!'];
  const raw = new Error('GET https://ana:s3cret%20pass%2Fword@x.org failed; key passphrase! and s3cret pass/word');
  const message = syncErrorMessage(raw, secrets);
  for (const s of [...secrets, encodeURIComponent(secrets[0]!)]) expect(message).not.toContain(s);
  expect(redact('token=abc', ['abc'])).toBe('token=•••');
});
