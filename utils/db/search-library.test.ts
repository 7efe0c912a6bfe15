import { beforeEach, describe, expect, test } from 'vitest';
import { upsertArticle } from './articles';
import { addHighlight, deleteHighlight, restoreHighlight, updateHighlight } from './highlights';
import type { MarginDb } from './margin-db';
import { setPageNote } from './page-notes';
import type { HighlightRecord } from './schema';
import { searchLibrary, type LibraryHit } from './search-library';
import {
  addHighlightRows,
  selectorsFor,
  storedHighlight,
  testClock,
  testDb,
  type TestClock,
} from '../../tests/support/test-db';
import { countHighlightReads } from '../../tests/support/test-read-counter';

const DAY = 86_400_000;

/** What a user sees in a result list: the quote, the note, or the article title. */
function shown(hits: LibraryHit[]): string[] {
  return hits.map((h) =>
    h.kind === 'highlight'
      ? h.highlight.quote
      : h.kind === 'pageNote'
        ? `note: ${h.pageNote.text}`
        : `article: ${h.article.title}`,
  );
}

describe('a small library', () => {
  let clock: TestClock;
  let db: MarginDb;
  let rustBook: HighlightRecord;

  // Day 0: a Rust post (saved offline) with two highlights; day 1: a Guardian story
  // with a highlight and a page note; day 2: a JavaScript post. A minute between writes.
  beforeEach(async () => {
    clock = testClock();
    db = testDb(clock);
    const minute = () => clock.advance(60_000);
    const rust = await upsertArticle(db, {
      pageUrl: 'https://blog.example.com/fearless-concurrency',
      title: 'Fearless concurrency',
      author: 'Ferris',
      body: { html: '<p>…</p>', text: 'Threads share memory through mutexes and message passing channels.' },
    });
    minute();
    rustBook = await addHighlight(db, {
      articleId: rust.id,
      selectors: selectorsFor('The borrow checker rejects data races at compile time', 10),
      tags: ['rust'],
      colour: 'green',
    });
    minute();
    await addHighlight(db, {
      articleId: rust.id,
      selectors: selectorsFor('Channels transfer ownership', 200),
      note: 'Compare with Go',
      tags: ['rust', 'concurrency'],
    });
    clock.advance(DAY);
    const news = await upsertArticle(db, {
      pageUrl: 'https://www.theguardian.com/science/2024/may/02/bees',
      title: 'What bees know about democracy',
      site: 'The Guardian',
    });
    minute();
    await addHighlight(db, {
      articleId: news.id,
      selectors: selectorsFor('Scout bees debate new nest sites', 40),
      colour: 'pink',
    });
    minute();
    await setPageNote(db, news.id, 'Send to the reading group: café discussion');
    clock.advance(DAY);
    const js = await upsertArticle(db, {
      pageUrl: 'https://dev.to/alice/closures-4k2j',
      title: 'Closures in JavaScript',
    });
    minute();
    await addHighlight(db, {
      articleId: js.id,
      selectors: selectorsFor("A closure doesn't copy its scope", 5),
      colour: 'pink',
    });
  });

  test('finds quotes, notes, page notes, titles and saved article text', async () => {
    expect(shown(await searchLibrary(db, 'borrow'))).toEqual(['The borrow checker rejects data races at compile time']);
    expect(shown(await searchLibrary(db, 'go'))).toEqual(['Channels transfer ownership']);
    expect(shown(await searchLibrary(db, 'reading group'))).toEqual([
      'note: Send to the reading group: café discussion',
    ]);
    expect(shown(await searchLibrary(db, 'democracy'))).toEqual(['article: What bees know about democracy']);
    expect(shown(await searchLibrary(db, 'mutexes'))).toEqual(['article: Fearless concurrency']);
  });

  test('words match by their beginning, in any case, with or without accents', async () => {
    expect(shown(await searchLibrary(db, 'BORR'))).toEqual(['The borrow checker rejects data races at compile time']);
    expect(shown(await searchLibrary(db, 'cafe'))).toEqual(['note: Send to the reading group: café discussion']);
    expect(shown(await searchLibrary(db, "doesn't"))).toEqual(["A closure doesn't copy its scope"]);
  });

  test('every word of the query must match, newest first', async () => {
    expect(shown(await searchLibrary(db, 'bees nest'))).toEqual(['Scout bees debate new nest sites']);
    expect(shown(await searchLibrary(db, 'bees'))).toEqual([
      'Scout bees debate new nest sites',
      'article: What bees know about democracy',
    ]);
    expect(await searchLibrary(db, 'bees borrow')).toEqual([]);
  });

  test('a highlight is found by its tags, and results carry their article', async () => {
    const hits = await searchLibrary(db, 'concurrency');
    expect(shown(hits)).toEqual(['Channels transfer ownership', 'article: Fearless concurrency']);
    expect(hits[0]).toMatchObject({ kind: 'highlight', article: { title: 'Fearless concurrency' } });
  });

  test('filters by tag and by colour, alone or with a query', async () => {
    expect(shown(await searchLibrary(db, '', { tag: 'Rust' }))).toEqual([
      'Channels transfer ownership',
      'The borrow checker rejects data races at compile time',
    ]);
    expect(shown(await searchLibrary(db, 'channels', { tag: 'rust' }))).toEqual(['Channels transfer ownership']);
    expect(shown(await searchLibrary(db, '', { colour: 'pink' }))).toEqual([
      "A closure doesn't copy its scope",
      'Scout bees debate new nest sites',
    ]);
    expect(await searchLibrary(db, 'borrow', { colour: 'pink' })).toEqual([]);
  });

  test('filters by site, however the site is typed', async () => {
    for (const site of ['theguardian.com', 'https://www.theguardian.com/', 'WWW.THEGUARDIAN.COM']) {
      expect(shown(await searchLibrary(db, '', { site }))).toEqual([
        'note: Send to the reading group: café discussion',
        'Scout bees debate new nest sites',
        'article: What bees know about democracy',
      ]);
    }
    expect(await searchLibrary(db, 'borrow', { site: 'theguardian.com' })).toEqual([]);
    expect(await searchLibrary(db, '', { site: 'nowhere.example' })).toEqual([]);
  });

  test('filters by when things were made', async () => {
    const start = testClock().now();
    const dayOne = await searchLibrary(db, '', { from: start + DAY, to: start + 2 * DAY, kinds: ['highlight'] });
    expect(shown(dayOne)).toEqual(['Scout bees debate new nest sites']);
    const sinceDayOne = await searchLibrary(db, 'closure bees', { from: start + DAY });
    expect(sinceDayOne).toEqual([]);
    expect(shown(await searchLibrary(db, 'closure', { from: start + DAY }))).toEqual([
      "A closure doesn't copy its scope",
      'article: Closures in JavaScript',
    ]);
  });

  test('an empty query lists the newest first, up to the limit', async () => {
    expect(shown(await searchLibrary(db, '', { kinds: ['article'], limit: 2 }))).toEqual([
      'article: Closures in JavaScript',
      'article: What bees know about democracy',
    ]);
  });

  test('a deleted highlight is not found, and is found again once restored', async () => {
    await deleteHighlight(db, rustBook.id);
    expect(await searchLibrary(db, 'borrow')).toEqual([]);
    expect(shown(await searchLibrary(db, '', { tag: 'rust' }))).toEqual(['Channels transfer ownership']);
    await restoreHighlight(db, rustBook.id);
    expect(shown(await searchLibrary(db, 'borrow'))).toEqual(['The borrow checker rejects data races at compile time']);
  });

  test('an edited note is found by its new words only', async () => {
    await updateHighlight(db, rustBook.id, { note: 'Send to Priya' });
    expect(shown(await searchLibrary(db, 'priya'))).toEqual(['The borrow checker rejects data races at compile time']);
    await updateHighlight(db, rustBook.id, { note: '' });
    expect(await searchLibrary(db, 'priya')).toEqual([]);
  });

  test('a cleared page note is not found', async () => {
    const [hit] = await searchLibrary(db, 'reading group');
    await setPageNote(db, hit!.article.id, '');
    expect(await searchLibrary(db, 'reading group')).toEqual([]);
  });

  test('a one-letter term is a whole word, not every word starting with it', async () => {
    expect(shown(await searchLibrary(db, 'a', { kinds: ['highlight'] }))).toEqual(["A closure doesn't copy its scope"]);
  });
});

test('a word in thousands of highlights reads only the newest few', async () => {
  const clock = testClock();
  const db = testDb(clock);
  const reads = countHighlightReads(db);
  const article = await upsertArticle(db, { pageUrl: 'https://example.com/notes', title: 'Notes' });
  // Written directly: 2,500 highlights through addHighlight would only slow the test.
  const rows = Array.from({ length: 2_500 }, (_, i) => {
    const createdAt = clock.now() + i * 1000;
    return storedHighlight(article.id, {
      quote: i % 10 !== 9 ? `the common word, entry ${i}` : `something else, entry ${i}`,
      createdAt,
      position: i * 100,
      tags: i === 2_498 ? ['last'] : [],
      deletedAt: i === 2_496 ? createdAt : null,
    });
  });
  await addHighlightRows(db, rows);

  // A common word: 2,250 match (2,499 lacks it, 2,496 is a tombstone).
  reads.records = 0;
  const hits = await searchLibrary(db, 'common', { limit: 3 });
  expect(shown(hits)).toEqual([
    'the common word, entry 2498',
    'the common word, entry 2497',
    'the common word, entry 2495',
  ]);
  expect(reads.records).toBeLessThan(20); // a page or two, not 2,250

  // A rarer one: 250 match.
  reads.records = 0;
  const rare = await searchLibrary(db, 'something', { limit: 3 });
  expect(shown(rare)).toEqual([
    'something else, entry 2499',
    'something else, entry 2489',
    'something else, entry 2479',
  ]);
  expect(reads.records).toBe(3);

  reads.records = 0;
  expect(shown(await searchLibrary(db, 'common', { tag: 'last' }))).toEqual(['the common word, entry 2498']);
  expect(reads.records).toBe(1);

  const start = testClock().now();
  expect(shown(await searchLibrary(db, 'common', { from: start + 1_000_000, to: start + 1_003_000 }))).toEqual([
    'the common word, entry 1002',
    'the common word, entry 1001',
    'the common word, entry 1000',
  ]);
});

test('a word within a tag follows every edit of the tags, the quote and the note', async () => {
  const clock = testClock();
  const db = testDb(clock);
  const article = await upsertArticle(db, { pageUrl: 'https://example.com/tags', title: 'Tags' });
  const h = await addHighlight(db, {
    articleId: article.id,
    selectors: selectorsFor('Plan B is a fallback', 0),
    tags: ['work'],
  });
  const found = async (query: string, tag: string) => shown(await searchLibrary(db, query, { tag }));
  expect(await found('fall', 'work')).toEqual(['Plan B is a fallback']);
  expect(await found('b', 'work')).toEqual(['Plan B is a fallback']); // one letter: the whole word
  expect(await found('fall', 'home')).toEqual([]);

  clock.advance(1000);
  await updateHighlight(db, h.id, { tags: ['home'] });
  expect(await found('fall', 'work')).toEqual([]);
  expect(await found('fall', 'home')).toEqual(['Plan B is a fallback']);

  clock.advance(1000);
  await updateHighlight(db, h.id, { note: 'ask Dana' });
  expect(await found('dana', 'home')).toEqual(['Plan B is a fallback']);

  clock.advance(1000);
  await deleteHighlight(db, h.id);
  expect(await found('fall', 'home')).toEqual([]);
  expect((await db.highlights.get(h.id))?.tagWords).toEqual([]);

  clock.advance(1000);
  await restoreHighlight(db, h.id);
  expect(await found('dana', 'home')).toEqual(['Plan B is a fallback']);
});

test('a colour in a date range long ago reads the records of that range, not every newer one of the colour', async () => {
  const clock = testClock();
  const db = testDb(clock);
  const reads = countHighlightReads(db);
  const article = await upsertArticle(db, { pageUrl: 'https://example.com/colours', title: 'Colours' });
  const start = clock.now();
  const rows = Array.from({ length: 3_000 }, (_, i) =>
    // A fifth pink: too many to read whole, too few to walk.
    storedHighlight(article.id, {
      quote: `passage ${i}`,
      createdAt: start + i * 1000,
      position: i,
      colour: i % 5 === 0 ? 'pink' : 'yellow',
    }),
  );
  await addHighlightRows(db, rows);

  // The first third of the library; 400 pink highlights are newer than it.
  reads.records = 0;
  const hits = await searchLibrary(db, '', {
    colour: 'pink',
    from: start,
    to: start + 1_000_000,
    limit: 20,
    kinds: ['highlight'],
  });
  expect(shown(hits)).toEqual(Array.from({ length: 20 }, (_, k) => `passage ${995 - 5 * k}`));
  expect(reads.records).toBeLessThan(100);
});
