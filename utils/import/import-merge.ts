/**
 * The merge rule for one record, and the tally of what an import will do. Each
 * record of the file lands in exactly one count:
 *
 * - `new`: a live record this database does not have; written.
 * - `tombstones`: a deletion of a record this database never had; written, so a
 *   later sync still knows it was deleted.
 * - `unchanged`: this database has the same content; nothing written.
 * - `updated` / `deleted`: the file's copy differs and wins (later `updatedAt`,
 *   see `record-content.ts`); written. `deleted` when the winner is a tombstone
 *   over a live record.
 * - `older`: the file's copy differs and loses; nothing written. An old
 *   tombstone never deletes a newer live record, nor an old live copy revive a
 *   newer deletion.
 *
 * A conflict is counted on top of `updated`, `deleted` or `older`: the two copies
 * differ and were last written on different devices (or on an unknown one). Copies
 * carry no history, so nothing says whether one was edited from the other; on one
 * device the later write was made over the earlier one, across devices they may be
 * two independent edits. Last writer wins either way, and the losing copy is kept
 * in the plan's `conflicts` (both copies in full) for the preview to show.
 */
import type { TableName } from '@/utils/backup/backup-format';
import { compareVersions, contentKey, differingFields } from '../db/record-content';
import type { ImportedRecords } from '../backup/stored-records';

export interface TableCounts {
  new: number;
  updated: number;
  deleted: number;
  unchanged: number;
  older: number;
  tombstones: number;
  conflicts: number;
}

export interface ImportConflict<T extends TableName = TableName> {
  table: T;
  /** The record's id in this database. */
  id: string;
  winner: 'file' | 'database';
  /** Content fields whose values differ. */
  fields: string[];
  file: ImportedRecords[T];
  database: ImportedRecords[T];
}

export type TableWrites = { [T in TableName]: Map<string, ImportedRecords[T]> };

export function emptyCounts(): TableCounts {
  return { new: 0, updated: 0, deleted: 0, unchanged: 0, older: 0, tombstones: 0, conflicts: 0 };
}

/** The plan being built: counts, conflicts and the records to write, per table. */
export class ImportMerge {
  readonly counts: Record<TableName, TableCounts> = {
    articles: emptyCounts(),
    articleBodies: emptyCounts(),
    highlights: emptyCounts(),
    pageNotes: emptyCounts(),
    tags: emptyCounts(),
  };
  readonly conflicts: ImportConflict[] = [];
  readonly writes: TableWrites = {
    articles: new Map(),
    articleBodies: new Map(),
    highlights: new Map(),
    pageNotes: new Map(),
    tags: new Map(),
  };

  /**
   * The copy a record will have once the planned writes are made: the planned one,
   * else the database's. Two records of the file that land on one id (articles matched
   * by URL) are thus merged one after the other, not each against the old copy.
   */
  current<T extends TableName>(
    table: T,
    id: string,
    existing: ReadonlyMap<string, ImportedRecords[T]>,
  ): ImportedRecords[T] | undefined {
    return (this.writes[table] as Map<string, ImportedRecords[T]>).get(id) ?? existing.get(id);
  }

  /** Applies the rule above to one record of the file against its copy here, if any. */
  merge<T extends TableName>(table: T, incoming: ImportedRecords[T], here: ImportedRecords[T] | undefined): void {
    const counts = this.counts[table];
    if (!here) {
      counts[incoming.deletedAt === null ? 'new' : 'tombstones']++;
      this.write(table, incoming);
      return;
    }
    if (contentKey(table, incoming) === contentKey(table, here)) {
      counts.unchanged++;
      return;
    }
    const fileWins = compareVersions(table, incoming, here) > 0;
    if (fileWins) {
      counts[incoming.deletedAt !== null && here.deletedAt === null ? 'deleted' : 'updated']++;
      this.write(table, incoming);
    } else {
      counts.older++;
    }
    if (incoming.deviceId === undefined || incoming.deviceId !== here.deviceId) {
      counts.conflicts++;
      this.conflicts.push({
        table,
        id: here.id,
        winner: fileWins ? 'file' : 'database',
        fields: differingFields(table, incoming, here),
        file: incoming,
        database: here,
      } as ImportConflict);
    }
  }

  /** Records a write that is not a record of the file (an article gaining URL keys). */
  write<T extends TableName>(table: T, record: ImportedRecords[T]): void {
    (this.writes[table] as Map<string, ImportedRecords[T]>).set(record.id, record);
  }
}
