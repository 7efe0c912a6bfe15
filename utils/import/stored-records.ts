/**
 * Records as the database stores them, built from records as a file holds them:
 * only the fields the schema knows (a stray property in a W3C import's records is
 * not carried into the database), tag names normalized, and the derived fields
 * (`words`, `host`) recomputed by the functions the repositories use. A file's own
 * `words`, if it has any, are never read.
 */
import type { BackupArticle, BackupArticleBody, BackupHighlight, BackupPageNote, BackupTag, TableName } from '@/utils/backup/backup-format';
import type { ArticleBodyRecord, ArticleRecord, HighlightRecord, PageNoteRecord, SyncFields, TagRecord } from '@/utils/db/schema';
import { articleWords, highlightWords, tokenize } from '@/utils/db/search-words';
import { normalizeTagName, normalizeTagNames } from '@/utils/db/tags';

/** Each table's stored record type. */
export interface StoredRecords {
  articles: ArticleRecord;
  articleBodies: ArticleBodyRecord;
  highlights: HighlightRecord;
  pageNotes: PageNoteRecord;
  tags: TagRecord;
}
export type StoredRecord = StoredRecords[TableName];

function syncFields(r: SyncFields): SyncFields {
  return {
    id: r.id,
    createdAt: r.createdAt,
    updatedAt: r.updatedAt,
    deletedAt: r.deletedAt,
    ...(r.deviceId !== undefined && { deviceId: r.deviceId }),
  };
}

/** `host` as the database derives it; '' for a key that is not a URL (as the v2 upgrade does). */
export function hostOf(url: string): string {
  try {
    return new URL(url).hostname;
  } catch {
    return '';
  }
}

export function storedArticle(a: BackupArticle): ArticleRecord {
  return {
    ...syncFields(a),
    url: a.url,
    urls: a.urls,
    pageUrl: a.pageUrl,
    canonicalUrl: a.canonicalUrl,
    title: a.title,
    author: a.author,
    site: a.site,
    host: hostOf(a.url),
    published: a.published,
    lang: a.lang,
    savedAt: a.savedAt,
    words: articleWords(a),
  };
}

/** @param id - the article it belongs to here (an import may have remapped it) */
export function storedArticleBody(b: BackupArticleBody, id: string = b.id): ArticleBodyRecord {
  return { ...syncFields(b), id, html: b.html, text: b.text, words: b.deletedAt === null ? tokenize(b.text) : [] };
}

/** @param articleId - the article it belongs to here */
export function storedHighlight(h: BackupHighlight, articleId: string = h.articleId): HighlightRecord {
  const fields = {
    articleId,
    selectors: h.selectors,
    quote: h.quote,
    colour: h.colour,
    note: h.note,
    tags: normalizeTagNames(h.tags),
    position: h.position,
    anchor: h.anchor,
  };
  return { ...syncFields(h), ...fields, words: h.deletedAt === null ? highlightWords(fields) : [] };
}

/** @param articleId - the article it belongs to here */
export function storedPageNote(n: BackupPageNote, articleId: string = n.articleId): PageNoteRecord {
  return { ...syncFields(n), articleId, text: n.text, words: n.deletedAt === null ? tokenize(n.text) : [] };
}

/** @return a tag whose `name` is '' when nothing is left of it after normalizing */
export function storedTag(t: BackupTag): TagRecord {
  return { ...syncFields(t), name: normalizeTagName(t.name), colour: t.colour };
}
