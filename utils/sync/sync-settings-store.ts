/**
 * The sync settings: written by the options page, read by the background and the
 * extension pages. Stored in two places (see `sync-secrets-store.ts` for why):
 * - the password and passphrase in the extension's IndexedDB, out of reach of
 *   content scripts;
 * - the rest (server, user, folder, interval, on/off) in `browser.storage.local`, so
 *   every context can watch it change. Never `storage.sync` nor a backup.
 * Callers see one `SyncSettings` object, the secrets joined in.
 */
import { storage } from 'wxt/utils/storage';
import { loadSyncSecrets, saveSyncSecrets } from './sync-secrets-store';
import { legacySecretsOf, moveSyncSecretsToIndexedDb, SYNC_SETTINGS_STORAGE_KEY } from './sync-secrets-migration';
import { normalizeSyncSettings, splitSyncSecrets, type SyncSecrets, type SyncSettings } from './sync-settings';

/** The folder the database's sync state belongs to (`syncTargetOf`). */
const syncTargetItem = storage.defineItem<string | null>('local:syncTarget', { fallback: null });

/**
 * The saved settings, secrets included (repaired if storage holds something invalid).
 * Moves secrets an older version left in `storage.local` first; if that cannot be
 * done, they are read from there as before.
 */
export async function loadSyncSettings(): Promise<SyncSettings> {
  await moveSyncSecretsToIndexedDb().catch((error: unknown) =>
    console.warn('Margin: sync credentials not moved yet', error),
  );
  const stored = await storage.getItem<Record<string, unknown>>(SYNC_SETTINGS_STORAGE_KEY);
  const secrets: SyncSecrets | null = legacySecretsOf(stored) ?? (await loadSyncSecrets().catch(secretsUnreadable));
  return normalizeSyncSettings({ ...(stored && typeof stored === 'object' ? stored : {}), ...secrets });
}

function secretsUnreadable(error: unknown): null {
  console.warn('Margin: sync credentials could not be read', error);
  return null;
}

/**
 * Saves the settings: the secrets to IndexedDB first (if that fails this rejects and
 * nothing changed), then the rest to `storage.local`, which tells every watcher.
 * @return what was saved, normalized
 */
export async function saveSyncSettings(value: SyncSettings): Promise<SyncSettings> {
  const valid = normalizeSyncSettings(value);
  const { secrets, rest } = splitSyncSecrets(valid);
  await saveSyncSecrets(secrets);
  await storage.setItem(SYNC_SETTINGS_STORAGE_KEY, rest);
  return valid;
}

/**
 * Calls `onChange` with the whole settings when the stored ones change in any context.
 * A change of the password or passphrase alone need not be announced (browsers do
 * not always report a write of an unchanged value): nothing watching needs it, each
 * sync reads the settings afresh.
 * @return a function that stops watching
 */
export function watchSyncSettings(onChange: (value: SyncSettings) => void): () => void {
  let latest = 0;
  return storage.watch(SYNC_SETTINGS_STORAGE_KEY, () => {
    const call = ++latest;
    // Two quick changes: only the newer read is delivered, whichever resolves first.
    void loadSyncSettings().then((settings) => call === latest && onChange(settings));
  });
}

export const loadSyncTarget = () => syncTargetItem.getValue();
export const saveSyncTarget = (target: string) => syncTargetItem.setValue(target);
