/**
 * Reads of the reading list from the database: the listed articles and the unread
 * count. Both go through the v6 `readingStatus` index, which holds only listed
 * articles (IndexedDB leaves null out), so they cost the list's size, not the library's.
 * Order and filters are the pure `utils/reading-list/reading-list-query.ts`.
 */
import type { MarginDb } from './margin-db';
import { READING_STATUSES, type ArticleRecord } from './schema';

/** Every live article on the reading list, in no particular order. */
export async function listedArticles(db: Pick<MarginDb, 'articles'>): Promise<ArticleRecord[]> {
  return db.articles
    .where('readingStatus')
    .anyOf([...READING_STATUSES])
    .filter((a) => a.deletedAt === null)
    .toArray();
}

/** How many live articles are on the list as `unread` (the badge's "unread" count). */
export async function countUnreadArticles(db: Pick<MarginDb, 'articles'>): Promise<number> {
  return db.articles
    .where('readingStatus')
    .equals('unread')
    .filter((a) => a.deletedAt === null)
    .count();
}
