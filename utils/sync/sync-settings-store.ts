/**
 * The sync settings in `browser.storage.local`: written by the options page, read
 * by the background. Only `storage.local`, which stays on this machine: the
 * password and passphrase must never reach `storage.sync` or a backup.
 */
import { storage } from 'wxt/utils/storage';
import { normalizedSetting } from '@/utils/settings-store/normalized-setting';
import { DEFAULT_SYNC_SETTINGS, normalizeSyncSettings } from './sync-settings';

export const SYNC_SETTINGS_KEY = 'syncSettings';

const syncSettings = normalizedSetting(SYNC_SETTINGS_KEY, DEFAULT_SYNC_SETTINGS, normalizeSyncSettings);

/** The folder the database's sync state belongs to (`syncTargetOf`). */
const syncTargetItem = storage.defineItem<string | null>('local:syncTarget', { fallback: null });

export const loadSyncSettings = syncSettings.load;
export const saveSyncSettings = syncSettings.save;
export const watchSyncSettings = syncSettings.watch;

export const loadSyncTarget = () => syncTargetItem.getValue();
export const saveSyncTarget = (target: string) => syncTargetItem.setValue(target);
