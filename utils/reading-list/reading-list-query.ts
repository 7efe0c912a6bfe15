/**
 * The reading list's filter and order, pure: which listed articles a view shows and in
 * what order. Unread first, then being read, then archived; within each, the most
 * recently listed first (a tie broken by id, so every render agrees). Filters: state,
 * site (host, as the library's site filter reads it), one of the article's own tags, a
 * favourite, and a range of the date saved (`[from, to)` epoch ms, as
 * `utils/library/day-range.ts` gives it).
 */
import { siteHost } from '@/utils/db/search-library';
import type { ArticleRecord, ReadingStatus } from '@/utils/db/schema';
import { normalizeTagName } from '@/utils/db/tags';

/** The fields the list reads of an article. */
export type ListedArticle = Pick<
  ArticleRecord,
  'id' | 'deletedAt' | 'host' | 'readingStatus' | 'favourite' | 'listedAt' | 'articleTags'
>;

/** What a reading-list view narrows to; an absent field does not narrow. */
export interface ReadingListFilter {
  /** Only these states (empty or absent: all three). */
  states?: readonly ReadingStatus[];
  /** A host as the user typed it (`https://www.Example.com/` is `example.com`). */
  site?: string;
  /** One of the article's own tags, in any case or spelling `normalizeTagName` folds. */
  tag?: string;
  /** Only starred ones. */
  favourite?: boolean;
  /** Listed at or after (epoch ms). */
  from?: number;
  /** Listed before (epoch ms). */
  to?: number;
}

/** The order of the states on the list: what is waiting to be read comes first. */
export const STATE_ORDER: readonly ReadingStatus[] = ['unread', 'reading', 'archived'];

/** Whether an article is live and on the reading list. */
export function onReadingList(a: Pick<ArticleRecord, 'deletedAt' | 'readingStatus'>): boolean {
  return a.deletedAt === null && a.readingStatus !== null;
}

/** Sort order: unread, reading, archived; newest `listedAt` first within each; then by id. */
export function compareReadingList(a: ListedArticle, b: ListedArticle): number {
  const rank = (x: ListedArticle) =>
    x.readingStatus === null ? STATE_ORDER.length : STATE_ORDER.indexOf(x.readingStatus);
  return rank(a) - rank(b) || (b.listedAt ?? 0) - (a.listedAt ?? 0) || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
}

/**
 * The reading list as a view shows it.
 * @param articles - any articles (deleted ones and ones not on the list are left out)
 * @return a new array, sorted by `compareReadingList`
 */
export function queryReadingList<T extends ListedArticle>(articles: readonly T[], filter: ReadingListFilter = {}): T[] {
  const states = filter.states && filter.states.length > 0 ? new Set(filter.states) : null;
  const host = filter.site?.trim() ? siteHost(filter.site) : undefined;
  const tag = filter.tag?.trim() ? normalizeTagName(filter.tag) : undefined;
  return articles
    .filter(
      (a) =>
        onReadingList(a) &&
        (states === null || states.has(a.readingStatus!)) &&
        (host === undefined || a.host.replace(/^www\./, '') === host) &&
        (tag === undefined || a.articleTags.includes(tag)) &&
        (!filter.favourite || a.favourite) &&
        (filter.from === undefined || (a.listedAt ?? 0) >= filter.from) &&
        (filter.to === undefined || (a.listedAt ?? 0) < filter.to),
    )
    .sort(compareReadingList);
}

/** How many live articles are on the list as `unread`: the toolbar badge's "unread" count. */
export function countUnread(articles: readonly Pick<ArticleRecord, 'deletedAt' | 'readingStatus'>[]): number {
  let n = 0;
  for (const a of articles) if (a.deletedAt === null && a.readingStatus === 'unread') n++;
  return n;
}

/** The sites (hosts) and tags of the listed articles, for a view's filter choices; each sorted. */
export function readingListFacets(articles: readonly ListedArticle[]): { sites: string[]; tags: string[] } {
  const sites = new Set<string>();
  const tags = new Set<string>();
  for (const a of articles) {
    if (!onReadingList(a)) continue;
    if (a.host) sites.add(a.host.replace(/^www\./, ''));
    for (const t of a.articleTags) tags.add(t);
  }
  return { sites: [...sites].sort(), tags: [...tags].sort() };
}
