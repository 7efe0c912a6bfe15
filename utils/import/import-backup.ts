/**
 * A backup file from bytes to preview, the two steps every caller takes in this
 * order: validate the file, then plan the merge against the database. The caller
 * shows the preview and, when the user agrees, passes `plan` to `applyImport`;
 * the settings are the caller's to save (`storage.local` is not in the database's
 * transaction).
 */
import type { BackupLimits } from '@/utils/backup/backup-limits';
import type { MarginBackup } from '@/utils/backup/backup-format';
import type { MarginDb } from '@/utils/db/margin-db';
import { planImport, type ImportPlan } from './plan-import';
import { validateBackup } from './validate-backup';

export type BackupPreview =
  | { ok: true; backup: MarginBackup; plan: ImportPlan }
  | { ok: false; message: string; problems: string[] };

/** Validates a backup file and plans its import. Writes nothing. */
export async function previewBackup(
  db: MarginDb,
  input: string | Uint8Array,
  limits?: Partial<BackupLimits>,
): Promise<BackupPreview> {
  const result = validateBackup(input, limits);
  if (!result.ok) return result;
  const plan = await planImport(db, result.backup.records);
  if (plan.problems.length > 0) {
    return { ok: false, message: 'This backup cannot be imported, and nothing was changed:', problems: plan.problems };
  }
  return { ok: true, backup: result.backup, plan };
}
