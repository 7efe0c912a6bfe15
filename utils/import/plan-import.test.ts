import { describe, expect, test } from 'vitest';
import type { BackupRecords } from '@/utils/backup/backup-format';
import { findArticleByUrl, upsertArticle } from '@/utils/db/articles';
import { addHighlight, listHighlights } from '@/utils/db/highlights';
import type { MarginDb } from '@/utils/db/margin-db';
import { getPageNote, setPageNote } from '@/utils/db/page-notes';
import type { HighlightRecord } from '@/utils/db/schema';
import { listTags, setTagColour } from '@/utils/db/tags';
import { selectorsFor, testClock, testDb } from '@/tests/support/test-db';
import type { RecordSet } from '@/utils/export/export-data';
import { applyImport } from './apply-import';
import { ImportRefusedError } from './import-refused-error';
import { planImport } from './plan-import';
import { article, body, dumpDb, highlight, pageNote, recordSet, tag, uuid } from '../../tests/support/test-records';

async function importRecords(db: MarginDb, records: Partial<BackupRecords>) {
  return applyImport(db, await planImport(db, recordSet(records)));
}

test('planning writes nothing, and counts what applying would do', async () => {
  const db = testDb();
  const before = await dumpDb(db);
  const plan = await planImport(
    db,
    recordSet({
      articles: [article(1), article(2, { deletedAt: 5 })],
      articleBodies: [body(1)],
      highlights: [highlight(1, 1, { tags: ['rust'] }), highlight(2, 1), highlight(3, 1, { deletedAt: 9 })],
      pageNotes: [pageNote(1, 1)],
    }),
  );
  expect(await dumpDb(db)).toEqual(before);
  expect(plan.problems).toEqual([]);
  expect(plan.counts.articles).toMatchObject({ new: 1, tombstones: 1 });
  expect(plan.counts.highlights).toMatchObject({ new: 2, tombstones: 1, updated: 0, conflicts: 0 });
  expect(plan.counts.tags).toMatchObject({ new: 1 });
  expect(plan.newTagNames).toEqual(['rust']);
  expect(plan.totals).toEqual({ new: 6, updated: 0, deleted: 0, unchanged: 0, older: 0, tombstones: 2, conflicts: 0 });
});

describe('one record against its copy here', () => {
  const here = highlight(1, 1, { note: 'here', updatedAt: 2000, deviceId: 'laptop' });
  test.each<[string, Partial<HighlightRecord>, Record<string, number>, string]>([
    [
      'same content, whatever its stamps',
      { note: 'here', updatedAt: 9999, deviceId: 'phone' },
      { unchanged: 1 },
      'here',
    ],
    ['newer from the same device', { note: 'newer', updatedAt: 3000 }, { updated: 1, conflicts: 0 }, 'newer'],
    ['older from the same device', { note: 'older', updatedAt: 1000 }, { older: 1, conflicts: 0 }, 'here'],
    [
      'newer from another device',
      { note: 'phone', updatedAt: 3000, deviceId: 'phone' },
      { updated: 1, conflicts: 1 },
      'phone',
    ],
    [
      'older from another device',
      { note: 'phone', updatedAt: 1000, deviceId: 'phone' },
      { older: 1, conflicts: 1 },
      'here',
    ],
    ['newer tombstone', { deletedAt: 3000, updatedAt: 3000 }, { deleted: 1 }, 'deleted'],
    ['older tombstone', { deletedAt: 1000, updatedAt: 1000 }, { older: 1 }, 'here'],
  ])('%s', async (_, fileFields, counts, after) => {
    const db = testDb();
    await importRecords(db, { articles: [article(1)], highlights: [here] });
    const plan = await planImport(db, recordSet({ articles: [article(1)], highlights: [{ ...here, ...fileFields }] }));
    expect(plan.counts.highlights).toMatchObject(counts);
    await applyImport(db, plan);
    const stored = (await db.highlights.get(uuid(1001)))!;
    expect(stored.deletedAt === null ? stored.note : 'deleted').toBe(after);
  });

  test('an old live copy does not revive a newer deletion', async () => {
    const db = testDb();
    await importRecords(db, {
      articles: [article(1)],
      highlights: [highlight(1, 1, { deletedAt: 5000, updatedAt: 5000 })],
    });
    const plan = await planImport(
      db,
      recordSet({ articles: [article(1)], highlights: [highlight(1, 1, { updatedAt: 4000 })] }),
    );
    expect(plan.counts.highlights).toMatchObject({ older: 1 });
    await applyImport(db, plan);
    expect(await listHighlights(db, uuid(1))).toEqual([]);
  });
});

test('a conflict keeps both copies in the plan and names the fields that differ', async () => {
  const db = testDb();
  await importRecords(db, {
    articles: [article(1)],
    highlights: [highlight(1, 1, { note: 'laptop note', updatedAt: 5000 })],
  });
  const file = highlight(1, 1, { note: 'phone note', colour: 'blue', updatedAt: 4000, deviceId: 'phone' });
  const plan = await planImport(db, recordSet({ articles: [article(1)], highlights: [file] }));
  expect(plan.conflicts).toHaveLength(1);
  expect(plan.conflicts[0]).toMatchObject({
    table: 'highlights',
    id: uuid(1001),
    winner: 'database',
    fields: ['colour', 'note'],
  });
  expect(plan.conflicts[0]!.file).toMatchObject({ note: 'phone note', colour: 'blue' });
  expect(plan.conflicts[0]!.database).toMatchObject({ note: 'laptop note' });
});

test('two copies written in the same millisecond: every machine picks the same one', async () => {
  const a = highlight(1, 1, { note: 'from laptop', updatedAt: 5000, deviceId: 'laptop' });
  const b = highlight(1, 1, { note: 'from phone', updatedAt: 5000, deviceId: 'phone' });
  const sameDevice = [
    highlight(2, 1, { note: 'x', updatedAt: 5000, deviceId: 'd' }),
    highlight(2, 1, { note: 'y', updatedAt: 5000, deviceId: 'd' }),
  ] as const;
  const notes: string[][] = [];
  for (const [first, second] of [[a, b], [b, a], sameDevice, [sameDevice[1], sameDevice[0]]]) {
    const db = testDb();
    await importRecords(db, { articles: [article(1)], highlights: [first!] });
    await importRecords(db, { articles: [article(1)], highlights: [second!] });
    notes.push((await db.highlights.toArray()).map((h) => h.note));
  }
  expect(notes).toEqual([['from phone'], ['from phone'], ['y'], ['y']]);
});

test('a highlight or note on an article neither in the file nor here is refused, and nothing is written', async () => {
  const db = testDb();
  await importRecords(db, { articles: [article(1)] });
  const before = await dumpDb(db);
  const plan = await planImport(
    db,
    recordSet({
      articles: [article(2)],
      articleBodies: [body(7)],
      highlights: [highlight(1, 1), highlight(2, 9)],
      pageNotes: [pageNote(1, 8)],
    }),
  );
  expect(plan.problems).toEqual([
    `records.articleBodies[0].id: a saved copy of article ${uuid(7)}, which is neither in the file nor in this database`,
    `records.highlights[1].articleId: a highlight on article ${uuid(9)}, which is neither in the file nor in this database`,
    `records.pageNotes[0].articleId: a note on article ${uuid(8)}, which is neither in the file nor in this database`,
  ]);
  await expect(applyImport(db, plan)).rejects.toBeInstanceOf(ImportRefusedError);
  expect(await dumpDb(db)).toEqual(before);
});

describe('an article already here under another id', () => {
  const PAGE = 'https://example.com/2024/closures';

  test('is found by URL: its highlights, saved copy and note attach to the article here', async () => {
    const clock = testClock();
    const db = testDb(clock);
    const here = await upsertArticle(db, { pageUrl: PAGE, title: 'Closures, explained', author: 'Ada' });
    await addHighlight(db, { articleId: here.id, selectors: selectorsFor('first', 1) });
    // What a W3C import of the same page brings: a new id, sparse details, an extra URL key.
    const fromW3c = article(50, {
      url: 'https://example.com/2024/closures',
      urls: [PAGE, 'https://example.com/amp/closures'],
      title: 'closures',
    });
    const records: RecordSet = {
      articles: [{ ...fromW3c, host: 'example.com', words: ['closures'] }],
      articleBodies: [],
      highlights: [{ ...highlight(1, 50, { note: 'imported' }), words: [] }],
      pageNotes: [{ ...pageNote(1, 50), words: [] }],
      tags: [],
    };
    const plan = await planImport(db, records);
    expect(plan.matchedByUrl).toEqual([{ fileId: uuid(50), databaseId: here.id }]);
    expect(plan.counts.articles).toMatchObject({ updated: 1, new: 0 });
    await applyImport(db, plan);

    expect(await db.articles.count()).toBe(1);
    const article_ = (await db.articles.get(here.id))!;
    expect(article_).toMatchObject({
      title: 'Closures, explained',
      author: 'Ada',
      urls: [PAGE, 'https://example.com/amp/closures'],
    });
    expect((await listHighlights(db, here.id)).map((h) => h.note)).toEqual(['', 'imported']);
    expect((await getPageNote(db, here.id))?.text).toBe('Note 1');
    expect((await findArticleByUrl(db, 'https://example.com/amp/closures'))?.id).toBe(here.id);

    const again = await planImport(db, records);
    expect(again.totals).toMatchObject({ new: 0, updated: 0, unchanged: 3 });
  });

  test('a note for an article that has one here joins it rather than adding a second', async () => {
    const db = testDb();
    await importRecords(db, { articles: [article(1)] });
    await setPageNote(db, uuid(1), 'written here');
    const plan = await planImport(
      db,
      recordSet({
        articles: [article(1)],
        pageNotes: [pageNote(5, 1, { text: 'from file', updatedAt: Date.UTC(2030, 0), deviceId: 'phone' })],
      }),
    );
    expect(plan.counts.pageNotes).toMatchObject({ updated: 1, conflicts: 1 });
    await applyImport(db, plan);
    const notes = await db.pageNotes.toArray();
    expect(notes.map((n) => n.text)).toEqual(['from file']);
    expect((await getPageNote(db, uuid(1)))?.text).toBe('from file');
  });
});

describe('tags', () => {
  test("highlights' tags are normalized and every name has a tag", async () => {
    const db = testDb();
    await setTagColour(db, 'rust', 'green');
    await importRecords(db, {
      articles: [article(1)],
      highlights: [highlight(1, 1, { tags: ['Rust', ' #Web  Dev', 'web dev'] })],
    });
    expect((await db.highlights.get(uuid(1001)))?.tags).toEqual(['rust', 'web dev']);
    expect((await listTags(db)).map((t) => [t.name, t.colour])).toEqual([
      ['rust', 'green'],
      ['web dev', null],
    ]);
  });

  test('a tag of a name already here joins it: one row a name', async () => {
    const db = testDb();
    await setTagColour(db, 'rust', 'green');
    await importRecords(db, { tags: [tag(1, 'Rust', { colour: 'pink', updatedAt: Date.UTC(2030, 0) })] });
    expect((await db.tags.toArray()).map((t) => [t.name, t.colour])).toEqual([['rust', 'pink']]);
    const again = await planImport(
      db,
      recordSet({ tags: [tag(1, 'Rust', { colour: 'pink', updatedAt: Date.UTC(2030, 0) })] }),
    );
    expect(again.counts.tags).toMatchObject({ unchanged: 1, new: 0 });
  });
});

test('search words are always recomputed, never taken from the file', async () => {
  const db = testDb();
  const records: RecordSet = {
    articles: [{ ...article(1, { title: 'Ownership in Rust' }), host: 'evil.example', words: ['planted'] }],
    articleBodies: [{ ...body(1, { text: 'Borrowing rules' }), words: ['planted'] }],
    highlights: [{ ...highlight(1, 1, { quote: 'Lifetimes', note: 'Élan' }), words: ['planted'] }],
    pageNotes: [{ ...pageNote(1, 1, { text: 'Great read' }), words: ['planted'] }],
    tags: [],
  };
  await applyImport(db, await planImport(db, records));
  expect(await db.articles.get(uuid(1))).toMatchObject({ host: 'example.com', words: ['ownership', 'in', 'rust'] });
  expect((await db.articleBodies.get(uuid(1)))?.words).toEqual(['borrowing', 'rules']);
  expect((await db.highlights.get(uuid(1001)))?.words).toEqual(['lifetimes', 'elan']);
  expect((await db.pageNotes.get(uuid(2001)))?.words).toEqual(['great', 'read']);
});
