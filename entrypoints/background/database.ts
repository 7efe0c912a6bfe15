/**
 * The background's one open database. Also asks the browser to keep Margin's
 * storage under pressure (`persist()`), so highlights are not evicted with the
 * cache, and gives this browser a stable device id for merging records (#5).
 */
import { createMarginDb, type MarginDb } from '@/utils/db';
import { storage } from 'wxt/utils/storage';

const deviceIdItem = storage.defineItem<string | null>('local:deviceId', { fallback: null });

let opened: Promise<MarginDb> | null = null;

export function database(): Promise<MarginDb> {
  opened ??= (async () => {
    let deviceId = await deviceIdItem.getValue();
    if (!deviceId) {
      deviceId = crypto.randomUUID();
      await deviceIdItem.setValue(deviceId);
    }
    // Not granted everywhere (Chromium grants it to installed extensions; Firefox may ask): best effort.
    await navigator.storage?.persist?.().catch(() => false);
    return createMarginDb(undefined, { deviceId });
  })();
  return opened;
}
