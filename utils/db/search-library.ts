/**
 * Library search: full text over highlight quotes, notes and tags, page notes,
 * article titles, authors and sites, and the text of saved articles, with filters.
 *
 * Index: every searchable record carries `words` (`search-words.ts`), a multiEntry
 * index written by each write in the same transaction and emptied on a tombstone. A
 * term `t` is one index range (`words` in [t, t + '\uffff'), or the word itself for
 * one letter). Tag, colour, site and date filters have indexes too (`*tags`, `colour`,
 * `host` then `articleId`, `createdAt`), and a term within a tag has its own
 * (`*tagWords`: the pair is one small range where each alone is thousands of keys),
 * and so has a term on a site (`*siteWords`, v5); each is used once the backfill after
 * its upgrade has filled it (`pair-index-state.ts`). `search-plan.ts` decides, per table, which of
 * these ranges to read, and when to walk newest first instead; its header gives the
 * cost. The aim: a query reads few index keys and only the records it shows.
 *
 * Across tables: the results are the newest `limit` of all kinds, so the tables are
 * searched highlights first (most of a library), and notes and articles only back to
 * the `limit`-th highlight found: for a common word, a few hours, so a handful of
 * records. Highlights and notes are shown with their article, and one whose article
 * is gone is no result; those articles are read once, all together at the end (a
 * search that finds such a highlight runs again, checking as it reads).
 */
import type { Table, Transaction } from 'dexie';
import type { MarginDb } from './margin-db';
import type {
  ArticleBodyRecord,
  ArticleRecord,
  HighlightColour,
  HighlightRecord,
  PageNoteRecord,
  SyncFields,
} from './schema';
import { idSource, prefixSource, rangeSource, unionSource, type KeySource } from './search-key-sources';
import { newestMatching } from './search-plan';
import { newestFirst } from './search-walk';
import { pairIndexComplete, SITE_WORDS_KEY, TAG_WORDS_KEY } from './pair-index-state';
import { matchesTerms, pairKey, queryTerms, siteKey } from './search-words';
import { normalizeTagName } from './tags';

/** Kinds of record a search can find. */
export type LibraryHitKind = 'highlight' | 'pageNote' | 'article';

/** One search result, with the article it belongs to for display. */
export type LibraryHit =
  | { kind: 'highlight'; highlight: HighlightRecord; article: ArticleRecord }
  | { kind: 'pageNote'; pageNote: PageNoteRecord; article: ArticleRecord }
  | { kind: 'article'; article: ArticleRecord };

/** Narrowing a search; every filter given must hold. */
export interface LibraryFilters {
  /** Only highlights with this tag (normalized like stored tags). Implies highlights only. */
  tag?: string;
  /** Only highlights of this colour. Implies highlights only. */
  colour?: HighlightColour;
  /** Only records of articles on this host (`theguardian.com`; `www.`, scheme and path ignored). */
  site?: string;
  /** Only records created at or after this time (epoch ms). */
  from?: number;
  /** Only records created before this time (epoch ms). */
  to?: number;
  /** Only these kinds; all when omitted. */
  kinds?: readonly LibraryHitKind[];
  /** Most results returned, newest first; 100 when omitted. */
  limit?: number;
}

type Searchable = SyncFields & { words: string[] };

/**
 * Searches the library. An empty query lists what the filters allow.
 * @param query - words to find; each matches words it begins, all must match
 * @return hits newest first (by creation), at most `filters.limit`; tombstones never appear
 */
export async function searchLibrary(db: MarginDb, query: string, filters: LibraryFilters = {}): Promise<LibraryHit[]> {
  const terms = queryTerms(query);
  const limit = filters.limit ?? 100;
  const kinds = new Set<LibraryHitKind>(filters.kinds ?? ['highlight', 'pageNote', 'article']);
  const tag = filters.tag === undefined ? undefined : normalizeTagName(filters.tag);
  const colour = filters.colour;
  if (tag !== undefined || colour !== undefined) {
    kinds.delete('pageNote');
    kinds.delete('article');
  }
  const from = filters.from ?? -Infinity;
  const to = filters.to ?? Infinity;
  if (limit <= 0 || kinds.size === 0 || from >= to) return [];
  const host = filters.site === undefined ? undefined : siteHost(filters.site);
  // A pair index only once every highlight has its pairs: until the backfill after
  // its upgrade is done, it would miss the older ones (`pair-index-state.ts`).
  const byPairs = terms.length > 0 && kinds.has('highlight');
  const byTagWords = tag !== undefined && byPairs && (await pairIndexComplete(db, TAG_WORDS_KEY));
  const bySiteWords = host !== undefined && byPairs && (await pairIndexComplete(db, SITE_WORDS_KEY));

  return db.transaction('r', [db.articles, db.articleBodies, db.highlights, db.pageNotes], async (tx: Transaction) => {
    const t = boundTables(db, tx);
    // The site's article ids, keys only: a site read often has hundreds of articles,
    // and only those of the results are read, with the other results' (`hasOwner`).
    // A deleted one among them is no owner there either.
    const siteIds = host === undefined ? null : new Set(await t.articles.where('host').equals(host).primaryKeys());
    if (siteIds?.size === 0) return [];
    const onSite = (articleId: string) => siteIds === null || siteIds.has(articleId);
    const common = (r: SyncFields) => r.deletedAt === null && r.createdAt >= from && r.createdAt < to;
    // A highlight or page note is shown with its article: one whose article is gone
    // (a sync half done) is not a result. Each article is read once, for the results' use too.
    const owners = new Map<string, ArticleRecord | null>();
    const hasOwner = async (records: Array<HighlightRecord | PageNoteRecord>) => {
      const ids = [...new Set(records.map((r) => r.articleId))].filter((id) => !owners.has(id));
      if (ids.length > 0) {
        const rows = await t.articles.bulkGet(ids);
        for (const [i, id] of ids.entries()) owners.set(id, rows[i]?.deletedAt === null ? rows[i]! : null);
      }
      return records.map((r) => owners.get(r.articleId) != null);
    };

    // Each table searched for its newest `limit`, highlights first: the newest `limit`
    // of everything are the results, so the other kinds need only what is newer than
    // the `limit`-th highlight. Highlights are most of a library: that usually leaves a
    // few days of notes and articles to search.
    const searchAll = async (checkOwnersFirst: boolean) => {
      const highlights = kinds.has('highlight')
        ? await newestMatching(
            t.highlights,
            [
              ...windowSource(t.highlights, from, to),
              // A pair index stands in for the term's own source, and for its tag's or site's.
              ...(byTagWords ? pairTermSources(t.highlights, 'tagWords', tag, terms, (h) => h.tags.includes(tag)) : []),
              ...(bySiteWords
                ? pairTermSources(t.highlights, 'siteWords', siteKey(host), terms, (h) => onSite(h.articleId))
                : []),
              ...(!byTagWords && !bySiteWords ? termSources(t.highlights, terms) : []),
              ...(tag !== undefined && !byTagWords
                ? [
                    rangeSource(
                      () => t.highlights.where('tags').equals(tag),
                      (h) => h.tags.includes(tag),
                      true,
                    ),
                  ]
                : []),
              ...(colour !== undefined
                ? [
                    rangeSource(
                      () => t.highlights.where('colour').equals(colour),
                      (h) => h.colour === colour,
                      true,
                    ),
                  ]
                : []),
              ...(bySiteWords ? [] : siteSource(t.highlights, siteIds)),
            ],
            (h) => common(h) && onSite(h.articleId),
            { from, to, limit },
            checkOwnersFirst ? hasOwner : undefined,
          )
        : [];
      const since = highlights.length >= limit ? Math.max(from, highlights[limit - 1]!.createdAt) : from;
      const bounds = { from: since, to, limit };
      const noteSearch = kinds.has('pageNote')
        ? newestMatching(
            t.pageNotes,
            [
              ...windowSource(t.pageNotes, since, to),
              ...termSources(t.pageNotes, terms),
              ...siteSource(t.pageNotes, siteIds),
            ],
            (n) => common(n) && n.createdAt >= since && onSite(n.articleId),
            bounds,
            hasOwner, // few: their articles are read as they are found
          )
        : Promise.resolve([]);
      const articleSearch = kinds.has('article')
        ? newestMatching(
            t.articles,
            [
              ...windowSource(t.articles, since, to),
              ...articleTermSources(t, terms),
              ...(siteIds ? [idSource<ArticleRecord>(siteIds, (a) => onSite(a.id))] : []),
            ],
            (a) => common(a) && a.createdAt >= since && onSite(a.id),
            bounds,
          )
        : Promise.resolve([]);
      // At once: the requests of the three queue together in the transaction.
      const [, notes, articles] = await Promise.all([hasOwner(highlights), noteSearch, articleSearch]);
      return { highlights, notes, articles };
    };
    // Highlights' articles are checked after the search, all at once: a highlight whose
    // article is gone is rare, and when there is one the search runs again checking
    // each page it reads, so that the `limit` shown are the newest with an article.
    let found = await searchAll(false);
    if (found.highlights.some((h) => !owners.get(h.articleId))) found = await searchAll(true);

    const hits: LibraryHit[] = [];
    for (const highlight of found.highlights)
      hits.push({ kind: 'highlight', highlight, article: owners.get(highlight.articleId)! });
    for (const pageNote of found.notes)
      hits.push({ kind: 'pageNote', pageNote, article: owners.get(pageNote.articleId)! });
    for (const article of found.articles) hits.push({ kind: 'article', article });
    return hits.sort((a, b) => newestFirst(hitRecord(a), hitRecord(b))).slice(0, limit);
  });
}

/** The tables a search reads. */
type SearchTables = Pick<MarginDb, 'articles' | 'articleBodies' | 'highlights' | 'pageNotes'>;

/**
 * The tables, bound to the search's transaction. Dexie finds the transaction of a
 * call through a zone that follows its own promises; a search's native promises
 * (`Promise.all`, async functions) can leave it, and a read outside the zone would
 * start a transaction of its own and let this one end early. Bound tables keep every
 * read in the one transaction, whatever the zone.
 */
function boundTables(db: MarginDb, tx: Transaction): SearchTables {
  const table = <K extends keyof SearchTables>(name: K) => tx.table(db[name].name) as unknown as SearchTables[K];
  return {
    articles: table('articles'),
    articleBodies: table('articleBodies'),
    highlights: table('highlights'),
    pageNotes: table('pageNotes'),
  };
}

/** Most articles a site filter reads the records of by article; more are checked on the records. */
const SITE_RANGES = 8;

/**
 * A key source for the date range, when there is one. It pays when the range is
 * narrow (the hours since the `limit`-th highlight of a common word hold a note or
 * two, a few articles): a small probe says whether it is.
 */
function windowSource<T extends SyncFields>(table: Table<T, string>, from: number, to: number): Array<KeySource<T>> {
  if (from === -Infinity && to === Infinity) return [];
  const source = rangeSource(
    () => table.where('createdAt').between(from, to, true, false),
    (r) => r.createdAt >= from && r.createdAt < to,
  );
  return [{ ...source, probe: 16, dateRange: true }];
}

/**
 * A key source for the records of a site's articles: one range per article, so only
 * for a site with few; a site with many (a fifth of a library) is a condition checked
 * on records, as its key set would cost more to read than the records it rules out.
 */
function siteSource<T extends HighlightRecord | PageNoteRecord>(
  table: Table<T, string>,
  siteIds: Set<string> | null,
): Array<KeySource<T>> {
  if (siteIds === null || siteIds.size > SITE_RANGES) return [];
  const ranges = [...siteIds].map((id) => rangeSource(() => table.where('articleId').equals(id), undefined));
  return [unionSource<T>(ranges, { test: (r) => siteIds.has(r.articleId) })];
}

/** Key sources for the query terms: one `words` range per term. */
function termSources<T extends Searchable>(table: Table<T, string>, terms: string[]): Array<KeySource<T>> {
  return terms.map((term) =>
    term.length === 1
      ? rangeSource(
          () => table.where('words').equals(term),
          (r) => matchesTerms(r.words, [term]),
          true,
        )
      : prefixSource(table, 'words', term, (r) => matchesTerms(r.words, [term])),
  );
}

/**
 * Key sources for the query terms within a tag or on a site: one range of a pair
 * index per term (`tagWords`, `siteWords`), which holds just the highlights with both
 * (often a few dozen, where the word's and the tag's or site's own ranges hold
 * thousands each). They stand in for the terms' own sources and the tag's or site's:
 * every condition of those is in theirs.
 * @param within - the tag's or site's own condition on a highlight
 */
function pairTermSources(
  table: Table<HighlightRecord, string>,
  index: 'tagWords' | 'siteWords',
  scope: string,
  terms: string[],
  within: (h: HighlightRecord) => boolean,
): Array<KeySource<HighlightRecord>> {
  return terms.map((term) => {
    const test = (h: HighlightRecord) => within(h) && matchesTerms(h.words, [term]);
    const key = pairKey(scope, term);
    if (term.length === 1) return rangeSource(() => table.where(index).equals(key), test, true);
    // A pair's range is usually small, if not always under a plain probe's 64 keys:
    // probed with more, it is read whole in one request, not a probe and a second read.
    return { ...prefixSource(table, index, key, test), probe: PAIR_PROBE };
  });
}

/** Keys a probe of a pair index reads (a word on a big site: ~150 on 100,000 highlights). */
const PAIR_PROBE = 256;

/**
 * Key sources for the query terms on articles: a term matches an article's metadata
 * or its saved text. The text's words are on its body record, not the article, so
 * checking an article that the metadata does not match reads its body.
 */
function articleTermSources(db: SearchTables, terms: string[]): Array<KeySource<ArticleRecord>> {
  const bodies = new Map<string, ArticleBodyRecord | null>();
  const range = (table: Table<Searchable, string>, term: string) =>
    term.length === 1 ? () => table.where('words').equals(term) : () => table.where('words').startsWith(term);
  return terms.map((term) =>
    unionSource<ArticleRecord>(
      [rangeSource(range(db.articles, term), undefined), rangeSource(range(db.articleBodies, term), undefined)],
      {
        check: async (articles) => {
          const ids = articles.filter((a) => !matchesTerms(a.words, [term]) && !bodies.has(a.id)).map((a) => a.id);
          if (ids.length > 0)
            for (const [i, b] of (await db.articleBodies.bulkGet(ids)).entries()) bodies.set(ids[i]!, b ?? null);
          return articles.map(
            (a) => matchesTerms(a.words, [term]) || matchesTerms(bodies.get(a.id)?.words ?? [], [term]),
          );
        },
      },
    ),
  );
}

/** A site as articles store their host, however it was typed (`https://www.Example.com/` → `example.com`). */
export function siteHost(site: string): string {
  let host = site.trim().toLowerCase();
  try {
    host = new URL(host.includes('://') ? host : `https://${host}`).hostname;
  } catch {
    // Not a host: matches nothing.
  }
  return host.replace(/^www\./, '');
}

function hitRecord(hit: LibraryHit): SyncFields {
  return hit.kind === 'highlight' ? hit.highlight : hit.kind === 'pageNote' ? hit.pageNote : hit.article;
}
