/**
 * The sync status in `browser.storage.local` (`syncStatus`): the background writes
 * it at every step of a sync, the popup and options page watch it.
 */
import { storage } from 'wxt/utils/storage';
import { INITIAL_SYNC_STATUS, normalizeSyncStatus, type SyncStatus } from './sync-status';

const syncStatusItem = storage.defineItem<SyncStatus>('local:syncStatus', { fallback: { ...INITIAL_SYNC_STATUS } });

export async function loadSyncStatus(): Promise<SyncStatus> {
  return normalizeSyncStatus(await syncStatusItem.getValue());
}

export async function saveSyncStatus(status: SyncStatus): Promise<void> {
  await syncStatusItem.setValue(status);
}

/** @return a function that stops watching */
export function watchSyncStatus(onChange: (status: SyncStatus) => void): () => void {
  return syncStatusItem.watch((value) => onChange(normalizeSyncStatus(value)));
}
