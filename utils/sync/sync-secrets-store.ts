/**
 * The sync password and encryption passphrase, in a small IndexedDB database of
 * their own (`margin-secrets`, one row), apart from the settings in `storage.local`.
 *
 * Why IndexedDB:
 * - Not `storage.local` (nor `storage.sync`): content scripts can read both, so the
 *   script Margin runs in every page would hold the password one flaw away from the
 *   page; and `storage.onChanged` delivers every new value to every tab's content
 *   script.
 * - Not `storage.session` with trusted-contexts access: it is kept in memory only, so
 *   the password would be lost at every browser restart and sync would stop until the
 *   user typed it again.
 * - IndexedDB belongs to the extension's origin: the background and extension pages
 *   open it; a content script runs in the page's origin and cannot.
 *
 * A database of its own rather than a table in `margin`: backups, exports and sync
 * read `margin`, so none of them can ever pick the secrets up.
 */
import Dexie, { type EntityTable } from 'dexie';
import type { SyncSecrets } from './sync-settings';

/** The database's name in the extension's origin. */
export const SYNC_SECRETS_DB_NAME = 'margin-secrets';

interface SecretsRow extends SyncSecrets {
  /** One row: the sync account's secrets. */
  id: 'sync';
}

type SecretsDb = Dexie & { secrets: EntityTable<SecretsRow, 'id'> };

let opened: SecretsDb | undefined;

/** Opened on first use (nothing at import time); the global IndexedDB is read then, so tests can install a fake one first. */
function secretsDb(): SecretsDb {
  if (!opened) {
    const db = new Dexie(SYNC_SECRETS_DB_NAME, {
      indexedDB: globalThis.indexedDB,
      IDBKeyRange: globalThis.IDBKeyRange,
    }) as SecretsDb;
    db.version(1).stores({ secrets: 'id' });
    opened = db;
  }
  return opened;
}

/**
 * The stored secrets.
 * @return null if none were ever saved
 */
export async function loadSyncSecrets(): Promise<SyncSecrets | null> {
  const row = await secretsDb().secrets.get('sync');
  return row ? { password: row.password, passphrase: row.passphrase } : null;
}

/** Replaces the stored secrets; rejects (and keeps the old ones) if IndexedDB refuses the write. */
export async function saveSyncSecrets(secrets: SyncSecrets): Promise<void> {
  await secretsDb().secrets.put({ id: 'sync', password: secrets.password, passphrase: secrets.passphrase });
}

/**
 * Keeps an older install's secrets only when none are stored yet, in one transaction. A
 * stored row is always newer than a copy left in `storage.local` (it is written only by a
 * save or by this), so a slow migration in one context can never bring back an old
 * password over one the user has just saved in another.
 * @return whether they were stored
 */
export async function adoptLegacySyncSecrets(secrets: SyncSecrets): Promise<boolean> {
  const db = secretsDb();
  return db.transaction('rw', db.secrets, async () => {
    if (await db.secrets.get('sync')) return false;
    await db.secrets.add({ id: 'sync', password: secrets.password, passphrase: secrets.passphrase });
    return true;
  });
}

/** Forgets the stored secrets. */
export async function clearSyncSecrets(): Promise<void> {
  await secretsDb().secrets.clear();
}
