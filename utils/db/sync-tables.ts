/**
 * Rows of the two tables sync keeps beside the records (schema v3). The engine in
 * `utils/sync/` is their only reader and writer.
 */
import type { SyncDoc } from '@/utils/sync/sync-doc';

export interface SyncDocRow {
  /** `table:id` of the record. */
  key: string;
  /** The record's state as last merged, with the stamps of each field. */
  doc: SyncDoc;
  /** 1 while it holds changes made here that no change file carries yet (0/1: booleans are not indexable). */
  dirty: 0 | 1;
}

export interface SyncMetaRow {
  key: string;
  value: unknown;
}
