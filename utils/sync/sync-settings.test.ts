import 'fake-indexeddb/auto';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { beforeEach, describe, expect, test, vi } from 'vitest';
import {
  checkSyncSettings,
  DEFAULT_SYNC_SETTINGS,
  hostPermissionFor,
  isSyncConfigured,
  normalizeSyncSettings,
  plainHttpWarning,
  secretsOf,
  syncTargetOf,
  webDavConfigOf,
  type SyncSettings,
} from './sync-settings';
import { clearSyncSecrets } from './sync-secrets-store';
import { loadSyncSettings, saveSyncSettings, watchSyncSettings } from './sync-settings-store';

const ready = {
  ...DEFAULT_SYNC_SETTINGS,
  enabled: true,
  url: 'https://cloud.example.org/remote.php/dav/files/ana/',
  username: 'ana',
  password: 'app-token-123',
};

describe('normalizeSyncSettings', () => {
  test('anything stored becomes valid settings, with the folder defaulting to Margin', () => {
    expect(normalizeSyncSettings(null)).toEqual(DEFAULT_SYNC_SETTINGS);
    expect(normalizeSyncSettings({ folder: '  ', intervalMinutes: 0, enabled: 'yes' })).toMatchObject({
      folder: 'Margin',
      intervalMinutes: 1,
      enabled: false,
    });
    expect(normalizeSyncSettings({ folder: '/Apps/ Margin /', intervalMinutes: 1e9 })).toMatchObject({
      folder: 'Apps/Margin',
      intervalMinutes: 1440,
    });
    expect(normalizeSyncSettings({ url: ' https://x.org/dav ' }).url).toBe('https://x.org/dav');
  });
});

describe('checkSyncSettings', () => {
  test('complete settings have no problem', () => {
    expect(checkSyncSettings(ready)).toEqual({});
    expect(isSyncConfigured(ready)).toBe(true);
    expect(isSyncConfigured(DEFAULT_SYNC_SETTINGS)).toBe(false);
  });

  test('each missing or wrong field says what to do', () => {
    expect(checkSyncSettings(DEFAULT_SYNC_SETTINGS)).toEqual({
      url: expect.stringMatching(/address/),
      username: expect.any(String),
      password: expect.any(String),
    });
    expect(checkSyncSettings({ ...ready, url: 'cloud.example.org' }).url).toMatch(/https:\/\//);
    expect(checkSyncSettings({ ...ready, url: 'ftp://cloud.example.org' }).url).toMatch(/https:\/\//);
    expect(checkSyncSettings({ ...ready, url: 'https://ana:pw@cloud.example.org/' }).url).toMatch(/out of the address/);
    expect(checkSyncSettings({ ...ready, folder: 'a/../b' }).folder).toBeDefined();
  });
});

test('a plain http:// server is warned about, except on this same machine', () => {
  for (const url of [
    'http://cloud.example.org/dav/',
    'http://192.168.1.20:8080/remote.php/dav/',
    'HTTP://nas.local/',
  ]) {
    expect(plainHttpWarning(url), url).toMatch(/^This address is plain http:\/\/: your password/);
  }
  for (const url of [
    'https://cloud.example.org/dav/',
    'http://127.0.0.1:8080/',
    'http://localhost/dav/',
    'http://[::1]:9000/',
    'http://127.4.5.6/',
    'not a url',
    '',
  ]) {
    expect(plainHttpWarning(url), url).toBeNull();
  }
});

test('the host permission covers every port of the server’s host', () => {
  expect(hostPermissionFor('https://cloud.example.org:8443/dav/')).toBe('https://cloud.example.org/*');
  expect(hostPermissionFor('http://127.0.0.1:41234/')).toBe('http://127.0.0.1/*');
  expect(hostPermissionFor('not a url')).toBeNull();
});

test('the WebDAV config carries the account and folder', () => {
  expect(webDavConfigOf(ready)).toEqual({
    url: ready.url,
    username: 'ana',
    password: 'app-token-123',
    folder: 'Margin',
  });
});

test('the sync target changes with server, account or folder, not with the password or interval', () => {
  const t = syncTargetOf(ready);
  expect(syncTargetOf({ ...ready, password: 'other', intervalMinutes: 60, passphrase: 'p' })).toBe(t);
  expect(syncTargetOf({ ...ready, url: ready.url.replace(/\/$/, '') })).toBe(t);
  expect(syncTargetOf({ ...ready, folder: 'Other' })).not.toBe(t);
  expect(syncTargetOf({ ...ready, username: 'bob' })).not.toBe(t);
  expect(syncTargetOf({ ...ready, url: 'https://other.example.org/dav/' })).not.toBe(t);
});

test('secrets are the password and passphrase', () => {
  expect(secretsOf({ ...ready, passphrase: 'long passphrase' })).toEqual(['app-token-123', 'long passphrase']);
});

describe('sync-settings-store', () => {
  beforeEach(async () => {
    fakeBrowser.reset();
    await clearSyncSecrets();
  });

  test('settings are kept on this machine, never in storage.sync', async () => {
    await saveSyncSettings(ready);
    expect(await loadSyncSettings()).toEqual(ready);
    const { password: _p, passphrase: _s, ...rest } = ready;
    expect(await fakeBrowser.storage.local.get('syncSettings')).toEqual({ syncSettings: rest });
    expect(await fakeBrowser.storage.sync.get(null)).toEqual({});
  });

  test('the password and passphrase are nowhere content scripts can read', async () => {
    const secrets = { password: 'app-token-Qv93', passphrase: 'correct horse battery staple' };
    await saveSyncSettings({ ...ready, ...secrets });
    const readable = JSON.stringify([
      await fakeBrowser.storage.local.get(null),
      await fakeBrowser.storage.sync.get(null),
    ]);
    expect(readable).toContain('cloud.example.org');
    expect(readable).not.toContain(secrets.password);
    expect(readable).not.toContain(secrets.passphrase);
    expect(await loadSyncSettings()).toEqual({ ...ready, ...secrets });
  });

  test('a new password replaces the old one', async () => {
    await saveSyncSettings(ready);
    await saveSyncSettings({ ...ready, password: 'second-token' });
    expect((await loadSyncSettings()).password).toBe('second-token');
    expect(JSON.stringify(await fakeBrowser.storage.local.get(null))).not.toContain('second-token');
  });

  test('a watcher in another context is handed the whole settings, secrets joined', async () => {
    const seen: SyncSettings[] = [];
    const stop = watchSyncSettings((s) => seen.push(s));
    await saveSyncSettings(ready);
    await vi.waitFor(() => expect(seen.at(-1)).toEqual(ready));
    stop();
  });
});
