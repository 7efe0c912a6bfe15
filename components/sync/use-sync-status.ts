/**
 * The sync status, live: asked of the background once (which counts the changes
 * waiting afresh), then followed through `storage.local` as the background writes
 * it. Also the saved settings, so a view knows whether sync is set up at all.
 */
import { useEffect, useState } from 'react';
import { syncMessenger } from '@/utils/messaging/sync-protocol';
import { isSyncConfigured, type SyncSettings } from '@/utils/sync/sync-settings';
import { loadSyncSettings, watchSyncSettings } from '@/utils/sync/sync-settings-store';
import type { SyncStatus } from '@/utils/sync/sync-status';
import { loadSyncStatus, watchSyncStatus } from '@/utils/sync/sync-status-store';

export function useSyncStatus(): SyncStatus | null {
  const [status, setStatus] = useState<SyncStatus | null>(null);
  useEffect(() => {
    let live = true;
    void loadSyncStatus().then((s) => live && setStatus((had) => had ?? s));
    void syncMessenger
      .sendMessage('sync:status', undefined)
      .then((s) => live && setStatus(s))
      .catch(() => undefined);
    const stop = watchSyncStatus(setStatus);
    return () => {
      live = false;
      stop();
    };
  }, []);
  return status;
}

/** Whether sync is turned on and complete, as saved (null while loading). */
export function useSyncEnabled(): boolean | null {
  const [settings, setSettings] = useState<SyncSettings | null>(null);
  useEffect(() => {
    void loadSyncSettings().then(setSettings);
    return watchSyncSettings(setSettings);
  }, []);
  return settings === null ? null : settings.enabled && isSyncConfigured(settings);
}

/** Re-renders every half minute so "3 minutes ago" stays true. */
export function useNow(everyMs = 30_000): number {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    const id = setInterval(() => setNow(Date.now()), everyMs);
    return () => clearInterval(id);
  }, [everyMs]);
  return now;
}
