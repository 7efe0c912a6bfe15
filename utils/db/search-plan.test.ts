/**
 * The search plan against brute force: on generated libraries big enough for every
 * way `search-plan.ts` can read a table (key sets, a walk, newest-first reads of a
 * colour or a prefix, a rare source read whole after the sample), every query must
 * give exactly the hits that filtering all records gives.
 */
import { beforeAll, describe, expect, test } from 'vitest';
import { mulberry32 } from '@/tests/support/prng';
import { upsertArticle } from './articles';
import { addHighlight } from './highlights';
import type { MarginDb } from './margin-db';
import { setPageNote } from './page-notes';
import { newRecordId } from './record-id';
import type { ArticleBodyRecord, ArticleRecord, HighlightColour, HighlightRecord, PageNoteRecord } from './schema';
import { searchLibrary, type LibraryFilters, type LibraryHit } from './search-library';
import { newestFirst } from './search-walk';
import { highlightSearchFields, matchesTerms, queryTerms, tokenize } from './search-words';
import { addHighlightRows, selectorsFor, storedHighlight, testClock, testDb } from '../../tests/support/test-db';
import { countHighlightReads, type HighlightReads } from '../../tests/support/test-read-counter';
import { readingDefaults } from '@/utils/db/reading-fields';

const DAY = 86_400_000;
const START = Date.UTC(2024, 0, 1);

/** Words with set shares of highlights, so each kind of plan has a query. */
const PLANTED: Array<[string, number]> = [
  ['common', 0.6], // walked
  ['middle', 0.12], // over a probe, read newest first
  ['midway', 0.1],
  ['midnight', 0.05], // "mid" covers three words
  ['pairone', 0.12], // two mid words, together rare: read whole and intersected
  ['pairtwo', 0.12],
  ['rare', 0.003], // a probe reads it whole
];
const FILLER = Array.from({ length: 300 }, (_, i) => `w${i.toString(36)}x`);

interface Library {
  db: MarginDb;
  highlights: HighlightRecord[];
  articles: ArticleRecord[];
  bodies: ArticleBodyRecord[];
  notes: PageNoteRecord[];
}

/**
 * 4,000 highlights on 80 articles (3 sites, one with 4 articles), some deleted, some
 * sharing a creation time, page notes, saved copies, a deleted article whose
 * highlights are not; `untimed` of the highlights have ids that are not v7 (an import's).
 */
async function generate(seed: number, untimed: number, prepare?: (db: MarginDb) => void): Promise<Library> {
  const random = mulberry32(seed);
  const pick = <T>(xs: readonly T[]) => xs[Math.floor(random() * xs.length)]!;
  const db = testDb(testClock(), undefined, `plan-${seed}`);
  prepare?.(db);
  const articles: ArticleRecord[] = [];
  const bodies: ArticleBodyRecord[] = [];
  const notes: PageNoteRecord[] = [];
  const highlights: HighlightRecord[] = [];
  const hosts = ['big.example', 'mid.example', 'small.example'];
  const stamps = (t: number, id = newRecordId(t)) => ({
    id,
    createdAt: t,
    updatedAt: t,
    deletedAt: null as number | null,
  });
  const text = (n: number, planted: boolean) => {
    const words = Array.from({ length: n }, () => pick(FILLER));
    if (planted)
      for (const [w, share] of PLANTED) if (random() < share) words.splice(Math.floor(random() * words.length), 0, w);
    return words.join(' ');
  };
  for (let a = 0; a < 80; a++) {
    const t = START + a * 5 * DAY;
    const host = a % 20 === 7 ? hosts[2]! : a % 3 === 0 ? hosts[1]! : hosts[0]!;
    const fields = { title: `${text(4, false)} ${a % 9 === 0 ? 'middle' : ''}`.trim(), author: null, site: null };
    articles.push({
      ...stamps(t),
      url: `https://${host}/${a}`,
      urls: [`https://${host}/${a}`],
      pageUrl: `https://${host}/${a}`,
      canonicalUrl: null,
      ...fields,
      host,
      published: null,
      lang: 'en',
      savedAt: a % 5 === 0 ? t : null,
      ...readingDefaults(),
      words: tokenize(fields.title),
      ...(a === 41 && { deletedAt: t + DAY }),
    });
    if (a % 5 === 0) {
      const body = text(200, true);
      bodies.push({ ...stamps(t, articles[a]!.id), html: `<p>${body}</p>`, text: body, words: tokenize(body) });
    }
    if (a % 2 === 0) {
      const note = text(8, true);
      notes.push({ ...stamps(t + 3 * DAY + 7), articleId: articles[a]!.id, text: note, words: tokenize(note) });
    }
  }
  for (let i = 0; i < 4_000; i++) {
    const article = articles[Math.floor(i / 50)]!;
    // Ten at a time share a creation time now and then: ties are ordered by id.
    const t =
      article.createdAt + 1000 + (i % 50 < 10 && i % 7 === 0 ? 0 : (i % 50) * 60_000 + Math.floor(random() * 50_000));
    const odd = random() < untimed;
    const id = odd
      ? newRecordId(t).replace(
          /^(.{14})7/,
          (_, head: string) => `${Math.floor(random() * 16).toString(16)}${head.slice(1)}5`,
        )
      : newRecordId(t);
    const content = {
      quote: text(8, true),
      note: random() < 0.3 ? text(4, true) : '',
      tags: [...new Set([random() < 0.1 ? 'quote' : '', random() < 0.03 ? 'idea' : ''].filter(Boolean))],
    };
    const deleted = random() < 0.03;
    highlights.push({
      ...stamps(t, id),
      articleId: article.id,
      selectors: selectorsFor(content.quote, i),
      colour: (random() < 0.12
        ? 'pink'
        : random() < 0.5
          ? 'yellow'
          : pick(['green', 'blue', 'purple'])) as HighlightColour,
      position: i,
      anchor: 'anchored',
      ...content,
      ...highlightSearchFields({ ...content, deletedAt: deleted ? t + 1 : null }),
      ...(deleted && { deletedAt: t + 1 }),
    });
  }
  await db.transaction('rw', [db.articles, db.articleBodies, db.pageNotes, db.highlights], async () => {
    await db.articles.bulkAdd(articles);
    await db.articleBodies.bulkAdd(bodies);
    await db.pageNotes.bulkAdd(notes);
    await db.highlights.bulkAdd(highlights);
  });
  return { db, highlights, articles, bodies, notes };
}

/** What `searchLibrary` promises, computed from every record. */
function bruteForce(lib: Library, query: string, filters: LibraryFilters): string[] {
  const terms = queryTerms(query);
  const limit = filters.limit ?? 100;
  const kinds = new Set(filters.kinds ?? ['highlight', 'pageNote', 'article']);
  if (filters.tag !== undefined || filters.colour !== undefined) {
    kinds.delete('pageNote');
    kinds.delete('article');
  }
  const from = filters.from ?? -Infinity;
  const to = filters.to ?? Infinity;
  const host = filters.site?.replace(/^www\./, '');
  const live = new Map(lib.articles.filter((a) => a.deletedAt === null).map((a) => [a.id, a]));
  const onSite = (id: string) => live.has(id) && (host === undefined || live.get(id)!.host === host);
  const inRange = (r: { createdAt: number; deletedAt: number | null }) =>
    r.deletedAt === null && r.createdAt >= from && r.createdAt < to;
  const bodies = new Map(lib.bodies.map((b) => [b.id, b]));
  const hits = [
    ...(kinds.has('highlight') ? lib.highlights : []).filter(
      (h) =>
        inRange(h) &&
        onSite(h.articleId) &&
        matchesTerms(h.words, terms) &&
        (filters.tag === undefined || h.tags.includes(filters.tag)) &&
        (filters.colour === undefined || h.colour === filters.colour),
    ),
    ...(kinds.has('pageNote') ? lib.notes : []).filter(
      (n) => inRange(n) && onSite(n.articleId) && matchesTerms(n.words, terms),
    ),
    ...(kinds.has('article') ? lib.articles : []).filter(
      (a) =>
        inRange(a) &&
        onSite(a.id) &&
        terms.every((t) => matchesTerms(a.words, [t]) || matchesTerms(bodies.get(a.id)?.words ?? [], [t])),
    ),
  ];
  return hits
    .sort(newestFirst)
    .slice(0, limit)
    .map((r) => r.id);
}

function ids(hits: LibraryHit[]): string[] {
  return hits.map((h) =>
    h.kind === 'highlight' ? h.highlight.id : h.kind === 'pageNote' ? h.pageNote.id : h.article.id,
  );
}

// "quote" is also a tag (a highlight's tags are among its words); "w1" begins 37 filler words.
const QUERIES = [
  '',
  'common',
  'middle',
  'mid',
  'midway middle',
  'pairone pairtwo',
  'rare',
  'common middle',
  'rare common',
  'nothing',
  'quote',
  'w1',
];
const FILTERS: LibraryFilters[] = [
  {},
  { colour: 'pink' },
  { colour: 'yellow' },
  { tag: 'quote' },
  { tag: 'idea' },
  // A tag with other filters: the tag and word pairs (`tagWords`) and the rest together.
  { tag: 'quote', colour: 'pink' },
  { tag: 'quote', site: 'mid.example' },
  { tag: 'idea', from: START + 200 * DAY },
  { site: 'big.example' },
  { site: 'small.example' },
  { from: START + 100 * DAY, to: START + 130 * DAY },
  { from: START + 300 * DAY },
  { kinds: ['article'] },
  { kinds: ['pageNote', 'article'] },
];

describe.each([
  ['ids that follow time', 0],
  ['some imported ids that do not', 0.05],
])('a generated library, %s', (_, untimed) => {
  let lib: Library;
  beforeAll(async () => {
    lib = await generate(untimed === 0 ? 1 : 2, untimed);
  });

  test.each(FILTERS.map((f) => [JSON.stringify(f), f] as const))(
    'every query gives the brute-force hits, filters %s',
    async (_, filters) => {
      for (const query of QUERIES) {
        for (const limit of [3, 25, 101]) {
          const f = { ...filters, limit };
          expect(ids(await searchLibrary(lib.db, query, f)), `${JSON.stringify(query)} ${JSON.stringify(f)}`).toEqual(
            bruteForce(lib, query, f),
          );
        }
      }
    },
  );
});

describe('what each plan reads, on 4,000 highlights', () => {
  let lib: Library;
  let reads: HighlightReads;
  beforeAll(async () => {
    lib = await generate(3, 0, (db) => (reads = countHighlightReads(db)));
    // Without highlights whose article is gone: finding one runs the search again.
    const orphans = lib.articles.find((a) => a.deletedAt !== null)!;
    await lib.db.articles.update(orphans.id, { deletedAt: null });
    orphans.deletedAt = null;
  });
  const search = async (query: string, filters: LibraryFilters) => {
    reads.records = 0;
    reads.keys = 0;
    const hits = await searchLibrary(lib.db, query, filters);
    expect(ids(hits)).toEqual(bruteForce(lib, query, filters));
    return { hits: hits.length, reads: reads.records, keys: reads.keys };
  };

  test('a common word walks the newest records: about limit / share of them', async () => {
    // "common" is in 60% of highlights: a sample page, then a page sized to finish.
    const { hits, reads } = await search('common', { limit: 25, kinds: ['highlight'] });
    expect(hits).toBe(25);
    expect(reads).toBeLessThan(25 / 0.6 + 32);
  });

  test('a colour reads its keys newest first, and about as many records as it shows', async () => {
    // Pink is 12% of highlights (~480): walking would read ~200 records, reading the key set all 480.
    const { hits, reads } = await search('', { colour: 'pink', limit: 25 });
    expect(hits).toBe(25);
    expect(reads).toBeLessThan(25 + 32 + 10); // the results, the sample, a few tombstones
  });

  test('a typed prefix reads the newest keys of each word it covers', async () => {
    // "mid" begins three words, together in ~25% of highlights.
    const { hits, reads } = await search('mid', { limit: 25, kinds: ['highlight'] });
    expect(hits).toBe(25);
    expect(reads).toBeLessThan(25 + 32 + 10);
  });

  test('two words each common, rarely together, are intersected as key sets', async () => {
    // ~12% each, ~1.4% together: only the records of the intersection (and a sample) are read.
    const { hits, reads } = await search('pairone pairtwo', { limit: 101, kinds: ['highlight'] });
    expect(reads).toBeLessThan(hits + 32 + 10);
  });

  test('a word within a tag reads the keys of the pair, not of the word and the tag', async () => {
    // "middle" is in ~12% of highlights (~480 keys), the tag on ~10% (~400); both, ~50.
    const { hits, reads, keys } = await search('middle', { tag: 'quote', limit: 101 });
    expect(hits).toBeGreaterThan(20);
    expect(keys).toBeLessThan(2 * hits + 10); // the pair's keys, a few twice
    expect(reads).toBeLessThan(hits + 10); // and only the records shown (and tombstones)
  });
});

test('a highlight whose article is gone takes no place among the newest, nor moves the bound on notes', async () => {
  const clock = testClock();
  const db = testDb(clock);
  const minute = () => clock.advance(60_000);
  const live = await upsertArticle(db, { pageUrl: 'https://example.com/live', title: 'Live' });
  minute();
  const older = await addHighlight(db, { articleId: live.id, selectors: selectorsFor('older quote', 1) });
  minute();
  await setPageNote(db, live.id, 'a note between');
  minute();
  const newer = await addHighlight(db, { articleId: live.id, selectors: selectorsFor('newer quote', 2) });
  minute();
  // Its article deleted by a sync that has not yet brought the highlight's tombstone.
  const gone = await upsertArticle(db, { pageUrl: 'https://example.com/gone', title: 'Gone' });
  minute();
  await addHighlight(db, { articleId: gone.id, selectors: selectorsFor('orphaned quote', 3) });
  await db.articles.update(gone.id, { deletedAt: clock.now() });

  const hits = await searchLibrary(db, '', { limit: 3, kinds: ['highlight', 'pageNote'] });
  expect(hits.map((h) => (h.kind === 'highlight' ? h.highlight.id : h.kind))).toEqual([newer.id, 'pageNote', older.id]);
});

test('a word common long ago and rare lately is not walked to the end of time', async () => {
  // "vintage" is in every highlight of the first 2,000 and one in a hundred of the last
  // 2,000: its oldest keys say "common", the newest records say otherwise.
  const clock = testClock();
  const db = testDb(clock);
  const reads = countHighlightReads(db);
  const article = await upsertArticle(db, { pageUrl: 'https://example.com/old', title: 'Old' });
  const rows = Array.from({ length: 4_000 }, (_, i) =>
    storedHighlight(article.id, {
      quote: i < 2_000 || i % 100 === 0 ? `vintage entry ${i}` : `modern entry ${i}`,
      createdAt: clock.now() + 1000 + i * 60_000,
      position: i,
    }),
  );
  await addHighlightRows(db, rows);
  reads.records = 0;
  const hits = await searchLibrary(db, 'vintage', { limit: 25, kinds: ['highlight'] });
  const expected = rows
    .filter((r) => r.quote.startsWith('vintage'))
    .sort(newestFirst)
    .slice(0, 25);
  expect(hits.map((h) => (h.kind === 'highlight' ? h.highlight.quote : ''))).toEqual(expected.map((r) => r.quote));
  // The 20 from the last 2,000, then 5 from the rest: not 2,000 records walked.
  expect(reads.records).toBeLessThan(200);
});
