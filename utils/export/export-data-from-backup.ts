/**
 * The data every export format reads (`ExportData`), built from a backup's records
 * instead of a database: what lets `npm run margin -- export` convert a backup with
 * the very modules the extension exports with, without a browser. Live records only,
 * read the way the repositories read them: highlights in page order, an article's
 * oldest live page note, one tag per name (the oldest).
 */
import type { ExportArticle, ExportData } from '@/utils/export/export-data';
import type { ArticleBodyRecord, HighlightRecord, PageNoteRecord, TagRecord } from '@/utils/db/schema';
import {
  importedArticle,
  importedArticleBody,
  importedHighlight,
  importedPageNote,
  importedTag,
} from '@/utils/backup/stored-records';
import { withDerivedFields } from '@/utils/db/derived-fields';
import type { BackupRecords } from '../backup/backup-format';

/**
 * @param exportedAt - epoch ms the formats print as the export (and citation access) date
 */
export function exportDataFromBackup(records: BackupRecords, exportedAt: number): ExportData {
  const bodies = new Map<string, ArticleBodyRecord>();
  for (const b of records.articleBodies)
    if (b.deletedAt === null) bodies.set(b.id, withDerivedFields('articleBodies', importedArticleBody(b)));

  const highlights = groupBy(
    records.highlights.filter(isLive).map((h) => withDerivedFields('highlights', importedHighlight(h))),
    (h) => h.articleId,
  );
  for (const list of highlights.values()) list.sort(pageOrder);

  const notes = new Map<string, PageNoteRecord>();
  for (const n of records.pageNotes) {
    if (n.deletedAt !== null) continue;
    const seen = notes.get(n.articleId);
    if (!seen || n.createdAt < seen.createdAt)
      notes.set(n.articleId, withDerivedFields('pageNotes', importedPageNote(n)));
  }

  const articles: ExportArticle[] = records.articles
    .filter(isLive)
    .map((a) => withDerivedFields('articles', importedArticle(a)))
    .sort((a, b) => a.createdAt - b.createdAt || compareIds(a.id, b.id))
    .map((article) => ({
      article,
      body: bodies.get(article.id) ?? null,
      highlights: highlights.get(article.id) ?? [],
      pageNote: notes.get(article.id) ?? null,
    }));

  return { articles, tags: liveTags(records.tags), exportedAt };
}

function isLive(record: { deletedAt: number | null }): boolean {
  return record.deletedAt === null;
}

/** As `listHighlights` orders them: position, then creation, then id. */
function pageOrder(a: HighlightRecord, b: HighlightRecord): number {
  return a.position - b.position || a.createdAt - b.createdAt || compareIds(a.id, b.id);
}

function liveTags(tags: BackupRecords['tags']): TagRecord[] {
  const byName = new Map<string, TagRecord>();
  for (const tag of tags.filter(isLive).map(importedTag)) {
    const seen = byName.get(tag.name);
    if (!seen || tag.createdAt < seen.createdAt) byName.set(tag.name, tag);
  }
  return [...byName.values()].sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
}

function groupBy<T>(items: T[], key: (item: T) => string): Map<string, T[]> {
  const groups = new Map<string, T[]>();
  for (const item of items) {
    const list = groups.get(key(item));
    if (list) list.push(item);
    else groups.set(key(item), [item]);
  }
  return groups;
}

function compareIds(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
