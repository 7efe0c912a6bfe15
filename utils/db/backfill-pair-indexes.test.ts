/**
 * The v4 and v5 upgrades write nothing; the backfills then fill `tagWords` and
 * `siteWords` in batches that survive being cut short, keep concurrent edits and
 * `updatedAt`; search finds the same highlights before, during and after, and reads
 * a pair index only once its backfill says it is complete.
 */
import { IDBFactory } from 'fake-indexeddb';
import { expect, test } from 'vitest';
import { backfillSiteWords, backfillTagWords } from './backfill-pair-indexes';
import { addHighlight, updateHighlight } from './highlights';
import type { MarginDb } from './margin-db';
import { newRecordId } from './record-id';
import type { ArticleRecord, HighlightRecord } from './schema';
import { searchLibrary, type LibraryFilters } from './search-library';
import { newestFirst } from './search-walk';
import { matchesTerms, queryTerms, siteWords, tagWords, tokenize } from './search-words';
import {
  completeRow,
  pairIndexComplete,
  readPairIndexProgress,
  SITE_WORDS_KEY,
  TAG_WORDS_KEY,
} from './pair-index-state';
import { openEarlierVersion, selectorsFor, testClock, testDb, type TestClock } from '../../tests/support/test-db';
import { countHighlightReads } from '../../tests/support/test-read-counter';
import { readingDefaults } from '@/utils/db/reading-fields';

const START = Date.UTC(2024, 0, 1);
const VOCABULARY = ['alpha', 'bravo', 'charlie', 'delta', 'echo', 'foxtrot', 'golf', 'hotel'];

const article: ArticleRecord = {
  id: newRecordId(START),
  createdAt: START,
  updatedAt: START,
  deletedAt: null,
  deviceId: 'old-laptop',
  url: 'https://example.com/a',
  urls: ['https://example.com/a'],
  pageUrl: 'https://example.com/a',
  canonicalUrl: null,
  title: 'An article',
  author: null,
  site: null,
  host: 'example.com',
  published: null,
  lang: 'en',
  savedAt: null,
  ...readingDefaults(),
  words: tokenize('An article'),
};

/** 400 highlights as version 3 left them (`words`, no `tagWords`): a third tagged, some deleted. */
function v3Highlights(): HighlightRecord[] {
  return Array.from({ length: 400 }, (_, i) => {
    const t = START + (i + 1) * 60_000;
    const tags = [...(i % 3 === 0 ? ['quote'] : []), ...(i % 5 === 0 ? ['idea'] : [])];
    const quote = `${VOCABULARY[i % 8]} ${VOCABULARY[(i * 3) % 7]} entry ${i}`;
    const deletedAt = i % 11 === 0 ? t + 1 : null;
    return {
      id: newRecordId(t),
      createdAt: t,
      updatedAt: t + 5,
      deletedAt,
      deviceId: 'old-laptop',
      articleId: article.id,
      selectors: selectorsFor(quote, i),
      quote,
      colour: 'yellow',
      note: '',
      tags,
      position: i,
      anchor: 'anchored',
      words: deletedAt === null ? tokenize(quote, ...tags) : [],
    };
  });
}

/** A version 3 database holding `highlights`, then opened by today's code (its reads of `tagWords` counted). */
async function upgradedLibrary(highlights: HighlightRecord[], clock: TestClock = testClock()) {
  const factory = new IDBFactory();
  const v3 = await openEarlierVersion(factory, 3);
  await v3.table('articles').add(article);
  await v3.table('highlights').bulkAdd(highlights);
  v3.close();
  const db = testDb(clock, factory);
  const reads = countHighlightReads(db);
  await db.open();
  return { db, reads };
}

/** What a search must return: every live highlight with the tag and the terms, newest first. */
function expected(highlights: HighlightRecord[], query: string, filters: LibraryFilters): string[] {
  const terms = queryTerms(query);
  return highlights
    .filter((h) => h.deletedAt === null && h.tags.includes(filters.tag!) && matchesTerms(h.words, terms))
    .sort(newestFirst)
    .slice(0, filters.limit ?? 100)
    .map((h) => h.id);
}

const QUERIES: Array<[string, LibraryFilters]> = [
  ['alpha', { tag: 'quote' }],
  ['ech', { tag: 'idea' }],
  ['golf entry', { tag: 'quote', limit: 10 }],
  ['e', { tag: 'quote' }], // one letter: a whole word only, none
  ['hotel', { tag: 'nope' }],
];

/** Every query gives exactly the expected hits, over the records as they are now. */
async function expectSearchesRight(db: MarginDb) {
  const now = await db.highlights.toArray();
  for (const [query, filters] of QUERIES) {
    const hits = await searchLibrary(db, query, filters);
    expect(
      hits.map((h) => (h.kind === 'highlight' ? h.highlight.id : h.kind)),
      `${query} in ${filters.tag}`,
    ).toEqual(expected(now, query, filters));
  }
}

// A highlight the tag backfill writes gains its site pairs too, from the database's own middleware.
const withPairs = (h: HighlightRecord) =>
  h.deletedAt === null && h.tags.length > 0
    ? { ...h, tagWords: tagWords(h.tags, h.words), siteWords: siteWords(article.host, h.words) }
    : h;

test('a version 3 library with tagged highlights opens at version 6 without a write: every record as it was', async () => {
  const highlights = v3Highlights();
  const { db } = await upgradedLibrary(highlights);
  expect(db.verno).toBe(6);
  expect(await db.highlights.toArray()).toEqual(highlights); // same order (by id), no `tagWords`, same `updatedAt`
  expect(await db.articles.toArray()).toEqual([article]);
  expect(await db.meta.count()).toBe(0);
  expect(await pairIndexComplete(db, TAG_WORDS_KEY)).toBe(false);
  expect(await pairIndexComplete(db, SITE_WORDS_KEY)).toBe(false);
});

test('a word within a tag is found right before, during and after the backfill; the pair index is read only after', async () => {
  const highlights = v3Highlights();
  const { db, reads } = await upgradedLibrary(highlights);
  // One added after the upgrade: its writer stores its pairs, and the backfill leaves it be.
  const added = await addHighlight(db, {
    articleId: article.id,
    selectors: selectorsFor('alpha added late', 9),
    tags: ['quote'],
  });
  expect(added.tagWords).toContain('quote\u0000alpha');

  await expectSearchesRight(db); // before
  expect(reads.pairRequests).toBe(0);

  const first = await backfillTagWords(db, { batchSize: 40, maxBatches: 1 });
  expect(first.complete).toBe(false);
  expect(first.written).toBeGreaterThan(0);
  const stored = await db.highlights.toArray();
  expect(stored.some((h) => h.tagWords !== undefined && h.id !== added.id)).toBe(true);
  expect(stored.some((h) => h.tagWords === undefined && h.tags.length > 0 && h.deletedAt === null)).toBe(true);
  expect(await pairIndexComplete(db, TAG_WORDS_KEY)).toBe(false);
  await expectSearchesRight(db); // during
  expect(reads.pairRequests).toBe(0);

  expect((await backfillTagWords(db, { batchSize: 40 })).complete).toBe(true);
  expect(await pairIndexComplete(db, TAG_WORDS_KEY)).toBe(true);
  await expectSearchesRight(db); // after
  expect(reads.pairRequests).toBeGreaterThan(0);

  // The pair's keys only: "alpha" is in an eighth of the highlights, the tag on a third; both, ~16.
  reads.pairKeys = 0;
  const hits = await searchLibrary(db, 'alpha', { tag: 'quote' });
  expect(hits.length).toBeGreaterThan(10);
  expect(reads.pairKeys).toBeLessThan(2 * hits.length + 10);
});

test('the backfill resumes where it was cut short, writes each highlight once, and only its pairs', async () => {
  const highlights = v3Highlights();
  const { db } = await upgradedLibrary(highlights);
  const liveTagged = highlights.filter((h) => h.deletedAt === null && h.tags.length > 0).length;

  // Stopped after two batches, as a service worker might be.
  const stop = new AbortController();
  let batches = 0;
  const first = await backfillTagWords(db, {
    batchSize: 25,
    signal: stop.signal,
    onBatch: () => {
      if (++batches === 2) stop.abort();
    },
  });
  expect(first.complete).toBe(false);
  const progress = await readPairIndexProgress(db.meta, TAG_WORDS_KEY);
  expect(progress.done).toBe(false);
  expect(progress.after).not.toBe('');

  // A new run (a new worker) carries on after the last committed batch.
  const second = await backfillTagWords(db, { batchSize: 25 });
  expect(second.complete).toBe(true);
  expect(first.written + second.written).toBe(liveTagged);

  // Again: nothing to do, nothing written.
  expect(await backfillTagWords(db)).toEqual({ complete: true, written: 0 });
  expect(await db.highlights.toArray()).toEqual(highlights.map(withPairs)); // `updatedAt` as it was
});

test('a highlight edited between batches keeps the edit', async () => {
  const clock = testClock(START + 86_400_000);
  const highlights = v3Highlights();
  const { db } = await upgradedLibrary(highlights, clock);
  const sorted = highlights
    .filter((h) => h.deletedAt === null && h.tags.length > 0)
    .sort((a, b) => (a.id < b.id ? -1 : 1));
  const late = sorted[sorted.length - 1]!; // in the last batch: listed before the edit, read after it
  const untaggedNow = sorted[sorted.length - 2]!;
  const edits: HighlightRecord[] = [];

  let batches = 0;
  const result = await backfillTagWords(db, {
    batchSize: 30,
    onBatch: async () => {
      if (++batches !== 1) return;
      clock.advance(1_000);
      edits.push((await updateHighlight(db, late.id, { note: 'zulu written meanwhile', tags: ['idea'] }))!);
      edits.push((await updateHighlight(db, untaggedNow.id, { tags: [] }))!);
    },
  });
  expect(result.complete).toBe(true);

  for (const edit of edits) {
    const stored = await db.highlights.get(edit.id);
    expect(stored).toEqual(edit);
    expect(stored!.updatedAt).toBe(clock.now());
  }
  expect((await db.highlights.get(late.id))!.tagWords).toEqual(
    tagWords(['idea'], tokenize(late.quote, 'zulu written meanwhile', 'idea')),
  );
  expect((await db.highlights.get(untaggedNow.id))!.tagWords).toEqual([]);
  expect(
    (await searchLibrary(db, 'zulu', { tag: 'idea' })).map((h) => (h.kind === 'highlight' ? h.highlight.id : h.kind)),
  ).toEqual([late.id]);
  expect(await searchLibrary(db, late.quote.split(' ')[0]!, { tag: 'quote', limit: 1000 })).not.toContainEqual(
    expect.objectContaining({ highlight: expect.objectContaining({ id: late.id }) }),
  );
  await expectSearchesRight(db);
});

test('a new database has nothing to fill: the pair index is usable from the start', async () => {
  const db = testDb();
  expect(await pairIndexComplete(db, TAG_WORDS_KEY)).toBe(true);
  expect(await backfillTagWords(db)).toEqual({ complete: true, written: 0 });
});

/** Articles on two sites, and a version 4 database holding them and `highlights` (`tagWords` filled, no `siteWords`). */
async function v4Library(highlights: HighlightRecord[], clock: TestClock = testClock()) {
  const other: ArticleRecord = {
    ...article,
    id: newRecordId(START + 1),
    url: 'https://other.example/b',
    urls: ['https://other.example/b'],
    host: 'other.example',
  };
  const rows = highlights.map((h, i) => ({
    ...h,
    articleId: i % 3 === 0 ? other.id : article.id,
    ...(h.deletedAt === null && { tagWords: tagWords(h.tags, h.words) }),
  }));
  const factory = new IDBFactory();
  const v4 = await openEarlierVersion(factory, 4);
  await v4.table('articles').bulkAdd([article, other]);
  await v4.table('highlights').bulkAdd(rows);
  await v4.table('meta').add(completeRow(TAG_WORDS_KEY));
  v4.close();
  const db = testDb(clock, factory);
  const reads = countHighlightReads(db);
  await db.open();
  return {
    db,
    reads,
    rows,
    hosts: new Map([
      [article.id, article.host],
      [other.id, other.host],
    ]),
  };
}

const SITE_QUERIES: Array<[string, LibraryFilters]> = [
  ['alpha', { site: 'example.com' }],
  ['ech', { site: 'other.example' }],
  ['golf entry', { site: 'https://www.example.com/', limit: 10 }],
  ['hotel', { site: 'nowhere.example' }],
];

test('a version 4 library opens at version 6 without a write; a word on a site is found right before, during and after the site backfill', async () => {
  const { db, reads, rows, hosts } = await v4Library(v3Highlights());
  expect(db.verno).toBe(6);
  expect(await db.highlights.toArray()).toEqual(rows); // no `siteWords`, same `updatedAt`
  expect(await pairIndexComplete(db, SITE_WORDS_KEY)).toBe(false);

  const right = async () => {
    const now = await db.highlights.toArray();
    for (const [query, filters] of SITE_QUERIES) {
      const host = new URL(filters.site!.includes('://') ? filters.site! : `https://${filters.site}`).hostname.replace(
        /^www\./,
        '',
      );
      const want = now
        .filter(
          (h) => h.deletedAt === null && hosts.get(h.articleId) === host && matchesTerms(h.words, queryTerms(query)),
        )
        .sort(newestFirst)
        .slice(0, filters.limit ?? 100)
        .map((h) => h.id);
      const hits = await searchLibrary(db, query, filters);
      expect(
        hits.map((h) => (h.kind === 'highlight' ? h.highlight.id : h.kind)),
        `${query} on ${filters.site}`,
      ).toEqual(want);
    }
  };
  await right(); // before
  expect(reads.pairRequests).toBe(0);

  const first = await backfillSiteWords(db, { batchSize: 60, maxBatches: 2 });
  expect(first.complete).toBe(false);
  expect(first.written).toBeGreaterThan(100); // two batches of 60, less the tombstones among them
  await right(); // during
  expect(reads.pairRequests).toBe(0);

  const rest = await backfillSiteWords(db, { batchSize: 60 });
  expect(rest.complete).toBe(true);
  expect(first.written + rest.written).toBe(rows.filter((h) => h.deletedAt === null).length);
  expect(await pairIndexComplete(db, SITE_WORDS_KEY)).toBe(true);
  await right(); // after, through the pairs
  expect(reads.pairRequests).toBeGreaterThan(0);

  // Each live highlight has its own article's host, and nothing else changed.
  expect(await db.highlights.toArray()).toEqual(
    rows.map((h) => (h.deletedAt === null ? { ...h, siteWords: siteWords(hosts.get(h.articleId)!, h.words) } : h)),
  );
  expect(await backfillSiteWords(db)).toEqual({ complete: true, written: 0 });
});
