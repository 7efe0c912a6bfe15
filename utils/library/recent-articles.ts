/**
 * The library's plain list (nothing searched, nothing filtered): the newest
 * articles, each with its highlights in reading order and its page note. Read a
 * page of articles at a time: a library of thousands of articles and a hundred
 * thousand highlights must open as fast as one of ten.
 */
import type { ArticleRecord, HighlightRecord, MarginDb, PageNoteRecord } from '@/utils/db';

/** One article as the list shows it. */
export interface ArticleEntry {
  article: ArticleRecord;
  /** Live highlights in reading order. */
  highlights: HighlightRecord[];
  pageNote: PageNoteRecord | null;
}

/** A page of the list. */
export interface RecentArticles {
  entries: ArticleEntry[];
  /** More articles exist past this page. */
  more: boolean;
}

/**
 * The newest live articles (by when they were first saved), with their annotations.
 * @param limit - articles to return
 */
export async function recentArticles(db: MarginDb, limit: number): Promise<RecentArticles> {
  return db.transaction('r', [db.articles, db.highlights, db.pageNotes], async () => {
    // One past the page tells whether there is a next one without counting the table.
    const articles = await db.articles
      .orderBy('createdAt')
      .reverse()
      .filter((a) => a.deletedAt === null)
      .limit(limit + 1)
      .toArray();
    const shown = articles.slice(0, limit);
    const ids = shown.map((a) => a.id);
    // One range per article, all in flight together: measured twice as fast in Chromium
    // as `anyOf`, whose cursor hops from value to value one round trip at a time.
    const [notes, ...highlightLists] = await Promise.all([
      db.pageNotes.where('articleId').anyOf(ids).toArray(),
      ...ids.map((id) => db.highlights.where('articleId').equals(id).toArray()),
    ]);
    const highlights = highlightLists.flat();
    const byArticle = new Map<string, ArticleEntry>(
      shown.map((article) => [article.id, { article, highlights: [], pageNote: null }]),
    );
    for (const h of highlights) if (h.deletedAt === null) byArticle.get(h.articleId)?.highlights.push(h);
    for (const n of notes) {
      const entry = byArticle.get(n.articleId);
      // At most one live note per article; should a sync bring in two, the older wins, as in getPageNote.
      if (entry && n.deletedAt === null && (!entry.pageNote || n.createdAt < entry.pageNote.createdAt))
        entry.pageNote = n;
    }
    for (const entry of byArticle.values()) entry.highlights.sort(readingOrder);
    return { entries: [...byArticle.values()], more: articles.length > limit };
  });
}

/** Same order as `listHighlights`: page position, then oldest first. */
function readingOrder(a: HighlightRecord, b: HighlightRecord): number {
  return a.position - b.position || a.createdAt - b.createdAt || (a.id < b.id ? -1 : 1);
}

/** Hosts of live articles, sorted: the choices of the site filter. */
export async function libraryHosts(db: MarginDb): Promise<string[]> {
  // The host index gives each host once; a host whose only articles were deleted is
  // dropped by checking one article per host, not every article.
  const hosts = (await db.articles.orderBy('host').uniqueKeys()) as string[];
  const live = await Promise.all(
    hosts.map((host) =>
      db.articles
        .where('host')
        .equals(host)
        .filter((a) => a.deletedAt === null)
        .first(),
    ),
  );
  return hosts.filter((host, i) => host !== '' && live[i] !== undefined).sort();
}
