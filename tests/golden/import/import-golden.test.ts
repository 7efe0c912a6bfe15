/**
 * Golden backups: the Pocket and Omnivore fixture exports imported into an empty
 * database, as the Margin backup the CLI writes. A change to what an import stores
 * shows here as a diff (`npx vitest run tests/golden/import -u` accepts it).
 */
import type { WindowLike } from 'dompurify';
import { IDBFactory, IDBKeyRange } from 'fake-indexeddb';
import { JSDOM } from 'jsdom';
import { expect, test } from 'vitest';
import { zipFixture } from '@/tests/fixtures/import/fixture-files';
import { createBackup } from '@/utils/backup/create-backup';
import { serializeBackup } from '@/utils/backup/serialize-backup';
import { createMarginDb } from '@/utils/db/margin-db';
import { applyImport } from '@/utils/import/apply-import';
import { previewImportFile } from '@/utils/import/preview-import-file';
import { savedPageSanitizer } from '@/utils/import/sanitize-saved-page';
import { validateBackup } from '@/utils/import/validate-backup';

/** The backup of an empty database after importing `bytes`, as the CLI makes it. */
export async function importedBackup(bytes: Uint8Array): Promise<string> {
  const db = createMarginDb('golden', { indexedDB: new IDBFactory(), IDBKeyRange });
  const sanitize = savedPageSanitizer(new JSDOM('').window as unknown as WindowLike);
  const preview = await previewImportFile(db, bytes, { sanitize });
  if (!preview.ok) throw new Error(preview.message);
  await applyImport(db, preview.plan);
  return serializeBackup(await createBackup(db, {}, { now: () => 0 }));
}

test.each(['pocket', 'omnivore'])('%s export as a Margin backup', async (name) => {
  await expect(await importedBackup(zipFixture(`${name}-export`))).toMatchFileSnapshot(`${name}.backup.json`);
});

test('the golden backups restore: a backup accepts and keeps the unplaced status', async () => {
  const text = await importedBackup(zipFixture('pocket-export'));
  const checked = validateBackup(text);
  if (!checked.ok) throw new Error(`${checked.message} ${checked.problems.join('; ')}`);
  expect(new Set(checked.backup.records.highlights.map((h) => h.anchor))).toEqual(new Set(['unplaced']));
  expect(checked.backup.records.highlights.every((h) => h.selectors.length === 1 && Object.keys(h.selectors[0]!).sort().join() === 'exact,type')).toBe(true);
});
