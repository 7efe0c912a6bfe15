/**
 * Records as the database stores them, built from records as a file holds them:
 * only the fields the schema knows (a stray property in a W3C import's records is
 * not carried into the database), tag names normalized, `host` derived from `url`.
 * Search words come last, from `withSearchWords`, and only for records actually
 * written: comparing a file against the database never needs them, and a re-import
 * of an unchanged library writes nothing. A file's own `words` are never read.
 */
import type { BackupArticle, BackupArticleBody, BackupHighlight, BackupPageNote, BackupTag, TableName } from '@/utils/backup/backup-format';
import type { ArticleBodyRecord, ArticleRecord, HighlightRecord, PageNoteRecord, SyncFields, TagRecord } from '@/utils/db/schema';
import { articleWords, highlightSearchFields, tokenize } from '@/utils/db/search-words';
import { normalizeTagName, normalizeTagNames } from '@/utils/db/tags';

/** Each table's stored record type. */
export interface StoredRecords {
  articles: ArticleRecord;
  articleBodies: ArticleBodyRecord;
  highlights: HighlightRecord;
  pageNotes: PageNoteRecord;
  tags: TagRecord;
}

/** A record as it will be stored, before its search words are computed. */
export type ImportedRecords = { [T in TableName]: Omit<StoredRecords[T], 'words' | 'tagWords' | 'siteWords'> };

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

export function importedArticle(a: BackupArticle): ImportedRecords['articles'] {
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
  };
}

/** @param id - the article it belongs to here (an import may have remapped it) */
export function importedArticleBody(b: BackupArticleBody, id: string = b.id): ImportedRecords['articleBodies'] {
  return { ...syncFields(b), id, html: b.html, text: b.text };
}

/** @param articleId - the article it belongs to here */
export function importedHighlight(h: BackupHighlight, articleId: string = h.articleId): ImportedRecords['highlights'] {
  return {
    ...syncFields(h),
    articleId,
    selectors: h.selectors,
    quote: h.quote,
    colour: h.colour,
    note: h.note,
    tags: normalizeTagNames(h.tags),
    position: h.position,
    anchor: h.anchor,
  };
}

/** @param articleId - the article it belongs to here */
export function importedPageNote(n: BackupPageNote, articleId: string = n.articleId): ImportedRecords['pageNotes'] {
  return { ...syncFields(n), articleId, text: n.text };
}

/** @return a tag whose `name` is '' when nothing is left of it after normalizing */
export function importedTag(t: BackupTag): ImportedRecords['tags'] {
  return { ...syncFields(t), name: normalizeTagName(t.name), colour: t.colour };
}

// The same rules as the repositories' writes: tombstones leave the search index,
// except articles, whose words the repositories and the v2 upgrade always fill.
const SEARCH_WORDS: { [T in TableName]: (r: ImportedRecords[T]) => StoredRecords[T] } = {
  articles: (a) => ({ ...a, words: articleWords(a) }),
  articleBodies: (b) => ({ ...b, words: b.deletedAt === null ? tokenize(b.text) : [] }),
  highlights: (h) => ({ ...h, ...highlightSearchFields(h) }),
  pageNotes: (n) => ({ ...n, words: n.deletedAt === null ? tokenize(n.text) : [] }),
  tags: (t) => t,
};

/** The record with its search words computed, ready to store. */
export function withSearchWords<T extends TableName>(table: T, record: ImportedRecords[T]): StoredRecords[T] {
  return (SEARCH_WORDS[table] as (r: ImportedRecords[T]) => StoredRecords[T])(record);
}
