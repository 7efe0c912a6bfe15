/**
 * Records as the database stores them, built from records as a file holds them:
 * only the fields the schema knows (a stray property in a W3C import's records is
 * not carried into the database), tag names normalized. Derived fields (`host`,
 * search words) come last, from `withDerivedFields` (`utils/db/derived-fields.ts`),
 * and only for records actually written: comparing a file against the database never
 * needs them, and a re-import of an unchanged library writes nothing. A file's own
 * `words` or `host` are never read.
 */
import type {
  BackupArticle,
  BackupArticleBody,
  BackupHighlight,
  BackupPageNote,
  BackupTag,
  TableName,
} from '@/utils/backup/backup-format';
import type { SyncFields } from '@/utils/db/schema';
import type { UnderivedRecords } from '@/utils/db/derived-fields';
import { normalizeTagName, normalizeTagNames } from '@/utils/db/tags';

/** A record as it will be stored, before its derived fields are computed (`withDerivedFields`). */
export type ImportedRecords = UnderivedRecords;

function syncFields(r: SyncFields): SyncFields {
  return {
    id: r.id,
    createdAt: r.createdAt,
    updatedAt: r.updatedAt,
    deletedAt: r.deletedAt,
    ...(r.deviceId !== undefined && { deviceId: r.deviceId }),
  };
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
    published: a.published,
    lang: a.lang,
    savedAt: a.savedAt,
    readingStatus: a.readingStatus,
    favourite: a.favourite,
    progress: a.progress,
    resumeQuote: a.resumeQuote,
    listedAt: a.listedAt,
    articleTags: normalizeTagNames(a.articleTags),
    readingMinutes: a.readingMinutes,
  };
}

/** @param id - the article it belongs to here (an import may have remapped it) */
export function importedArticleBody(b: BackupArticleBody, id: string = b.id): ImportedRecords['articleBodies'] {
  return { ...syncFields(b), id, html: b.html, text: b.text, fallback: b.fallback ?? null };
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
