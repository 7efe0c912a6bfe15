/**
 * The reading list's rows: the listed articles read from the database, and the form's
 * filter fields (strings, '' for "any") turned into the query of
 * `utils/reading-list/reading-list-query.ts`, which orders and filters them.
 */
import type { MarginDb } from '@/utils/db';
import type { ArticleRecord } from '@/utils/db/schema';
import { dayRangeBounds } from '@/utils/library/day-range';

/** The filter form's fields; '' means not filtered on. */
export interface ReadingFilterState {
  /** A state, or 'favourite' for the starred ones of any state. */
  status: '' | 'unread' | 'reading' | 'archived' | 'favourite';
  site: string;
  tag: string;
  /** 'YYYY-MM-DD', first day saved included. */
  from: string;
  /** 'YYYY-MM-DD', last day saved included. */
  to: string;
}

export const NO_READING_FILTERS: Readonly<ReadingFilterState> = Object.freeze({
  status: '',
  site: '',
  tag: '',
  from: '',
  to: '',
});

/** Every live article on the reading list (the `listedAt` index holds only those: IndexedDB does not index null). */
export async function listedArticles(db: MarginDb): Promise<ArticleRecord[]> {
  const rows = await db.articles.where('listedAt').above(0).toArray();
  return rows.filter((a) => a.deletedAt === null && a.readingStatus != null);
}

const STATUS_ORDER = { unread: 0, reading: 1, archived: 2 } as const;

/** The rows shown for these filters, in list order. */
export function readingListRows(articles: readonly ArticleRecord[], filters: ReadingFilterState): ArticleRecord[] {
  const { from, to } = dayRangeBounds(filters.from, filters.to);
  const site = filters.site.trim();
  const tag = filters.tag.trim();
  return articles
    .filter((a) => {
      if (filters.status === 'favourite' ? !a.favourite : filters.status && a.readingStatus !== filters.status)
        return false;
      if (site && a.host !== site) return false;
      if (tag && !a.articleTags.includes(tag)) return false;
      const saved = a.listedAt ?? 0;
      return (from === undefined || saved >= from) && (to === undefined || saved < to);
    })
    .sort(
      (a, b) =>
        STATUS_ORDER[a.readingStatus ?? 'unread'] - STATUS_ORDER[b.readingStatus ?? 'unread'] ||
        (b.listedAt ?? 0) - (a.listedAt ?? 0),
    );
}

/** Sites and tags of the listed articles, for the filter menus. */
export function filterChoices(articles: readonly ArticleRecord[]): { sites: string[]; tags: string[] } {
  const sites = new Set<string>();
  const tags = new Set<string>();
  for (const a of articles) {
    if (a.host) sites.add(a.host);
    for (const t of a.articleTags) tags.add(t);
  }
  const sorted = (s: Set<string>) => [...s].sort((x, y) => x.localeCompare(y));
  return { sites: sorted(sites), tags: sorted(tags) };
}
