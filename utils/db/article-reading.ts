/**
 * Writing an article's reading-list fields: one read-modify-write in a transaction,
 * with the decision (which fields change) made by the caller from the stored record,
 * so two messages racing cannot each decide from a stale copy. Writes only a real
 * change: a progress report that says what is stored already is no edit for sync.
 */
import { withDerivedFields } from './derived-fields';
import type { MarginDb } from './margin-db';
import type { ReadingFields } from './reading-fields';
import { touchStamps } from './record-stamps';
import type { ArticleRecord } from './schema';
import { ensureTags } from './tags';
import { writeTransaction } from './write-transaction';

/**
 * Changes the reading-list fields of a live article.
 * @param decide - the fields to change given the stored article; null or {} writes nothing
 * @return the article as stored afterwards and whether it was written; null if there is no live article `id`
 * @throws StorageFullError if storage is full; nothing was written
 */
export async function patchArticleReading(
  db: MarginDb,
  id: string,
  decide: (article: ArticleRecord) => Partial<ReadingFields> | null,
): Promise<{ article: ArticleRecord; written: boolean } | null> {
  return writeTransaction(db, [db.articles, db.tags], async () => {
    const article = await db.articles.get(id);
    if (!article || article.deletedAt !== null) return null;
    const patch = decide(article);
    if (!patch || Object.keys(patch).length === 0) return { article, written: false };
    const next = withDerivedFields('articles', { ...article, ...patch, ...touchStamps(db, article) });
    if (patch.articleTags) await ensureTags(db, patch.articleTags);
    await db.articles.put(next);
    return { article: next, written: true };
  });
}
