/**
 * What the offline reader page needs about one article, read in one transaction so
 * the copy and its highlights agree: the article, its saved copy, its highlights.
 */
import {
  getArticle,
  getSavedCopy,
  listHighlights,
  type ArticleBodyRecord,
  type ArticleRecord,
  type HighlightRecord,
  type MarginDb,
} from '@/utils/db';

export type OfflineCopy =
  | { status: 'no-article' }
  | { status: 'no-copy'; article: ArticleRecord }
  | { status: 'ready'; article: ArticleRecord; body: ArticleBodyRecord; highlights: HighlightRecord[] };

/**
 * @param articleId - from the page's `?article=` parameter; null or empty finds nothing
 */
export async function loadOfflineCopy(db: MarginDb, articleId: string | null): Promise<OfflineCopy> {
  if (!articleId) return { status: 'no-article' };
  return db.transaction('r', [db.articles, db.articleBodies, db.highlights], async () => {
    const article = await getArticle(db, articleId);
    if (!article) return { status: 'no-article' } as const;
    const [body, highlights] = await Promise.all([getSavedCopy(db, articleId), listHighlights(db, articleId)]);
    if (!body) return { status: 'no-copy', article } as const;
    return { status: 'ready', article, body, highlights } as const;
  });
}
