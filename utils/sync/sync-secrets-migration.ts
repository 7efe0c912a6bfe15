/**
 * Upgrade: versions before the secrets store kept the sync password and passphrase
 * inside `storage.local:syncSettings`. This moves them to `sync-secrets-store.ts` and
 * deletes the old copies. Idempotent and safe from any context that can open the
 * extension's IndexedDB: the background runs it at start, and every settings read
 * runs it too, so an options page opened first also finds its settings whole.
 */
import { storage } from 'wxt/utils/storage';
import { adoptLegacySyncSecrets } from './sync-secrets-store';
import type { SyncSecrets } from './sync-settings';

/** Where the settings without their secrets live (and where old versions kept the secrets too). */
export const SYNC_SETTINGS_STORAGE_KEY = 'local:syncSettings';

const SECRET_FIELDS = ['password', 'passphrase'] as const;

/**
 * The secrets an old version left in the stored settings.
 * @param stored - the raw value of `storage.local:syncSettings`
 * @return null if it holds no secret field (nothing to move)
 */
export function legacySecretsOf(stored: unknown): SyncSecrets | null {
  if (!stored || typeof stored !== 'object') return null;
  const s = stored as Record<string, unknown>;
  if (!SECRET_FIELDS.some((field) => field in s)) return null;
  const str = (v: unknown) => (typeof v === 'string' ? v : '');
  return { password: str(s.password), passphrase: str(s.passphrase) };
}

/**
 * Moves secrets found in `storage.local` to IndexedDB, then deletes them from
 * `storage.local`. IndexedDB is written first: if that fails this rejects and the old
 * copy stays where it was, so nothing is lost (the next run tries again).
 * @return whether anything was found in `storage.local`
 */
export async function moveSyncSecretsToIndexedDb(): Promise<boolean> {
  const legacy = legacySecretsOf(await storage.getItem(SYNC_SETTINGS_STORAGE_KEY));
  if (!legacy) return false;
  // Settings saved before sync was set up hold empty fields: nothing to keep, and
  // writing them would blank secrets another context already moved.
  // Added only when none are stored: a save in another context meanwhile is newer.
  if (legacy.password || legacy.passphrase) await adoptLegacySyncSecrets(legacy);
  // Read again: only the secret fields go, whatever was saved meanwhile stays.
  const current = await storage.getItem<Record<string, unknown>>(SYNC_SETTINGS_STORAGE_KEY);
  if (current && typeof current === 'object') {
    const rest = Object.fromEntries(
      Object.entries(current).filter(([key]) => !(SECRET_FIELDS as readonly string[]).includes(key)),
    );
    await storage.setItem(SYNC_SETTINGS_STORAGE_KEY, rest);
  }
  return true;
}
