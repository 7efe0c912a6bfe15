/**
 * Sync credentials out of reach of content scripts, in the real browsers with the
 * built extension: settings an older version left in `storage.local` (password and
 * passphrase inside) are moved to the extension's IndexedDB (`margin-secrets`) and the
 * old copies deleted, the options page still shows them, and a password typed and
 * saved there never reaches `storage.local` or `storage.sync` (both readable by
 * content scripts). Chromium with the Chrome build, Firefox ESR with the Firefox build.
 */
import { describe, expect, test } from 'vitest';
import { CHROMIUM_PATH } from '../../scripts/lib/chromium';
import { FIREFOX_PATH } from '../../scripts/lib/firefox';
import { browserSkipReason } from './support';
import { launchChromiumSync, launchFirefoxSync, probe, textOf, type Dom, type SyncBrowser } from './sync-driver';

const PASSWORD = 'old-app-token-Wq71';
const PASSPHRASE = 'correct horse battery staple';
const NEW_PASSWORD = 'new-app-token-Hz05';

/** What versions before the secrets store wrote (sync off, so Save starts no sync). */
const OLD_SETTINGS = {
  enabled: false,
  url: 'http://127.0.0.1:9/dav/',
  username: 'ana',
  password: PASSWORD,
  folder: 'Margin',
  passphrase: PASSPHRASE,
  intervalMinutes: 15,
};

const field = (name: string) => `[data-sync-field="${name}"]`;

// Run in the options page (an extension page): `browser` in Firefox, `chrome` (with promises, MV3) in Chromium.
type StorageArea = {
  get(keys: null): Promise<Record<string, unknown>>;
  set(items: Record<string, unknown>): Promise<void>;
};
type Storage = { local: StorageArea; sync: StorageArea };

/** `storage.local` and `storage.sync` as text: what a content script could read. */
const storageText = (options: Dom) =>
  options.evaluate(async () => {
    const g = globalThis as unknown as { browser?: { storage: Storage }; chrome: { storage: Storage } };
    const storage = (g.browser ?? g.chrome).storage;
    return JSON.stringify([await storage.local.get(null), await storage.sync.get(null)]);
  }, null);

/** The row in the extension's `margin-secrets` database, read with plain IndexedDB. */
const secretsInIndexedDb = (options: Dom) =>
  options.evaluate(
    () =>
      new Promise<unknown>((resolve, reject) => {
        const open = indexedDB.open('margin-secrets');
        open.onerror = () => reject(open.error);
        open.onsuccess = () => {
          const db = open.result;
          if (!db.objectStoreNames.contains('secrets')) return resolve(null);
          const get = db.transaction('secrets').objectStore('secrets').get('sync');
          get.onsuccess = () => {
            db.close();
            resolve(get.result ?? null);
          };
          get.onerror = () => reject(get.error);
        };
      }),
    null,
  );

async function upgradeAndSave(b: SyncBrowser): Promise<void> {
  const { options } = b;
  await options.front();
  await expect.poll(() => textOf(options, '.options-sync[data-sync-loaded="true"]')).not.toBeNull();
  expect((await probe(options, field('password'))).value).toBe('');

  // As an older version left it; then the options page is opened again.
  await options.evaluate(async (old) => {
    const g = globalThis as unknown as { browser?: { storage: Storage }; chrome: { storage: Storage } };
    await (g.browser ?? g.chrome).storage.local.set({ syncSettings: old });
    setTimeout(() => location.reload(), 50);
  }, OLD_SETTINGS);
  await expect
    .poll(async () => (await probe(options, field('password')).catch(() => null))?.value, { timeout: 15_000 })
    .toBe(PASSWORD);
  expect((await probe(options, field('passphrase'))).value).toBe(PASSPHRASE);
  expect((await probe(options, field('username'))).value).toBe('ana');

  await expect.poll(() => storageText(options), { message: `${b.name}: old copies deleted` }).not.toContain(PASSWORD);
  const readable = await storageText(options);
  expect(readable).toContain('127.0.0.1:9/dav/');
  expect(readable).not.toContain(PASSPHRASE);
  expect(await secretsInIndexedDb(options)).toEqual({ id: 'sync', password: PASSWORD, passphrase: PASSPHRASE });

  // A new password typed and saved goes to IndexedDB only.
  await options.fill(field('password'), NEW_PASSWORD);
  await options.click('[data-action="sync-save"]');
  await expect
    .poll(() => textOf(options, '[data-sync-note="save"]'), { message: `${b.name}: Save` })
    .toMatch(/^Saved\./);
  const after = await storageText(options);
  expect(after).toContain('127.0.0.1:9/dav/');
  for (const secret of [PASSWORD, NEW_PASSWORD, PASSPHRASE]) expect(after).not.toContain(secret);
  expect(await secretsInIndexedDb(options)).toEqual({ id: 'sync', password: NEW_PASSWORD, passphrase: PASSPHRASE });
}

const BROWSERS: Array<[string, string | null, () => Promise<SyncBrowser>]> = [
  ['Chromium', browserSkipReason(CHROMIUM_PATH, 'chromium'), launchChromiumSync],
  ['Firefox', browserSkipReason(FIREFOX_PATH, 'firefox-esr'), launchFirefoxSync],
];

describe('sync credentials are kept where content scripts cannot read them', () => {
  for (const [name, skip, launch] of BROWSERS) {
    test.skipIf(skip)(
      `${name}: an upgrade moves them out of storage.local; a password saved later never enters it${skip ? ` (${skip})` : ''}`,
      async () => {
        const b = await launch();
        try {
          await upgradeAndSave(b);
        } finally {
          await b.close();
        }
      },
    );
  }
});
