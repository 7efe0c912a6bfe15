/**
 * An offline copy's fallback note (why the copy is Readability's own result) in
 * backups: kept on restore, absent in older files, and refused when malformed.
 */
import { expect, test } from 'vitest';
import { testDb } from '@/tests/support/test-db';
import { article, backupText, body } from '@/tests/support/test-records';
import { applyImport } from '@/utils/import/apply-import';
import { previewBackup } from '@/utils/import/import-backup';
import { createBackup } from './create-backup';
import { serializeBackup } from './serialize-backup';

const fallback = { reason: 'clean-up left 555 of 9170 characters', ourChars: 555, readabilityChars: 9170 };

test('a copy shown as found on the page keeps its note through a backup and restore', async () => {
  const here = testDb();
  const preview = await previewBackup(
    here,
    backupText({ articles: [article(1)], articleBodies: [body(1, { fallback })] }),
  );
  if (!preview.ok) throw new Error(preview.message);
  await applyImport(here, preview.plan);
  const there = testDb();
  const restored = await previewBackup(there, serializeBackup(await createBackup(here, {})));
  if (!restored.ok) throw new Error(restored.message);
  await applyImport(there, restored.plan);
  expect((await there.articleBodies.get(article(1).id))?.fallback).toEqual(fallback);
});

test('a backup written before the note restores its copies without one', async () => {
  const db = testDb();
  const file = backupText({ articles: [article(1)], articleBodies: [body(1)] });
  expect(file).not.toContain('fallback');
  const preview = await previewBackup(db, file);
  if (!preview.ok) throw new Error(preview.message);
  await applyImport(db, preview.plan);
  expect((await db.articleBodies.get(article(1).id))?.fallback).toBeNull();
});

test('a malformed note is refused with a clear error, and nothing is written', async () => {
  const db = testDb();
  const bad = { ...fallback, ourChars: -3 };
  const preview = await previewBackup(
    db,
    backupText({ articles: [article(1)], articleBodies: [body(1, { fallback: bad as typeof fallback })] }),
  );
  expect(preview.ok).toBe(false);
  if (!preview.ok) expect(preview.problems.join(' ')).toMatch(/fallback/);
  expect(await db.articleBodies.count()).toBe(0);
});
