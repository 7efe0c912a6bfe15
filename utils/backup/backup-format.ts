/**
 * Margin's JSON backup: every record (tombstones included) and the settings, in one
 * versioned file that restores on another machine. Documented in
 * `docs/backup-format.md`; validated by `backup-schema.ts` on the way back in.
 *
 * Records are stored exactly as the database holds them, minus the fields the
 * database derives from others (`words` everywhere, `host` on articles, `tagWords` and `siteWords` on highlights): an import
 * recomputes those, so a file cannot plant search words, and the file stays smaller.
 */
import type { ArticleBodyRecord, ArticleRecord, HighlightRecord, PageNoteRecord, TagRecord } from '@/utils/db/schema';
import type { HighlightSettings } from '@/utils/settings/highlight-settings';
import type { ReaderSettings } from '@/utils/settings/reader-settings';

/** The value of `format`: what tells a Margin backup from any other JSON file. */
export const BACKUP_FORMAT = 'margin-backup';

/**
 * The version this code writes and the newest it reads. Bumped only by a change an
 * older Margin would misread; a new optional field is not such a change.
 */
export const BACKUP_VERSION = 1;

export { TABLE_NAMES, type TableName } from '@/utils/db/schema';

export type BackupArticle = Omit<ArticleRecord, 'words' | 'host'>;
export type BackupArticleBody = Omit<ArticleBodyRecord, 'words'>;
export type BackupHighlight = Omit<HighlightRecord, 'words' | 'tagWords' | 'siteWords'>;
export type BackupPageNote = Omit<PageNoteRecord, 'words'>;
export type BackupTag = TagRecord;

/**
 * Every table's records without their derived fields. A `RecordSet`
 * (`utils/export/export-data.ts`, derived fields included) is one too, so an import
 * takes either.
 */
export interface BackupRecords {
  articles: BackupArticle[];
  articleBodies: BackupArticleBody[];
  highlights: BackupHighlight[];
  pageNotes: BackupPageNote[];
  tags: BackupTag[];
}

/** The two settings items of `browser.storage.local`, each only if it was there. */
export interface BackupSettings {
  readerSettings?: ReaderSettings;
  highlightSettings?: HighlightSettings;
}

export interface MarginBackup {
  format: typeof BACKUP_FORMAT;
  version: typeof BACKUP_VERSION;
  /** When the backup was made, epoch ms (like every time in the records). */
  exportedAt: number;
  /** Device id of the browser it was made in, when that browser had one. */
  device?: string;
  records: BackupRecords;
  settings: BackupSettings;
}
