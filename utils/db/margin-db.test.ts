import { IDBFactory } from 'fake-indexeddb';
import { describe, expect, test } from 'vitest';
import { findArticleByUrl, getSavedCopy } from './articles';
import { listHighlights } from './highlights';
import { backfillTagWords } from './backfill-pair-indexes';
import { getPageNote } from './page-notes';
import type { ArticleBodyRecord, ArticleRecord, HighlightRecord, PageNoteRecord, TagRecord } from './schema';
import { searchLibrary } from './search-library';
import { siteWords, tagWords, tokenize } from './search-words';
import { pairIndexComplete, TAG_WORDS_KEY } from './pair-index-state';
import { listTags } from './tags';
import { readingDefaults, type ReadingFields } from './reading-fields';
import { openEarlierVersion, selectorsFor, testDb } from '../../tests/support/test-db';

// Records exactly as version 1 wrote them: no `words`, no `host`, no reading-list fields (v6).
type V1<T> = Omit<T, 'words' | 'host' | keyof ReadingFields>;
const sync = { createdAt: 1_700_000_000_000, updatedAt: 1_700_000_500_000, deletedAt: null, deviceId: 'old-laptop' };

const article: V1<ArticleRecord> = {
  id: '6f1c2a4e-0000-4000-8000-000000000001',
  ...sync,
  url: 'https://example.com/2023/11/fearless-concurrency',
  urls: ['https://example.com/2023/11/fearless-concurrency', 'https://m.example.com/2023/11/fearless-concurrency'],
  pageUrl: 'https://m.example.com/2023/11/fearless-concurrency?utm_source=hn',
  canonicalUrl: 'https://example.com/2023/11/fearless-concurrency',
  title: 'Fearless Concurrency',
  author: 'Ferris Crab',
  site: 'Example Engineering',
  published: '2023-11-02',
  lang: 'en',
  savedAt: 1_700_000_400_000,
};
const body: V1<ArticleBodyRecord> = {
  id: article.id,
  ...sync,
  html: '<p>Mutexes guard shared memory.</p>',
  text: 'Mutexes guard shared memory.',
};
const highlight: V1<HighlightRecord> = {
  id: '6f1c2a4e-0000-4000-8000-000000000002',
  ...sync,
  articleId: article.id,
  selectors: selectorsFor('The borrow checker rejects data races', 120, 'Safe Rust: ', ' at compile time.'),
  quote: 'The borrow checker rejects data races',
  colour: 'purple',
  note: 'Ask Priya about Send and Sync',
  tags: ['rust', 'concurrency'],
  position: 120,
  anchor: 'weak',
};
const deleted: V1<HighlightRecord> = {
  ...highlight,
  id: '6f1c2a4e-0000-4000-8000-000000000003',
  quote: 'A deleted passage about lifetimes',
  note: '',
  tags: [],
  position: 10,
  deletedAt: 1_700_000_600_000,
};
const pageNote: V1<PageNoteRecord> = {
  id: '6f1c2a4e-0000-4000-8000-000000000004',
  ...sync,
  articleId: article.id,
  text: 'Reread before the workshop',
};
const tags: TagRecord[] = [
  { id: '6f1c2a4e-0000-4000-8000-000000000005', ...sync, name: 'rust', colour: 'green' },
  { id: '6f1c2a4e-0000-4000-8000-000000000006', ...sync, name: 'concurrency', colour: null },
];

/** Rows as version 6 holds them after its upgrade: articles gain the reading-list defaults, nothing else changes. */
function asV6(table: string, rows: object[]): object[] {
  return table === 'articles' ? rows.map((r) => ({ ...r, ...readingDefaults() })) : rows;
}

/** A database as version 1 of Margin left it, in `factory`. */
async function writeVersion1(factory: IDBFactory): Promise<void> {
  const v1 = await openEarlierVersion(factory, 1);
  await v1.table('articles').add(article);
  await v1.table('articleBodies').add(body);
  await v1.table('highlights').bulkAdd([highlight, deleted]);
  await v1.table('pageNotes').add(pageNote);
  await v1.table('tags').bulkAdd(tags);
  v1.close();
}

test('a version 1 database opens with every record intact', async () => {
  const factory = new IDBFactory();
  await writeVersion1(factory);
  const db = testDb(undefined, factory);
  await db.open();
  expect(db.verno).toBe(6);

  // Field by field as written, plus the fields version 2 derives (v4's `tagWords` is the
  // backfill's; v5's `siteWords` the database's own, on the v2 upgrade's writes).
  expect(await db.articles.get(article.id)).toEqual({
    ...article,
    ...readingDefaults(),
    host: 'example.com',
    words: ['fearless', 'concurrency', 'ferris', 'crab', 'example', 'engineering'],
  });
  expect(await db.articleBodies.get(body.id)).toEqual({ ...body, words: ['mutexes', 'guard', 'shared', 'memory'] });
  const words = [
    'the',
    'borrow',
    'checker',
    'rejects',
    'data',
    'races',
    'ask',
    'priya',
    'about',
    'send',
    'and',
    'sync',
    'rust',
    'concurrency',
  ];
  const sitePairs = siteWords('example.com', words);
  expect(await db.highlights.get(highlight.id)).toEqual({ ...highlight, words, siteWords: sitePairs });
  expect(await db.highlights.get(deleted.id)).toEqual({ ...deleted, words: [], siteWords: [] });
  expect(await db.pageNotes.get(pageNote.id)).toEqual({ ...pageNote, words: ['reread', 'before', 'the', 'workshop'] });
  expect(await db.tags.toArray()).toEqual(expect.arrayContaining(tags));
  expect(await db.tags.count()).toBe(2);

  expect(await backfillTagWords(db)).toEqual({ complete: true, written: 1 });
  expect(await db.highlights.get(highlight.id)).toEqual({
    ...highlight,
    words,
    tagWords: tagWords(['rust', 'concurrency'], words),
    siteWords: sitePairs,
  });
  expect(await db.highlights.get(deleted.id)).toEqual({ ...deleted, words: [], siteWords: [] }); // no tags: left alone
});

test('after the upgrade the old library reads and searches as if made today', async () => {
  const factory = new IDBFactory();
  await writeVersion1(factory);
  const db = testDb(undefined, factory);

  const found = await findArticleByUrl(db, 'https://m.example.com/2023/11/fearless-concurrency');
  expect(found?.id).toBe(article.id);
  expect((await getSavedCopy(db, article.id))?.text).toBe(body.text);
  expect((await listHighlights(db, article.id)).map((h) => h.id)).toEqual([highlight.id]);
  expect((await getPageNote(db, article.id))?.text).toBe(pageNote.text);
  expect((await listTags(db)).map((t) => [t.name, t.colour])).toEqual([
    ['concurrency', null],
    ['rust', 'green'],
  ]);

  const hitIds = (hits: Awaited<ReturnType<typeof searchLibrary>>) =>
    hits.map((h) => (h.kind === 'highlight' ? h.highlight.id : h.kind === 'pageNote' ? h.pageNote.id : h.article.id));
  expect(hitIds(await searchLibrary(db, 'priya'))).toEqual([highlight.id]);
  expect(hitIds(await searchLibrary(db, 'workshop'))).toEqual([pageNote.id]);
  expect(hitIds(await searchLibrary(db, 'mutex'))).toEqual([article.id]);
  expect(hitIds(await searchLibrary(db, '', { tag: 'rust' }))).toEqual([highlight.id]);
  expect(hitIds(await searchLibrary(db, 'priya', { tag: 'rust' }))).toEqual([highlight.id]); // before the backfill
  expect(hitIds(await searchLibrary(db, '', { site: 'example.com', kinds: ['article'] }))).toEqual([article.id]);
  // Deleted before the upgrade, still deleted after it.
  expect(await searchLibrary(db, 'lifetimes')).toEqual([]);
});

test('the upgrade is not a change: no record looks edited to a sync', async () => {
  const factory = new IDBFactory();
  await writeVersion1(factory);
  const db = testDb(undefined, factory);
  const all = [...(await db.articles.toArray()), ...(await db.highlights.toArray()), ...(await db.pageNotes.toArray())];
  expect(all.map((r) => [r.updatedAt, r.deviceId])).toEqual(all.map(() => [sync.updatedAt, 'old-laptop']));
});

test('a version 2 database opens as version 6 with every record intact and nothing yet synced', async () => {
  const factory = new IDBFactory();
  // A database as version 2 of Margin left it (records with their derived fields).
  const v2 = await openEarlierVersion(factory, 2);
  const records: Record<string, object[]> = {
    articles: [{ ...article, host: 'example.com', words: ['fearless'] }],
    articleBodies: [{ ...body, words: ['mutexes'] }],
    highlights: [
      { ...highlight, words: ['borrow'] },
      { ...deleted, words: [] },
    ],
    pageNotes: [{ ...pageNote, words: ['reread'] }],
    tags,
  };
  for (const [table, rows] of Object.entries(records)) await v2.table(table).bulkAdd(rows);
  v2.close();

  const db = testDb(undefined, factory);
  await db.open();
  expect(db.verno).toBe(6);
  for (const [table, rows] of Object.entries(records)) {
    expect(await db.table(table).toArray()).toEqual(expect.arrayContaining(asV6(table, rows)));
    expect(await db.table(table).count()).toBe(rows.length);
  }
  expect(await db.syncDocs.count()).toBe(0);
  expect(await db.syncMeta.count()).toBe(0);
  expect(await pairIndexComplete(db, TAG_WORDS_KEY)).toBe(false); // the backfill's to do
});

test('a version 3 database opens as version 6 untouched but for the reading-list defaults, then the backfill fills `tagWords`; word within a tag is found throughout', async () => {
  const factory = new IDBFactory();
  // A database as version 3 of Margin left it: derived fields, sync state, no `tagWords`.
  const v3 = await openEarlierVersion(factory, 3);
  const untagged = { ...highlight, id: '6f1c2a4e-0000-4000-8000-000000000007', tags: [], note: '', position: 200 };
  const deletedTagged = { ...deleted, id: '6f1c2a4e-0000-4000-8000-000000000008', tags: ['rust'] };
  const v3Highlights = [highlight, untagged, deleted, deletedTagged].map((h) => ({
    ...h,
    words: h.deletedAt === null ? tokenize(h.quote, h.note, ...h.tags) : [],
  }));
  const records: Record<string, object[]> = {
    articles: [{ ...article, host: 'example.com', words: tokenize(article.title, article.author, article.site) }],
    articleBodies: [{ ...body, words: tokenize(body.text) }],
    highlights: v3Highlights,
    pageNotes: [{ ...pageNote, words: tokenize(pageNote.text) }],
    tags,
    syncDocs: [{ key: `highlights:${highlight.id}`, dirty: 0, doc: { t: 'highlights' } }],
    syncMeta: [{ key: 'nextChange', value: 7 }],
  };
  for (const [table, rows] of Object.entries(records)) await v3.table(table).bulkAdd(rows);
  v3.close();

  const db = testDb(undefined, factory);
  await db.open();
  expect(db.verno).toBe(6);
  // The version change wrote nothing but v6's reading-list defaults: every record as version 3 left it.
  const expectRecords = async () => {
    for (const [table, rows] of Object.entries(records)) {
      expect(await db.table(table).toArray()).toEqual(expect.arrayContaining(asV6(table, rows)));
      expect(await db.table(table).count()).toBe(rows.length);
    }
  };
  await expectRecords();
  expect(await pairIndexComplete(db, TAG_WORDS_KEY)).toBe(false);

  const hitIds = (hits: Awaited<ReturnType<typeof searchLibrary>>) =>
    hits.map((h) => (h.kind === 'highlight' ? h.highlight.id : h.kind === 'pageNote' ? h.pageNote.id : h.article.id));
  const searches = async () => {
    expect(hitIds(await searchLibrary(db, 'pri', { tag: 'rust' }))).toEqual([highlight.id]);
    expect(hitIds(await searchLibrary(db, 'borrow checker', { tag: 'concurrency' }))).toEqual([highlight.id]);
    expect(hitIds(await searchLibrary(db, 'borrow', { tag: 'nope' }))).toEqual([]);
    // Created together: the greater id first.
    expect(hitIds(await searchLibrary(db, 'borrow'))).toEqual([untagged.id, highlight.id]);
    expect(await searchLibrary(db, 'lifetimes', { tag: 'rust' })).toEqual([]);
  };
  await searches(); // before the backfill: the word's and the tag's keys

  // Only the live highlight with tags gains `tagWords` (and, as it is written, `siteWords`),
  // and nothing else (not even `updatedAt`).
  expect(await backfillTagWords(db)).toEqual({ complete: true, written: 1 });
  records.highlights = v3Highlights.map((h) =>
    h.tags.length > 0 && h.deletedAt === null
      ? { ...h, tagWords: tagWords(h.tags, h.words), siteWords: siteWords('example.com', h.words) }
      : h,
  );
  await expectRecords();
  expect((await db.highlights.get(highlight.id))?.tagWords).toContain('rust\u0000priya');
  expect(await pairIndexComplete(db, TAG_WORDS_KEY)).toBe(true);
  await searches(); // after: the pairs
});

describe.each([1, 2, 3, 4, 5] as const)('a version %i database', (version) => {
  test('opens as version 6 with every article off the reading list, nothing else changed', async () => {
    const factory = new IDBFactory();
    const old = await openEarlierVersion(factory, version);
    // As that version stored them: derived fields from v2 on (v1 has none).
    const derived = version >= 2 ? { host: 'example.com', words: ['fearless'] } : {};
    const live = { ...article, ...derived };
    const tombstone = {
      ...article,
      ...derived,
      id: '6f1c2a4e-0000-4000-8000-000000000009',
      deletedAt: 1_700_000_700_000,
    };
    await old.table('articles').bulkAdd([live, tombstone]);
    await old.table('highlights').add(highlight);
    old.close();

    const db = testDb(undefined, factory);
    await db.open();
    expect(db.verno).toBe(6);
    expect(await db.articles.get(live.id)).toMatchObject({ ...live, ...readingDefaults() });
    expect(await db.articles.get(tombstone.id)).toMatchObject({ ...tombstone, ...readingDefaults() });
    // Not a change: a sync sees nothing to send.
    expect((await db.articles.toArray()).map((a) => [a.updatedAt, a.deviceId])).toEqual([
      [sync.updatedAt, 'old-laptop'],
      [sync.updatedAt, 'old-laptop'],
    ]);
    expect((await db.highlights.get(highlight.id))?.quote).toBe(highlight.quote);
    // Null is not indexed: nothing old is on the reading list, and a listed article is found by the index.
    expect(await db.articles.where('readingStatus').equals('unread').count()).toBe(0);
    expect(await db.articles.orderBy('listedAt').count()).toBe(0);
    await db.articles.update(live.id, { readingStatus: 'unread', listedAt: 1_700_000_800_000 });
    expect((await db.articles.where('readingStatus').equals('unread').toArray()).map((a) => a.id)).toEqual([live.id]);
    expect((await db.articles.orderBy('listedAt').toArray()).map((a) => a.id)).toEqual([live.id]);
  });
});

test('the v6 upgrade keeps reading-list fields a row already has (written by a newer copy, then reopened)', async () => {
  const factory = new IDBFactory();
  const v5 = await openEarlierVersion(factory, 5);
  const listed = {
    ...article,
    host: 'example.com',
    words: [],
    readingStatus: 'archived',
    favourite: true,
    progress: 0.5,
  };
  await v5.table('articles').add(listed);
  v5.close();
  const db = testDb(undefined, factory);
  expect(await db.articles.get(article.id)).toMatchObject({
    readingStatus: 'archived',
    favourite: true,
    progress: 0.5,
    resumeQuote: null,
    listedAt: null,
    articleTags: [],
    readingMinutes: null,
  });
});
