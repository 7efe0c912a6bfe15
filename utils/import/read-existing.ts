/**
 * The database's copies of the records an import brings, read in chunks: one
 * `bulkGet` of a million keys would build a million-entry request and result at
 * once; chunks of a thousand keep each request small while staying as fast.
 * Call inside a transaction over the tables read.
 */
import type { Table } from 'dexie';
import type { MarginDb } from '@/utils/db/margin-db';
import type { ArticleRecord, PageNoteRecord, TagRecord } from '@/utils/db/schema';

const CHUNK = 1000;

/** Records with these ids, by id; missing ids are simply absent. */
export async function getByIds<R extends { id: string }>(
  table: Table<R, string>,
  ids: readonly string[],
): Promise<Map<string, R>> {
  const found = new Map<string, R>();
  const unique = [...new Set(ids)];
  for (let i = 0; i < unique.length; i += CHUNK) {
    for (const record of await table.bulkGet(unique.slice(i, i + CHUNK))) if (record) found.set(record.id, record);
  }
  return found;
}

/** Live articles filed under any of these URL keys, by key. */
export async function liveArticlesByUrl(db: MarginDb, keys: readonly string[]): Promise<Map<string, ArticleRecord[]>> {
  const byKey = new Map<string, ArticleRecord[]>();
  const unique = [...new Set(keys)];
  for (let i = 0; i < unique.length; i += CHUNK) {
    const chunk = unique.slice(i, i + CHUNK);
    const wanted = new Set(chunk);
    const found = await db.articles.where('urls').anyOf(chunk).distinct().toArray();
    for (const article of found) {
      if (article.deletedAt !== null) continue;
      for (const key of article.urls) {
        if (!wanted.has(key)) continue;
        const list = byKey.get(key);
        if (list) list.push(article);
        else byKey.set(key, [article]);
      }
    }
  }
  return byKey;
}

/** Each article's live page note (the oldest, as `getPageNote` reads it), by article id. */
export async function livePageNotesByArticle(
  db: MarginDb,
  articleIds: readonly string[],
): Promise<Map<string, PageNoteRecord>> {
  const byArticle = new Map<string, PageNoteRecord>();
  const unique = [...new Set(articleIds)];
  for (let i = 0; i < unique.length; i += CHUNK) {
    const notes = await db.pageNotes
      .where('articleId')
      .anyOf(unique.slice(i, i + CHUNK))
      .toArray();
    for (const note of notes) {
      if (note.deletedAt !== null) continue;
      const seen = byArticle.get(note.articleId);
      if (!seen || note.createdAt < seen.createdAt) byArticle.set(note.articleId, note);
    }
  }
  return byArticle;
}

/** Every tag row; the table holds one row per name in use, so it is small. */
export async function allTags(db: MarginDb): Promise<TagRecord[]> {
  return db.tags.toArray();
}
