/**
 * Making a backup: every record of every table, read in one transaction so the file
 * is a consistent snapshot (no highlight without the article a concurrent write
 * filed it under), plus the settings the caller read from `storage.local`.
 */
import type { MarginDb } from '@/utils/db/margin-db';
import { normalizeHighlightSettings } from '@/utils/settings/highlight-settings';
import { normalizeReaderSettings } from '@/utils/settings/reader-settings';
import {
  BACKUP_FORMAT,
  BACKUP_VERSION,
  type BackupRecords,
  type BackupSettings,
  type MarginBackup,
} from './backup-format';

export interface CreateBackupOptions {
  /** Clock in epoch ms; the database's own clock when omitted. */
  now?: () => number;
}

/**
 * Reads the whole database into a backup. Tombstones are included: they are how the
 * machine the backup is restored on learns what was deleted here.
 * @param settings - the settings items as stored (any shape: they are normalized here)
 */
export async function createBackup(
  db: MarginDb,
  settings: { readerSettings?: unknown; highlightSettings?: unknown },
  options: CreateBackupOptions = {},
): Promise<MarginBackup> {
  const records = await readAllRecords(db);
  return {
    format: BACKUP_FORMAT,
    version: BACKUP_VERSION,
    exportedAt: (options.now ?? db.now)(),
    ...(db.deviceId !== undefined && { device: db.deviceId }),
    records,
    settings: backupSettings(settings),
  };
}

async function readAllRecords(db: MarginDb): Promise<BackupRecords> {
  return db.transaction('r', [db.articles, db.articleBodies, db.highlights, db.pageNotes, db.tags], async () => ({
    // Derived fields stay behind: an import recomputes them (see backup-format.ts).
    articles: (await db.articles.toArray()).map(({ words: _w, host: _h, ...a }) => a),
    articleBodies: (await db.articleBodies.toArray()).map(({ words: _w, ...b }) => b),
    highlights: (await db.highlights.toArray()).map(({ words: _w, tagWords: _t, siteWords: _s, ...h }) => h),
    pageNotes: (await db.pageNotes.toArray()).map(({ words: _w, ...n }) => n),
    tags: await db.tags.toArray(),
  }));
}

function backupSettings(settings: { readerSettings?: unknown; highlightSettings?: unknown }): BackupSettings {
  return {
    ...(settings.readerSettings !== undefined && { readerSettings: normalizeReaderSettings(settings.readerSettings) }),
    ...(settings.highlightSettings !== undefined && {
      highlightSettings: normalizeHighlightSettings(settings.highlightSettings),
    }),
  };
}
