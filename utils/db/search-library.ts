/**
 * Library search: full text over highlight quotes, notes and tags, page notes,
 * article titles, authors and sites, and the text of saved articles, with filters.
 *
 * Index: every searchable record carries `words` (`search-words.ts`), a multiEntry
 * index written by each write in the same transaction and emptied on a tombstone. A
 * term `t` is one index range (`words` in [t, t + '\uffff')), read as primary keys;
 * terms AND by intersecting key sets. Tag, colour and site filters have indexes too
 * (`*tags`, `colour`, `host` then `articleId`). `search-plan.ts` decides, per table,
 * which of these ranges to read and when walking newest first is cheaper; its header
 * gives the cost. The aim: a query reads index keys and only the records it shows.
 */
import type { Table } from 'dexie';
import type { MarginDb } from './margin-db';
import type { ArticleRecord, HighlightColour, HighlightRecord, PageNoteRecord, SyncFields } from './schema';
import { newestFirst, newestMatching, rangeSource, unionSource, type KeySource } from './search-plan';
import { matchesTerms, queryTerms } from './search-words';
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

  return db.transaction('r', [db.articles, db.articleBodies, db.highlights, db.pageNotes], async () => {
    const siteIds = filters.site === undefined ? null : await articleIdsOnHost(db, filters.site);
    if (siteIds?.size === 0) return [];
    const onSite = (articleId: string) => siteIds === null || siteIds.has(articleId);
    const common = (r: SyncFields) => r.deletedAt === null && r.createdAt >= from && r.createdAt < to;
    const bounds = { from, to, limit };

    const highlightSearch = kinds.has('highlight')
      ? newestMatching(
          db.highlights,
          [
            ...termSources([db.highlights], terms),
            ...(tag !== undefined ? [rangeSource(db.highlights.where('tags').equals(tag))] : []),
            ...(colour !== undefined ? [rangeSource(db.highlights.where('colour').equals(colour))] : []),
            ...(siteIds ? [byArticle(db.highlights, siteIds)] : []),
          ],
          (h) =>
            common(h) &&
            onSite(h.articleId) &&
            matchesTerms(h.words, terms) &&
            (tag === undefined || h.tags.includes(tag)) &&
            (colour === undefined || h.colour === colour),
          bounds,
        )
      : Promise.resolve([]);
    const noteSearch = kinds.has('pageNote')
      ? newestMatching(
          db.pageNotes,
          [...termSources([db.pageNotes], terms), ...(siteIds ? [byArticle(db.pageNotes, siteIds)] : [])],
          (n) => common(n) && onSite(n.articleId) && matchesTerms(n.words, terms),
          bounds,
        )
      : Promise.resolve([]);
    const articleSearch = kinds.has('article')
      ? newestMatching(
          db.articles,
          [
            // Matched by metadata or saved text: the body's words are not on the article
            // record, so these keys must be read.
            ...termSources([db.articles, db.articleBodies], terms, true),
            ...(siteIds ? [{ count: async () => siteIds.size, keys: async () => siteIds }] : []),
          ],
          (a) => common(a) && onSite(a.id),
          bounds,
        )
      : Promise.resolve([]);
    // Searched at once: the three tables' requests queue together in the transaction.
    const [highlights, notes, articles] = await Promise.all([highlightSearch, noteSearch, articleSearch]);

    const owners = await liveArticles(db, [...highlights, ...notes].map((r) => r.articleId));
    const hits: LibraryHit[] = [];
    for (const highlight of highlights) {
      const article = owners.get(highlight.articleId);
      if (article) hits.push({ kind: 'highlight', highlight, article });
    }
    for (const pageNote of notes) {
      const article = owners.get(pageNote.articleId);
      if (article) hits.push({ kind: 'pageNote', pageNote, article });
    }
    for (const article of articles) hits.push({ kind: 'article', article });
    return hits.sort((a, b) => newestFirst(hitRecord(a), hitRecord(b))).slice(0, limit);
  });
}

/** A key source for the records of some articles. */
function byArticle(table: Table<HighlightRecord | PageNoteRecord, string>, articleIds: Set<string>): KeySource {
  return unionSource([...articleIds].map((id) => table.where('articleId').equals(id)));
}

/** Key sources for the query terms: one `words` range per term, across `tables`. */
function termSources(tables: Array<Table<Searchable, string>>, terms: string[], required = false): KeySource[] {
  return terms.map((term) =>
    unionSource(
      tables.map((t) => (term.length === 1 ? t.where('words').equals(term) : t.where('words').startsWith(term))),
      required,
    ),
  );
}

async function articleIdsOnHost(db: MarginDb, site: string): Promise<Set<string>> {
  let host = site.trim().toLowerCase();
  try {
    host = new URL(host.includes('://') ? host : `https://${host}`).hostname;
  } catch {
    // Not a host: matches nothing below.
  }
  host = host.replace(/^www\./, '');
  const ids = await db.articles
    .where('host')
    .equals(host)
    .filter((a) => a.deletedAt === null)
    .primaryKeys();
  return new Set(ids);
}

async function liveArticles(db: MarginDb, ids: string[]): Promise<Map<string, ArticleRecord>> {
  const unique = [...new Set(ids)];
  const rows = await db.articles.bulkGet(unique);
  const byId = new Map<string, ArticleRecord>();
  for (const a of rows) if (a && a.deletedAt === null) byId.set(a.id, a);
  return byId;
}

function hitRecord(hit: LibraryHit): SyncFields {
  return hit.kind === 'highlight' ? hit.highlight : hit.kind === 'pageNote' ? hit.pageNote : hit.article;
}
