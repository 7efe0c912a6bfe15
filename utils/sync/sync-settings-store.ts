/**
 * The sync settings in `browser.storage.local`: written by the options page, read
 * by the background. Only `storage.local`, which stays on this machine: the
 * password and passphrase must never reach `storage.sync` or a backup.
 */
import { storage } from 'wxt/utils/storage';
import { DEFAULT_SYNC_SETTINGS, normalizeSyncSettings, type SyncSettings } from './sync-settings';

export const SYNC_SETTINGS_KEY = 'syncSettings';

const syncSettingsItem = storage.defineItem<SyncSettings>(`local:${SYNC_SETTINGS_KEY}`, {
  fallback: { ...DEFAULT_SYNC_SETTINGS },
});

/** The folder the database's sync state belongs to (`syncTargetOf`). */
const syncTargetItem = storage.defineItem<string | null>('local:syncTarget', { fallback: null });

export async function loadSyncSettings(): Promise<SyncSettings> {
  return normalizeSyncSettings(await syncSettingsItem.getValue());
}

export async function saveSyncSettings(settings: SyncSettings): Promise<SyncSettings> {
  const valid = normalizeSyncSettings(settings);
  await syncSettingsItem.setValue(valid);
  return valid;
}

/** @return a function that stops watching */
export function watchSyncSettings(onChange: (settings: SyncSettings) => void): () => void {
  return syncSettingsItem.watch((value) => onChange(normalizeSyncSettings(value)));
}

export const loadSyncTarget = () => syncTargetItem.getValue();
export const saveSyncTarget = (target: string) => syncTargetItem.setValue(target);
