/**
 * The sync settings live in the same `storage.local` as the settings a backup carries,
 * and older versions kept the credentials there too: they must never follow.
 */
import 'fake-indexeddb/auto';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { beforeEach, expect, test } from 'vitest';
import { upsertArticle } from '@/utils/db/articles';
import { testDb } from '@/tests/support/test-db';
import { loadHighlightSettings } from '@/utils/settings/highlight-settings-store';
import { loadReaderSettings, saveReaderSettings } from '@/utils/settings/reader-settings-store';
import { DEFAULT_READER_SETTINGS } from '@/utils/settings/reader-settings';
import { clearSyncSecrets } from '@/utils/sync/sync-secrets-store';
import { loadSyncSettings, saveSyncSettings } from '@/utils/sync/sync-settings-store';
import { DEFAULT_SYNC_SETTINGS } from '@/utils/sync/sync-settings';
import { createBackup } from './create-backup';
import { serializeBackup } from './serialize-backup';

const PASSWORD = 'app-password-Zx81';
const PASSPHRASE = 'correct horse battery staple';

beforeEach(async () => {
  fakeBrowser.reset();
  await clearSyncSecrets();
  await saveSyncSettings({
    ...DEFAULT_SYNC_SETTINGS,
    enabled: true,
    url: 'https://dav.example.org/',
    username: 'ana',
    password: PASSWORD,
    passphrase: PASSPHRASE,
  });
  await saveReaderSettings({ ...DEFAULT_READER_SETTINGS, theme: 'dark' });
});

async function backupText(settings: Record<string, unknown>): Promise<string> {
  const db = testDb();
  await upsertArticle(db, { pageUrl: 'https://example.com/a', title: 'A' });
  return serializeBackup(await createBackup(db, settings));
}

test('a backup made as the library makes it holds no sync credentials', async () => {
  const text = await backupText({
    readerSettings: await loadReaderSettings(),
    highlightSettings: await loadHighlightSettings(),
  });
  expect(text).toContain('"dark"');
  for (const secret of [PASSWORD, PASSPHRASE, 'dav.example.org']) expect(text).not.toContain(secret);
});

test('even handed all of storage.local, as an older version held it (credentials inside), a backup keeps only the settings it knows', async () => {
  const everything = { ...(await fakeBrowser.storage.local.get(null)), syncSettings: await loadSyncSettings() };
  expect(JSON.stringify(everything)).toContain(PASSWORD);
  expect(JSON.stringify(everything)).toContain(PASSPHRASE);
  const text = await backupText(everything);
  expect(text).toContain('"dark"');
  for (const secret of [PASSWORD, PASSPHRASE, 'dav.example.org']) expect(text).not.toContain(secret);
});
