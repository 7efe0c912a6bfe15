/**
 * Reads what the export formats need from the database, once: live articles with
 * their saved copy, highlights in page order and page note, and the live tags.
 * Everything is read in one transaction, so an export never mixes two states of
 * an article that is being edited in another tab.
 */
import { getArticle, getPageNote, getSavedCopy, listHighlights, listTags, type MarginDb } from '@/utils/db';
import type { ArticleRecord } from '@/utils/db/schema';
import type { ExportArticle, ExportData } from './export-data';

export interface CollectOptions {
  /** Only these articles, in this order; unknown or deleted ids are skipped. Default: every live article, oldest first. */
  articleIds?: readonly string[];
  /** Epoch ms written as `exportedAt` (the citations' "accessed" date). Default: the database's clock. */
  now?: number;
  /**
   * Whether to read each article's saved offline copy. Default true; formats that
   * never show it (Markdown, CSV, citations) can pass false to spare reading every
   * article's HTML.
   */
  bodies?: boolean;
  /**
   * Called after each chunk of articles. With it, articles are read in chunks (one
   * transaction each, so each article is still consistent) and the caller can show
   * progress and cancel between chunks.
   */
  onProgress?: (done: number, total: number) => void;
  /** Cancels between chunks: the promise rejects with the signal's reason. */
  signal?: AbortSignal;
}

/** Articles per read transaction when progress is reported. */
const CHUNK = 50;

/**
 * @return the data every format in `utils/export/` renders; articles with nothing
 *   to show (no highlight, note or copy) are included too, since they were saved
 */
export async function collectExportData(db: MarginDb, options: CollectOptions = {}): Promise<ExportData> {
  const exportedAt = options.now ?? db.now();
  const withBodies = options.bodies ?? true;
  if (options.onProgress || options.signal) return collectInChunks(db, options, exportedAt, withBodies);
  return db.transaction('r', [db.articles, db.articleBodies, db.highlights, db.pageNotes, db.tags], async () => {
    const articles = await chosenArticles(db, options.articleIds);
    const collected = await Promise.all(articles.map((article) => collectArticle(db, article, withBodies)));
    return { articles: collected, tags: await listTags(db), exportedAt };
  });
}

async function chosenArticles(db: MarginDb, ids: readonly string[] | undefined): Promise<ArticleRecord[]> {
  if (ids) {
    const found = await Promise.all([...new Set(ids)].map((id) => getArticle(db, id)));
    return found.filter((a): a is ArticleRecord => a !== null);
  }
  const live = await db.articles
    .orderBy('createdAt')
    .filter((a) => a.deletedAt === null)
    .toArray();
  // createdAt ties (an import files many at once) fall back to the id: the same order every time.
  return live.sort((a, b) => a.createdAt - b.createdAt || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
}

async function collectArticle(db: MarginDb, article: ArticleRecord, withBody: boolean): Promise<ExportArticle> {
  const [body, highlights, pageNote] = await Promise.all([
    withBody ? getSavedCopy(db, article.id) : null,
    listHighlights(db, article.id),
    getPageNote(db, article.id),
  ]);
  return { article, body, highlights, pageNote };
}

async function collectInChunks(
  db: MarginDb,
  options: CollectOptions,
  exportedAt: number,
  withBodies: boolean,
): Promise<ExportData> {
  const tables = [db.articles, db.articleBodies, db.highlights, db.pageNotes, db.tags];
  const articles = await db.transaction('r', tables, () => chosenArticles(db, options.articleIds));
  const collected: ExportArticle[] = [];
  options.onProgress?.(0, articles.length);
  for (let i = 0; i < articles.length; i += CHUNK) {
    options.signal?.throwIfAborted();
    const chunk = articles.slice(i, i + CHUNK);
    collected.push(
      ...(await db.transaction('r', tables, () => Promise.all(chunk.map((a) => collectArticle(db, a, withBodies))))),
    );
    options.onProgress?.(collected.length, articles.length);
  }
  options.signal?.throwIfAborted();
  return { articles: collected, tags: await listTags(db), exportedAt };
}
