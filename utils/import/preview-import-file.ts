/**
 * Any file the library's "Import" accepts, to a preview: a Margin backup, or W3C Web
 * Annotations (a collection, a list, Hypothesis' export). Both pass the same gate
 * (schemas, limits, prototype keys) and the same merge plan; nothing is written.
 */
import type { BackupSettings } from '@/utils/backup/backup-format';
import type { MarginDb } from '@/utils/db/margin-db';
import { previewBackup } from './import-backup';
import { planImport, type ImportPlan } from './plan-import';
import { validateRecordSet } from './validate-backup';
import { parseW3cAnnotations } from './w3c-annotations';

export type ImportFilePreview =
  | { ok: true; kind: 'backup' | 'annotations'; plan: ImportPlan; settings: BackupSettings; warnings: string[] }
  | { ok: false; message: string; problems: string[] };

/** A backup says so in its first bytes; anything else is read as annotations. */
function looksLikeBackup(text: string): boolean {
  return /"format"\s*:\s*"margin-backup"/.test(text.slice(0, 4096));
}

export async function previewImportFile(db: MarginDb, text: string): Promise<ImportFilePreview> {
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
  const plan = await planImport(db, checked.records);
  if (plan.problems.length > 0) {
    return { ok: false, message: 'These annotations cannot be imported, and nothing was changed:', problems: plan.problems };
  }
  return { ok: true, kind: 'annotations', plan, settings: {}, warnings: parsed.warnings };
}
