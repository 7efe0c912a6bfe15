/**
 * Any file the library's "Import" accepts, to a preview: a Margin backup, W3C Web
 * Annotations (a collection, a list, Hypothesis' export), or the export of a
 * read-it-later service (`read-service-export.ts`), told apart by contents. All pass
 * the same gate (schemas, limits, prototype keys) and the same merge plan; nothing
 * is written.
 */
import type { BackupSettings } from '@/utils/backup/backup-format';
import type { MarginDb } from '@/utils/db/margin-db';
import { IMPORT_FORMAT_LABELS, type ImportFormat } from './detect-import-format';
import { previewBackup } from './import-backup';
import { planImport, type ImportPlan } from './plan-import';
import { readServiceExport, type ServiceExportOptions } from './read-service-export';
import { describeReading, type ReadingState } from './service-records';
import { validateRecordSet } from './validate-backup';
import { parseW3cAnnotations } from './w3c-annotations';

export type ImportFilePreview =
  | {
      ok: true;
      kind: ImportFormat;
      plan: ImportPlan;
      settings: BackupSettings;
      warnings: string[];
      /** Reading-list state per article id, as the service gave it (service exports only); stored on the articles. */
      reading?: Map<string, ReadingState>;
    }
  | { ok: false; message: string; problems: string[] };

/** A backup says so in its first bytes; anything else is read as annotations. */
function looksLikeBackup(text: string): boolean {
  return /"format"\s*:\s*"margin-backup"/.test(text.slice(0, 4096));
}

/**
 * @param input - the file's text, or its bytes (a zip must come as bytes)
 * @param options - the sanitizer for saved pages in an export, and the file's name for messages
 */
export async function previewImportFile(
  db: MarginDb,
  input: string | Uint8Array,
  options: ServiceExportOptions = {},
): Promise<ImportFilePreview> {
  let text: string;
  // A backup may be hundreds of megabytes: it is not copied to bytes to be told apart.
  if (typeof input === 'string' && looksLikeBackup(input)) text = input;
  else {
    const service = readServiceExport(typeof input === 'string' ? new TextEncoder().encode(input) : input, options);
    if (service.ok === false)
      return { ok: false, message: 'This file cannot be imported, and nothing was changed:', problems: service.errors };
    if (service.ok === 'other') text = service.text;
    else {
      const refused = `This ${IMPORT_FORMAT_LABELS[service.format]} cannot be imported, and nothing was changed:`;
      const checked = validateRecordSet(service.records);
      if (!checked.ok) return { ...checked, message: refused };
      const plan = await planImport(db, checked.records, { readingKnown: new Set(service.reading.keys()) });
      if (plan.problems.length > 0) return { ok: false, message: refused, problems: plan.problems };
      const reading = describeReading(service.reading);
      return {
        ok: true,
        kind: service.format,
        plan,
        settings: {},
        warnings: reading ? [reading, ...service.warnings] : service.warnings,
        reading: service.reading,
      };
    }
  }
  if (looksLikeBackup(text)) {
    const preview = await previewBackup(db, text);
    if (!preview.ok) return preview;
    return { ok: true, kind: 'backup', plan: preview.plan, settings: preview.backup.settings, warnings: [] };
  }
  const parsed = parseW3cAnnotations(text);
  if (!parsed.ok) {
    return {
      ok: false,
      message: 'This file is neither a Margin backup nor W3C Web Annotations Margin can read, and nothing was changed:',
      problems: parsed.errors,
    };
  }
  const checked = validateRecordSet(parsed.records);
  if (!checked.ok) return checked;
  // Annotations say nothing of the reading list: an article here keeps its place on it.
  const plan = await planImport(db, checked.records, { readingKnown: new Set() });
  if (plan.problems.length > 0) {
    return {
      ok: false,
      message: 'These annotations cannot be imported, and nothing was changed:',
      problems: plan.problems,
    };
  }
  return { ok: true, kind: 'annotations', plan, settings: {}, warnings: parsed.warnings };
}
