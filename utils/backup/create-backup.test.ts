import { expect, test } from 'vitest';
import { upsertArticle } from '@/utils/db/articles';
import { addHighlight, deleteHighlight } from '@/utils/db/highlights';
import { setPageNote } from '@/utils/db/page-notes';
import { selectorsFor, testClock, testDb } from '@/tests/support/test-db';
import { validateBackup } from '@/utils/import/validate-backup';
import { createBackup } from './create-backup';
import { backupChunks, serializeBackup } from './serialize-backup';

async function filledDb() {
  const clock = testClock();
  const db = testDb(clock);
  const a = await upsertArticle(db, {
    pageUrl: 'https://example.com/a',
    title: 'Café notes',
    body: { html: '<p>Hi</p>', text: 'Hi' },
  });
  await addHighlight(db, { articleId: a.id, selectors: selectorsFor('kept', 3), note: 'mine', tags: ['Rust'] });
  const gone = await addHighlight(db, { articleId: a.id, selectors: selectorsFor('gone', 9) });
  clock.advance(1000);
  await deleteHighlight(db, gone.id);
  await setPageNote(db, a.id, 'A page note');
  return { db, clock, article: a, gone };
}

test('a backup holds every record, tombstones included, without derived fields', async () => {
  const { db, clock, article, gone } = await filledDb();
  const backup = await createBackup(db, {}, { now: clock.now });
  expect(backup).toMatchObject({
    format: 'margin-backup',
    version: 1,
    exportedAt: clock.now(),
    device: 'test-device',
    settings: {},
  });
  expect(backup.records.articles).toHaveLength(1);
  expect(backup.records.articleBodies).toHaveLength(1);
  expect(backup.records.highlights).toHaveLength(2);
  expect(backup.records.pageNotes).toHaveLength(1);
  expect(backup.records.tags.map((t) => t.name)).toEqual(['rust']);
  expect(backup.records.highlights.find((h) => h.id === gone.id)?.deletedAt).toBe(clock.now());

  const { words: _w, host: _h, ...stored } = (await db.articles.get(article.id))!;
  expect(backup.records.articles[0]).toEqual(stored);
  for (const table of Object.values(backup.records))
    for (const record of table) expect(record).not.toHaveProperty('words');
  expect(backup.records.articles[0]).not.toHaveProperty('host');
});

test('settings are normalized, and absent ones stay absent', async () => {
  const { db } = await filledDb();
  const backup = await createBackup(db, { readerSettings: { theme: 'sepia', fontSize: 1 } });
  expect(backup.settings).toEqual({
    readerSettings: { theme: 'sepia', font: 'serif', fontSize: 14, lineWidth: 70, lineHeight: 1.6 },
  });
});

test('the serialized backup is one JSON document, one record a line, that validates back to the same backup', async () => {
  const { db } = await filledDb();
  const backup = await createBackup(db, { highlightSettings: { defaultColour: 'green', toolbarOnSelect: false } });
  const text = serializeBackup(backup);
  expect(JSON.parse(text)).toEqual(JSON.parse(JSON.stringify(backup)));
  expect(text.split('\n').filter((l) => l.startsWith('{"id"'))).toHaveLength(6);
  expect([...backupChunks(backup)].join('')).toBe(text);
  const result = validateBackup(text);
  expect(result.ok && result.backup).toEqual(backup);
});

test('an empty database makes a valid backup', async () => {
  const backup = await createBackup(testDb(), {});
  const result = validateBackup(serializeBackup(backup));
  expect(result.ok && result.backup.records).toEqual({
    articles: [],
    articleBodies: [],
    highlights: [],
    pageNotes: [],
    tags: [],
  });
});
