/** The sync credentials live in the same `storage.local` as the settings a backup carries: they must never follow. */
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { beforeEach, expect, test } from 'vitest';
import { upsertArticle } from '@/utils/db/articles';
import { testDb } from '@/utils/db/test-db';
import { loadHighlightSettings } from '@/utils/highlight-settings/highlight-settings-store';
import { loadReaderSettings, saveReaderSettings } from '@/utils/reader-settings/reader-settings-store';
import { DEFAULT_READER_SETTINGS } from '@/utils/reader-settings/reader-settings';
import { saveSyncSettings } from '@/utils/sync/sync-settings-store';
import { DEFAULT_SYNC_SETTINGS } from '@/utils/sync/sync-settings';
import { createBackup } from './create-backup';
import { serializeBackup } from './serialize-backup';

const PASSWORD = 'app-password-Zx81';
const PASSPHRASE = 'correct horse battery staple';

beforeEach(async () => {
  fakeBrowser.reset();
  await saveSyncSettings({ ...DEFAULT_SYNC_SETTINGS, enabled: true, url: 'https://dav.example.org/', username: 'ana', password: PASSWORD, passphrase: PASSPHRASE });
  await saveReaderSettings({ ...DEFAULT_READER_SETTINGS, theme: 'dark' });
});

async function backupText(settings: Record<string, unknown>): Promise<string> {
  const db = testDb();
  await upsertArticle(db, { pageUrl: 'https://example.com/a', title: 'A' });
  return serializeBackup(await createBackup(db, settings));
}

test('a backup made as the library makes it holds no sync credentials', async () => {
  const text = await backupText({ readerSettings: await loadReaderSettings(), highlightSettings: await loadHighlightSettings() });
  expect(text).toContain('"dark"');
  for (const secret of [PASSWORD, PASSPHRASE, 'dav.example.org']) expect(text).not.toContain(secret);
});

test('even handed all of storage.local, a backup keeps only the settings it knows', async () => {
  const everything = await fakeBrowser.storage.local.get(null);
  expect(JSON.stringify(everything)).toContain(PASSWORD);
  const text = await backupText(everything);
  expect(text).toContain('"dark"');
  for (const secret of [PASSWORD, PASSPHRASE, 'dav.example.org']) expect(text).not.toContain(secret);
});
