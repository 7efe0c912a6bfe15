/**
 * Keeps the mirrored settings (`settings-mirror.ts`) the same in `storage.local` and
 * `storage.sync`: settled once at start, then on every change of either. Each write
 * is compared first, so the change event a write causes finds both sides equal and
 * stops there: no loop. Runs in the background, which lives as long as the browser.
 */
import { browser } from 'wxt/browser';
import { MIRROR_BASE_KEY, MIRRORED_SETTINGS, reconcileSetting } from './settings-mirror';

type Storage = typeof browser.storage;

/**
 * @return a function that stops mirroring; a no-op where the browser has no `storage.sync`
 */
export function startSettingsMirror(storage: Storage = browser.storage): { ready: Promise<void>; stop(): void } {
  const sync = storage.sync;
  if (!sync) return { ready: Promise.resolve(), stop() {} };
  const keys = Object.keys(MIRRORED_SETTINGS);

  // One settle at a time: two change events must not both read before either writes.
  let queue: Promise<void> = Promise.resolve();
  const settle = (which: string[]) => {
    queue = queue
      .then(() => settleKeys(storage, which))
      .catch(() => {
        // storage.sync refuses writes over its quota or rate: the next change tries again.
      });
    return queue;
  };

  const onChanged = (changes: Record<string, unknown>, area: string) => {
    if (area !== 'local' && area !== 'sync') return;
    const touched = keys.filter((k) => k in changes);
    if (touched.length) void settle(touched);
  };
  storage.onChanged.addListener(onChanged);
  return { ready: settle(keys), stop: () => storage.onChanged.removeListener(onChanged) };
}

async function settleKeys(storage: Storage, keys: string[]): Promise<void> {
  const [local, remote] = await Promise.all([storage.local.get([...keys, MIRROR_BASE_KEY]), storage.sync.get(keys)]);
  const bases = { ...((local[MIRROR_BASE_KEY] as Record<string, string> | undefined) ?? {}) };
  const toLocal: Record<string, unknown> = {};
  const toSync: Record<string, unknown> = {};
  let basesChanged = false;
  for (const key of keys) {
    const d = reconcileSetting(key, local[key], remote[key], bases[key]);
    if (d.toLocal !== undefined) toLocal[key] = d.toLocal;
    if (d.toSync !== undefined) toSync[key] = d.toSync;
    if (d.base !== undefined && d.base !== bases[key]) {
      bases[key] = d.base;
      basesChanged = true;
    }
  }
  if (Object.keys(toSync).length) await storage.sync.set(toSync);
  if (basesChanged) toLocal[MIRROR_BASE_KEY] = bases;
  if (Object.keys(toLocal).length) await storage.local.set(toLocal);
}
