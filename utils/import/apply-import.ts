/**
 * Carrying out an import: the merge is worked out again inside one read-write
 * transaction over every table (the database may have changed since the preview:
 * a highlight made in another tab must not be overwritten by a plan made before it)
 * and every write is made in that transaction. Any failure, a full disk included,
 * rolls all of it back: the database is as it was, and the error says so. A long
 * import reports its progress and can be cancelled between chunks, which rolls it
 * back the same way.
 */
import { TABLE_NAMES, type TableName } from '@/utils/backup/backup-format';
import type { MarginDb } from '@/utils/db/margin-db';
import { ensureTags } from '@/utils/db/tags';
import { writeTransaction } from '@/utils/db/write-transaction';
import { ImportRefusedError } from './import-refused-error';
import { computePlan, type ImportPlan } from './plan-import';
import type { ImportedRecords } from '../backup/stored-records';
import { withDerivedFields, type StoredRecords } from '@/utils/db/derived-fields';

/** Records per `bulkPut`: large enough to be fast, small enough that one request stays small. */
const WRITE_CHUNK = 1000;

export interface ApplyOptions {
  /** Called before the first write and after each chunk: records written so far, and how many will be. */
  onProgress?: (done: number, total: number) => void;
  /**
   * Cancels the import between chunks: the transaction rolls back, nothing is
   * written, and the promise rejects with the signal's reason.
   */
  signal?: AbortSignal;
}

/**
 * Applies a plan from `planImport`. Applying the same records again writes nothing:
 * every record then has the same content here.
 * @return the plan as carried out (its counts may differ from the preview's if the
 *   database changed in between)
 * @throws ImportRefusedError if the plan has problems; nothing was written
 * @throws StorageFullError if storage is full; nothing was written
 * @throws the signal's reason when cancelled; nothing was written
 */
export async function applyImport(db: MarginDb, plan: ImportPlan, options: ApplyOptions = {}): Promise<ImportPlan> {
  if (plan.problems.length > 0) throw new ImportRefusedError(plan.problems);
  const { signal, onProgress } = options;
  signal?.throwIfAborted();
  const tables = [db.articles, db.articleBodies, db.highlights, db.pageNotes, db.tags];
  return writeTransaction(db, tables, async () => {
    const applied = await computePlan(db, plan.records, plan.options);
    if (applied.problems.length > 0) throw new ImportRefusedError(applied.problems);
    const total = TABLE_NAMES.reduce((n, table) => n + applied.writes[table].length, 0);
    let done = 0;
    onProgress?.(done, total);
    for (const table of TABLE_NAMES) {
      await writeAll(db, table, applied.writes[table], (written) => {
        onProgress?.((done += written), total);
        signal?.throwIfAborted(); // thrown inside the transaction: it rolls back
      });
    }
    signal?.throwIfAborted();
    await ensureTags(db, applied.newTagNames);
    return applied;
  });
}

// Search words are computed a chunk at a time, just before the chunk is written, so a
// large import never holds every record's words at once.
async function writeAll<T extends TableName>(
  db: MarginDb,
  table: T,
  records: Array<ImportedRecords[T]>,
  afterChunk: (written: number) => void,
): Promise<void> {
  const target = db.table<StoredRecords[T], string>(table);
  for (let i = 0; i < records.length; i += WRITE_CHUNK) {
    const chunk = records.slice(i, i + WRITE_CHUNK);
    await target.bulkPut(chunk.map((r) => withDerivedFields(table, r)));
    afterChunk(chunk.length);
  }
}
