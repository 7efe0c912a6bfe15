/**
 * Export and import in the library: every format, for the whole library or for
 * what the current search shows, with progress and cancel; a restorable backup;
 * and import of a backup or W3C/Hypothesis annotations, previewed before anything
 * is written, then applied in one transaction with progress and cancel.
 */
import { useRef, useState } from 'react';
import { createBackup } from '@/utils/backup/create-backup';
import { backupChunks } from '@/utils/backup/serialize-backup';
import { searchLibrary, type MarginDb } from '@/utils/db';
import { collectExportData } from '@/utils/export/collect-export-data';
import { EXPORT_FORMATS, FORMAT_LABELS, FORMAT_NAMES, type FormatName } from '@/utils/export/export-formats';
import { applySelection, selectionFromHits } from '@/utils/export/export-selection';
import { markdownOptions } from '@/utils/export/markdown-template-store';
import { loadHighlightSettings, saveHighlightSettings } from '@/utils/settings/highlight-settings-store';
import { applyImport } from '@/utils/import/apply-import';
import { describePlan } from '@/utils/import/describe-plan';
import { previewImportFile, type ImportFilePreview } from '@/utils/import/preview-import-file';
import { isSearching, toLibraryFilters, type FilterState } from '@/utils/library/library-filters';
import { marginMessenger } from '@/utils/messaging/margin-protocol';
import { loadReaderSettings, saveReaderSettings } from '@/utils/settings/reader-settings-store';
import { save, saveFiles } from '@/components/export/save-files';

interface Props {
  db: MarginDb;
  query: string;
  filters: FilterState;
}

/** More than any search shows on screen: an export takes every match. */
const EXPORT_SEARCH_LIMIT = 100_000;

export function ExportImportPanel({ db, query, filters }: Props) {
  const [format, setFormat] = useState<FormatName>('markdown');
  const searching = isSearching(query, filters);
  const [scope, setScope] = useState<'all' | 'results'>('all');
  const [status, setStatus] = useState<string | null>(null);
  const [progress, setProgress] = useState<{ done: number; total: number } | null>(null);
  const abort = useRef<AbortController | null>(null);
  const [preview, setPreview] = useState<Extract<ImportFilePreview, { ok: true }> | null>(null);
  const [importProgress, setImportProgress] = useState<{ done: number; total: number } | null>(null);
  const importAbort = useRef<AbortController | null>(null);
  const [problems, setProblems] = useState<string[]>([]);

  const runExport = async () => {
    abort.current = new AbortController();
    setProblems([]);
    setStatus('Exporting…');
    try {
      const selection =
        scope === 'results' && searching
          ? selectionFromHits(await searchLibrary(db, query, toLibraryFilters(filters, EXPORT_SEARCH_LIMIT)))
          : null;
      const data = await collectExportData(db, {
        ...(selection && { articleIds: selection.articleIds }),
        bodies: format === 'json',
        signal: abort.current.signal,
        onProgress: (done, total) => setProgress({ done, total }),
      });
      const files = EXPORT_FORMATS[format](selection ? applySelection(data, selection) : data, await markdownOptions());
      const name = saveFiles(files, 'margin-markdown.zip');
      const highlights = data.articles.reduce((n, a) => n + a.highlights.length, 0);
      setStatus(`Exported ${data.articles.length} articles and ${highlights} highlights to ${name}.`);
    } catch (error) {
      setStatus(abort.current?.signal.aborted ? 'Export cancelled.' : `Export failed: ${error instanceof Error ? error.message : String(error)}`);
    } finally {
      setProgress(null);
      abort.current = null;
    }
  };

  const runBackup = async () => {
    setStatus('Writing the backup…');
    const backup = await createBackup(db, { readerSettings: await loadReaderSettings(), highlightSettings: await loadHighlightSettings() });
    const day = new Date().toISOString().slice(0, 10);
    save(new Blob([...backupChunks(backup)], { type: 'application/json' }), `margin-backup-${day}.json`);
    setStatus(`Backup saved: margin-backup-${day}.json.`);
  };

  const chooseFile = async (file: File | undefined) => {
    setPreview(null);
    setProblems([]);
    if (!file) return;
    setStatus(`Reading ${file.name}…`);
    const result = await previewImportFile(db, await file.text());
    if (!result.ok) {
      setStatus(result.message);
      setProblems(result.problems);
      return;
    }
    setStatus(null);
    setPreview(result);
  };

  const runImport = async () => {
    if (!preview) return;
    setStatus('Importing…');
    const cancel = (importAbort.current = new AbortController());
    setImportProgress({ done: 0, total: 1 }); // hides the Import button at once: one import at a time
    try {
      const applied = await applyImport(db, preview.plan, {
        signal: cancel.signal,
        onProgress: (done, total) => setImportProgress({ done, total }),
      });
      if (preview.settings.readerSettings) await saveReaderSettings(preview.settings.readerSettings);
      if (preview.settings.highlightSettings) await saveHighlightSettings(preview.settings.highlightSettings);
      const articleIds = [...new Set([...applied.writes.articles.map((a) => a.id), ...applied.writes.highlights.map((h) => h.articleId)])];
      await marginMessenger.sendMessage('records:imported', { articleIds }).catch(() => undefined);
      setStatus(`Imported: ${describePlan(applied)[0] ?? 'nothing new'}`);
    } catch (error) {
      setStatus(
        cancel.signal.aborted
          ? 'Import cancelled, nothing was changed.'
          : `Import failed, nothing was changed: ${error instanceof Error ? error.message : String(error)}`,
      );
    } finally {
      setPreview(null);
      setImportProgress(null);
      importAbort.current = null;
    }
  };

  return (
    <details className="lib-transfer" data-panel="export-import">
      <summary>Export and import</summary>
      <div className="lib-transfer-row">
        <label>
          Format{' '}
          <select data-export-format value={format} onChange={(e) => setFormat(e.target.value as FormatName)}>
            {FORMAT_NAMES.map((f) => (
              <option key={f} value={f}>
                {FORMAT_LABELS[f]}
              </option>
            ))}
          </select>
        </label>
        <label>
          <input type="radio" name="scope" checked={scope === 'all'} onChange={() => setScope('all')} /> Everything
        </label>
        <label>
          <input type="radio" name="scope" disabled={!searching} checked={scope === 'results' && searching} onChange={() => setScope('results')} /> This
          search's results
        </label>
        <button type="button" data-action="export" disabled={progress !== null} onClick={() => void runExport()}>
          Export
        </button>
        {progress && (
          <>
            <progress max={progress.total} value={progress.done} aria-label="Export progress" />
            <button type="button" data-action="cancel-export" onClick={() => abort.current?.abort()}>
              Cancel
            </button>
          </>
        )}
      </div>
      <div className="lib-transfer-row">
        <button type="button" data-action="backup" onClick={() => void runBackup()}>
          Save a backup (restorable)
        </button>
        <label>
          Import a backup or annotations{' '}
          <input type="file" accept=".json,.jsonld,application/json,application/ld+json" data-import-file onChange={(e) => void chooseFile(e.target.files?.[0])} />
        </label>
      </div>
      {preview && (
        <div className="lib-preview" data-import-preview role="region" aria-label="Import preview">
          <p>{preview.kind === 'backup' ? 'Margin backup' : 'Annotations'}: nothing has been written yet.</p>
          <ul>
            {describePlan(preview.plan).map((line) => (
              <li key={line}>{line}</li>
            ))}
            {preview.warnings.slice(0, 5).map((w) => (
              <li key={w}>{w}</li>
            ))}
          </ul>
          {importProgress ? (
            <>
              <progress max={importProgress.total} value={importProgress.done} aria-label="Import progress" />{' '}
              <button type="button" data-action="cancel-import" onClick={() => importAbort.current?.abort()}>
                Cancel
              </button>
            </>
          ) : (
            <>
              <button type="button" data-action="apply-import" onClick={() => void runImport()}>
                Import
              </button>{' '}
              <button type="button" onClick={() => setPreview(null)}>
                Cancel
              </button>
            </>
          )}
        </div>
      )}
      {status && (
        <p className="lib-status" role="status" data-transfer-status>
          {status}
        </p>
      )}
      {problems.length > 0 && (
        <ul className="lib-problems" data-import-problems>
          {problems.map((p) => (
            <li key={p}>{p}</li>
          ))}
        </ul>
      )}
    </details>
  );
}
