/**
 * The reading list in backups: a file written before it still restores (its articles
 * not on the list), and a library with a reading list restores with every state.
 */
import { expect, test } from 'vitest';
import { testDb } from '@/tests/support/test-db';
import { article, backupText, countWrites, dumpDb, highlight } from '@/tests/support/test-records';
import { READING_FIELD_NAMES, readingDefaults } from '@/utils/db/reading-fields';
import { applyImport } from '@/utils/import/apply-import';
import { previewBackup } from '@/utils/import/import-backup';
import type { MarginDb } from '@/utils/db/margin-db';
import { createBackup } from './create-backup';
import { serializeBackup } from './serialize-backup';

async function importText(db: MarginDb, text: string) {
  const preview = await previewBackup(db, text);
  if (!preview.ok) throw new Error(`${preview.message} ${preview.problems.join('; ')}`);
  return applyImport(db, preview.plan);
}

/** A backup as Margin wrote it before the reading list: articles without its seven fields. */
function olderBackup(): string {
  const file = JSON.parse(backupText({ articles: [article(1), article(2)], highlights: [highlight(1, 1)] }));
  for (const a of file.records.articles) for (const name of READING_FIELD_NAMES) delete a[name];
  return JSON.stringify(file);
}

test('a backup from before the reading list imports, its articles not on the list; again, it changes nothing', async () => {
  const db = testDb();
  expect(olderBackup()).not.toContain('readingStatus');
  await importText(db, olderBackup());
  const articles = await db.articles.toArray();
  expect(articles.map((a) => a.id)).toEqual([article(1).id, article(2).id]);
  for (const a of articles) expect(a).toMatchObject(readingDefaults());
  const writes = countWrites(db);
  const before = await dumpDb(db);
  const again = await previewBackup(db, olderBackup());
  expect(again.ok && again.plan.counts.articles).toMatchObject({ new: 0, updated: 0, unchanged: 2 });
  if (again.ok) await applyImport(db, again.plan);
  expect(writes()).toBe(0);
  expect(await dumpDb(db)).toEqual(before);
});

test('a library’s reading list restores from its backup on another machine, every field', async () => {
  const listed = article(1, {
    readingStatus: 'reading',
    favourite: true,
    progress: 0.42,
    resumeQuote: 'The second part begins',
    listedAt: Date.UTC(2024, 3, 2),
    articleTags: ['longform', 'to read'],
    readingMinutes: 12,
  });
  const here = testDb();
  await importText(here, backupText({ articles: [listed, article(2)] }));
  const text = serializeBackup(await createBackup(here, {}));
  const there = testDb();
  await importText(there, text);
  expect(await there.articles.get(listed.id)).toMatchObject({
    readingStatus: 'reading',
    favourite: true,
    progress: 0.42,
    resumeQuote: 'The second part begins',
    listedAt: Date.UTC(2024, 3, 2),
    articleTags: ['longform', 'to read'],
    readingMinutes: 12,
  });
  expect(await there.articles.get(article(2).id)).toMatchObject(readingDefaults());
});

test.each([
  ['an unknown status', { readingStatus: 'done' }, 'readingStatus'],
  ['progress past 1', { progress: 5 }, 'progress'],
  ['a resume quote past 80 characters', { resumeQuote: 'x'.repeat(81) }, 'resumeQuote'],
  ['a reading time that is not whole', { readingMinutes: 2.5 }, 'readingMinutes'],
  ['article tags that are not a list', { articleTags: 'rust' }, 'articleTags'],
])('a backup with %s is refused, naming the field, and nothing is written', async (_, fields, field) => {
  const db = testDb();
  const file = JSON.parse(backupText({ articles: [article(1)] }));
  Object.assign(file.records.articles[0], fields);
  const preview = await previewBackup(db, JSON.stringify(file));
  expect(preview.ok).toBe(false);
  expect(!preview.ok && preview.problems.join('\n')).toContain(field);
  expect(await db.articles.count()).toBe(0);
});
