import 'fake-indexeddb/auto';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { afterEach, beforeEach, expect, test, vi } from 'vitest';
import { moveSyncSecretsToIndexedDb } from './sync-secrets-migration';
import { clearSyncSecrets, loadSyncSecrets, saveSyncSecrets } from './sync-secrets-store';
import { DEFAULT_SYNC_SETTINGS, type SyncSettings } from './sync-settings';
import { loadSyncSettings } from './sync-settings-store';

const PASSWORD = 'app-token-Lk28';
const PASSPHRASE = 'correct horse battery staple';

/** What versions before the secrets store wrote: everything in one `storage.local` item. */
const OLD_SETTINGS: SyncSettings = {
  ...DEFAULT_SYNC_SETTINGS,
  enabled: true,
  url: 'https://cloud.example.org/remote.php/dav/files/ana/',
  username: 'ana',
  password: PASSWORD,
  passphrase: PASSPHRASE,
  folder: 'Apps/Margin',
  intervalMinutes: 30,
};

const storageLocalText = async () => JSON.stringify(await fakeBrowser.storage.local.get(null));

beforeEach(async () => {
  fakeBrowser.reset();
  await clearSyncSecrets();
  await fakeBrowser.storage.local.set({ syncSettings: OLD_SETTINGS, readerSettings: { theme: 'dark' } });
});

afterEach(() => {
  vi.restoreAllMocks();
});

test('an upgrade moves the password and passphrase to IndexedDB and deletes them from storage.local', async () => {
  expect(await moveSyncSecretsToIndexedDb()).toBe(true);

  expect(await loadSyncSecrets()).toEqual({ password: PASSWORD, passphrase: PASSPHRASE });
  const local = await storageLocalText();
  expect(local).not.toContain(PASSWORD);
  expect(local).not.toContain(PASSPHRASE);
  const { syncSettings } = await fakeBrowser.storage.local.get('syncSettings');
  expect(syncSettings).not.toHaveProperty('password');
  expect(syncSettings).not.toHaveProperty('passphrase');
  expect(await fakeBrowser.storage.local.get('readerSettings')).toEqual({ readerSettings: { theme: 'dark' } });
  expect(await loadSyncSettings()).toEqual(OLD_SETTINGS);
});

test('running it again changes nothing', async () => {
  await moveSyncSecretsToIndexedDb();
  const after = await storageLocalText();
  expect(await moveSyncSecretsToIndexedDb()).toBe(false);
  expect(await storageLocalText()).toBe(after);
  expect(await loadSyncSecrets()).toEqual({ password: PASSWORD, passphrase: PASSPHRASE });
  expect(await loadSyncSettings()).toEqual(OLD_SETTINGS);
});

test('an options page opened before the background finds its settings whole, and moves them', async () => {
  expect(await loadSyncSettings()).toEqual(OLD_SETTINGS);
  expect(await storageLocalText()).not.toContain(PASSWORD);
  expect(await loadSyncSecrets()).toEqual({ password: PASSWORD, passphrase: PASSPHRASE });
});

test('when IndexedDB refuses the write, the old copy stays and sync still has its password', async () => {
  const full = () => {
    throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
  };
  const put = vi.spyOn(IDBObjectStore.prototype, 'put').mockImplementation(full);
  const add = vi.spyOn(IDBObjectStore.prototype, 'add').mockImplementation(full);
  await expect(moveSyncSecretsToIndexedDb()).rejects.toThrow();
  expect(await storageLocalText()).toContain(PASSWORD);
  expect(await loadSyncSecrets()).toBeNull();
  vi.spyOn(console, 'warn').mockImplementation(() => undefined);
  expect(await loadSyncSettings()).toEqual(OLD_SETTINGS);

  put.mockRestore();
  add.mockRestore();
  expect(await moveSyncSecretsToIndexedDb()).toBe(true);
  expect(await storageLocalText()).not.toContain(PASSWORD);
  expect(await loadSyncSettings()).toEqual(OLD_SETTINGS);
});

test('settings saved before sync was set up lose their empty fields and blank nothing', async () => {
  await fakeBrowser.storage.local.set({ syncSettings: { ...DEFAULT_SYNC_SETTINGS } });
  expect(await moveSyncSecretsToIndexedDb()).toBe(true);
  expect(await loadSyncSecrets()).toBeNull();
  const { syncSettings } = await fakeBrowser.storage.local.get('syncSettings');
  expect(syncSettings).not.toHaveProperty('password');
  expect(await loadSyncSettings()).toEqual(DEFAULT_SYNC_SETTINGS);
});

test('a browser that never set sync up has nothing to move', async () => {
  fakeBrowser.reset();
  expect(await moveSyncSecretsToIndexedDb()).toBe(false);
  expect(await fakeBrowser.storage.local.get(null)).toEqual({});
  expect(await loadSyncSettings()).toEqual(DEFAULT_SYNC_SETTINGS);
});

test('a migration that read the old copy before the user saved a new password never brings the old one back', async () => {
  // Another context (the options page) saved a new password after this one read storage.local…
  await saveSyncSecrets({ password: 'new-password-P2', passphrase: PASSPHRASE });
  // …and this context's move, holding the old copy, writes now.
  await moveSyncSecretsToIndexedDb();
  expect(await loadSyncSecrets()).toEqual({ password: 'new-password-P2', passphrase: PASSPHRASE });
  expect(await storageLocalText()).not.toContain(PASSWORD);
});
