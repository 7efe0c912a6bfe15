/**
 * Export and import in the library: every format, for the whole library or for
 * what the current search shows, with progress and cancel; a restorable backup;
 * and import of a backup or W3C/Hypothesis annotations, previewed before anything
 * is written, then applied in one transaction with progress and cancel.
 */
import { useRef, useState } from 'react';
import { createBackup } from '@/utils/backup/create-backup';
import { backupChunks } from '@/utils/backup/serialize-backup';
import type { MarginDb } from '@/utils/db';
import { FORMAT_LABELS, FORMAT_NAMES, type FormatName } from '@/utils/export/export-formats';
import { markdownOptions } from '@/utils/export/markdown-template-store';
import { loadHighlightSettings, saveHighlightSettings } from '@/utils/settings/highlight-settings-store';
import { describePlan } from '@/utils/import/describe-plan';
import { IMPORT_FORMAT_LABELS } from '@/utils/import/detect-import-format';
import type { ImportFilePreview } from '@/utils/import/preview-import-file';
import { savedPageSanitizer } from '@/utils/import/sanitize-saved-page';
import { isSearching, type FilterState } from '@/utils/library/library-filters';
import { marginMessenger } from '@/utils/messaging/margin-protocol';
import { loadReaderSettings, saveReaderSettings } from '@/utils/settings/reader-settings-store';
import { save, saveFiles } from '@/components/export/save-files';
import {
  exportedMessage,
  exportFailedMessage,
  exportLibrary,
  importLibrary,
  readImportFile,
} from '@/utils/library/library-transfer';

interface Props {
  db: MarginDb;
  query: string;
  filters: FilterState;
}

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
    const cancel = (abort.current = new AbortController());
    setProblems([]);
    setStatus('Exporting…');
    try {
      const result = await exportLibrary(db, {
        format,
        scope,
        query,
        filters,
        markdown: await markdownOptions(),
        signal: cancel.signal,
        onProgress: (done, total) => setProgress({ done, total }),
      });
      setStatus(exportedMessage(result, saveFiles(result.files, 'margin-markdown.zip')));
    } catch (error) {
      setStatus(exportFailedMessage(error, cancel.signal.aborted));
    } finally {
      setProgress(null);
      abort.current = null;
    }
  };

  const runBackup = async () => {
    setStatus('Writing the backup…');
    const backup = await createBackup(db, {
      readerSettings: await loadReaderSettings(),
      highlightSettings: await loadHighlightSettings(),
    });
    const day = new Date().toISOString().slice(0, 10);
    save(new Blob([...backupChunks(backup)], { type: 'application/json' }), `margin-backup-${day}.json`);
    setStatus(`Backup saved: margin-backup-${day}.json.`);
  };

  const chooseFile = async (file: File | undefined) => {
    setPreview(null);
    setProblems([]);
    if (!file) return;
    setStatus(`Reading ${file.name}…`);
    const reading = await readImportFile(db, new Uint8Array(await file.arrayBuffer()), {
      name: file.name,
      sanitize: savedPageSanitizer(window),
    });
    setStatus(reading.status);
    setProblems(reading.problems);
    setPreview(reading.preview);
  };

  const runImport = async () => {
    if (!preview) return;
    setStatus('Importing…');
    const cancel = (importAbort.current = new AbortController());
    setImportProgress({ done: 0, total: 1 }); // hides the Import button at once: one import at a time
    setStatus(
      await importLibrary(db, preview, {
        signal: cancel.signal,
        onProgress: (done, total) => setImportProgress({ done, total }),
        saveSettings: async ({ readerSettings, highlightSettings }) => {
          if (readerSettings) await saveReaderSettings(readerSettings);
          if (highlightSettings) await saveHighlightSettings(highlightSettings);
        },
        notifyImported: async (articleIds) =>
          void (await marginMessenger.sendMessage('records:imported', { articleIds })),
      }),
    );
    setPreview(null);
    setImportProgress(null);
    importAbort.current = null;
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
          <input
            type="radio"
            name="scope"
            disabled={!searching}
            checked={scope === 'results' && searching}
            onChange={() => setScope('results')}
          />{' '}
          This search's results
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
          Import a backup, annotations or a Pocket, Omnivore, Instapaper, Readwise or Raindrop export{' '}
          <input
            type="file"
            accept=".json,.jsonld,.zip,.csv,.html,application/json,application/ld+json,application/zip,text/csv,text/html"
            data-import-file
            onChange={(e) => void chooseFile(e.target.files?.[0])}
          />
        </label>
      </div>
      {preview && (
        <div className="lib-preview" data-import-preview role="region" aria-label="Import preview">
          <p>{IMPORT_FORMAT_LABELS[preview.kind]}: nothing has been written yet.</p>
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
