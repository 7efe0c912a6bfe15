/**
 * Carrying out an import: the merge is worked out again inside one read-write
 * transaction over every table (the database may have changed since the preview:
 * a highlight made in another tab must not be overwritten by a plan made before it)
 * and every write is made in that transaction. Any failure, a full disk included,
 * rolls all of it back: the database is as it was, and the error says so.
 */
import { TABLE_NAMES, type TableName } from '@/utils/backup/backup-format';
import type { MarginDb } from '@/utils/db/margin-db';
import { ensureTags } from '@/utils/db/tags';
import { writeTransaction } from '@/utils/db/write-transaction';
import { ImportRefusedError } from './import-refused-error';
import { computePlan, type ImportPlan } from './plan-import';
import { withSearchWords, type ImportedRecords, type StoredRecords } from './stored-records';

/** Records per `bulkPut`: large enough to be fast, small enough that one request stays small. */
const WRITE_CHUNK = 1000;

/**
 * Applies a plan from `planImport`. Applying the same records again writes nothing:
 * every record then has the same content here.
 * @return the plan as carried out (its counts may differ from the preview's if the
 *   database changed in between)
 * @throws ImportRefusedError if the plan has problems; nothing was written
 * @throws StorageFullError if storage is full; nothing was written
 */
export async function applyImport(db: MarginDb, plan: ImportPlan): Promise<ImportPlan> {
  if (plan.problems.length > 0) throw new ImportRefusedError(plan.problems);
  const tables = [db.articles, db.articleBodies, db.highlights, db.pageNotes, db.tags];
  return writeTransaction(db, tables, async () => {
    const applied = await computePlan(db, plan.records);
    if (applied.problems.length > 0) throw new ImportRefusedError(applied.problems);
    for (const table of TABLE_NAMES) await writeAll(db, table, applied.writes[table]);
    await ensureTags(db, applied.newTagNames);
    return applied;
  });
}

// Search words are computed a chunk at a time, just before the chunk is written, so a
// large import never holds every record's words at once.
async function writeAll<T extends TableName>(db: MarginDb, table: T, records: Array<ImportedRecords[T]>): Promise<void> {
  const target = db.table<StoredRecords[T], string>(table);
  for (let i = 0; i < records.length; i += WRITE_CHUNK) {
    await target.bulkPut(records.slice(i, i + WRITE_CHUNK).map((r) => withSearchWords(table, r)));
  }
}
