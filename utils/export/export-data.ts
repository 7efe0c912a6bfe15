/**
 * What every export format reads: articles with their saved copy, highlights (page
 * order) and page note, plus tags. Collected from the database once; each format in
 * `utils/export/` is then a pure function of it, so the CLI (`npm run margin`) can
 * build the same data from a backup file instead of a database.
 */
import type { ArticleBodyRecord, ArticleRecord, HighlightRecord, PageNoteRecord, TagRecord } from '@/utils/db/schema';

export interface ExportArticle {
  article: ArticleRecord;
  /** The saved offline copy, when there is one. */
  body: ArticleBodyRecord | null;
  /** Live highlights in page order. */
  highlights: HighlightRecord[];
  pageNote: PageNoteRecord | null;
}

export interface ExportData {
  articles: ExportArticle[];
  tags: TagRecord[];
  /** Epoch ms; used as the "accessed" date of citations and in file headers. */
  exportedAt: number;
}

/**
 * Records as stored, tombstones included: what a backup holds and what an import
 * merges (see `utils/import/`). A W3C or Hypothesis import is turned into this shape.
 */
export interface RecordSet {
  articles: ArticleRecord[];
  articleBodies: ArticleBodyRecord[];
  highlights: HighlightRecord[];
  pageNotes: PageNoteRecord[];
  tags: TagRecord[];
}
