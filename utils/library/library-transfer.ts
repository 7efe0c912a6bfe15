/**
 * The library's export and import, apart from React and the browser: what an export
 * takes (everything, or what the search shows), what an import writes and tells the
 * open tabs, and every status line the panel shows. Storage, messages and the file
 * download come in as arguments, so Node tests drive it on fake-indexeddb.
 */
import type { BackupSettings } from '@/utils/backup/backup-format';
import type { MarginDb } from '@/utils/db/margin-db';
import { searchLibrary } from '@/utils/db/search-library';
import { collectExportData } from '@/utils/export/collect-export-data';
import { EXPORT_FORMATS, type ExportFile, type FormatName } from '@/utils/export/export-formats';
import { applySelection, selectionFromHits } from '@/utils/export/export-selection';
import type { MarkdownOptions } from '@/utils/export/markdown-export';
import { applyImport } from '@/utils/import/apply-import';
import { describePlan } from '@/utils/import/describe-plan';
import { previewImportFile, type ImportFilePreview } from '@/utils/import/preview-import-file';
import type { ServiceExportOptions } from '@/utils/import/read-service-export';
import { isSearching, toLibraryFilters, type FilterState } from './library-filters';

/** More than any search shows on screen: an export takes every match. */
const EXPORT_SEARCH_LIMIT = 100_000;

type Progress = (done: number, total: number) => void;

export interface ExportRequest {
  format: FormatName;
  /** `results` exports what the search shows; without a search it is everything. */
  scope: 'all' | 'results';
  query: string;
  filters: FilterState;
  markdown?: MarkdownOptions;
  signal?: AbortSignal;
  onProgress?: Progress;
}

/** The files to save, and what they hold. */
export interface LibraryExport {
  files: ExportFile[];
  articles: number;
  highlights: number;
}

/** Builds the export's files; saving them is the caller's (a download in the library). */
export async function exportLibrary(db: MarginDb, request: ExportRequest): Promise<LibraryExport> {
  const { format, scope, query, filters, signal, onProgress } = request;
  const selection =
    scope === 'results' && isSearching(query, filters)
      ? selectionFromHits(await searchLibrary(db, query, toLibraryFilters(filters, EXPORT_SEARCH_LIMIT)))
      : null;
  const data = await collectExportData(db, {
    ...(selection && { articleIds: selection.articleIds }),
    bodies: format === 'json',
    ...(signal && { signal }),
    ...(onProgress && { onProgress }),
  });
  const files = EXPORT_FORMATS[format](selection ? applySelection(data, selection) : data, request.markdown);
  return {
    files,
    articles: data.articles.length,
    highlights: data.articles.reduce((n, a) => n + a.highlights.length, 0),
  };
}

/** The status line after an export was saved under `fileName`. */
export function exportedMessage(result: LibraryExport, fileName: string): string {
  return `Exported ${result.articles} articles and ${result.highlights} highlights to ${fileName}.`;
}

/** The status line when an export stopped. */
export function exportFailedMessage(error: unknown, cancelled: boolean): string {
  return cancelled ? 'Export cancelled.' : `Export failed: ${error instanceof Error ? error.message : String(error)}`;
}

/** What the panel shows after reading a chosen file: a preview to confirm, or why it cannot be imported. */
export type ImportFileReading =
  | { preview: Extract<ImportFilePreview, { ok: true }>; status: null; problems: [] }
  | { preview: null; status: string; problems: string[] };

/**
 * Reads a chosen file (a backup, annotations, or a reading service's export: the bytes,
 * as a zip must be read) and plans its import against the database; writes nothing.
 */
export async function readImportFile(
  db: MarginDb,
  file: string | Uint8Array,
  options: ServiceExportOptions = {},
): Promise<ImportFileReading> {
  const result = await previewImportFile(db, file, options);
  return result.ok
    ? { preview: result, status: null, problems: [] }
    : { preview: null, status: result.message, problems: result.problems };
}

/** Where an import's settings go and whom it tells. */
export interface ImportEffects {
  saveSettings: (settings: BackupSettings) => Promise<void>;
  /** Tells the background which articles changed, so their open tabs repaint. */
  notifyImported: (articleIds: string[]) => Promise<void>;
  signal?: AbortSignal;
  onProgress?: Progress;
}

/**
 * Applies a previewed import in one transaction, then its settings, then tells the
 * open tabs. Never throws.
 * @return the status line: what was imported, or that nothing was changed and why
 */
export async function importLibrary(
  db: MarginDb,
  preview: Extract<ImportFilePreview, { ok: true }>,
  effects: ImportEffects,
): Promise<string> {
  try {
    const applied = await applyImport(db, preview.plan, {
      ...(effects.signal && { signal: effects.signal }),
      ...(effects.onProgress && { onProgress: effects.onProgress }),
    });
    await effects.saveSettings(preview.settings);
    const articleIds = [
      ...new Set([...applied.writes.articles.map((a) => a.id), ...applied.writes.highlights.map((h) => h.articleId)]),
    ];
    await effects.notifyImported(articleIds).catch(() => undefined);
    return `Imported: ${describePlan(applied)[0] ?? 'nothing new'}`;
  } catch (error) {
    return effects.signal?.aborted
      ? 'Import cancelled, nothing was changed.'
      : `Import failed, nothing was changed: ${error instanceof Error ? error.message : String(error)}`;
  }
}
