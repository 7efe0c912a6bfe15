/**
 * Rows of the two tables sync keeps beside the records (schema v3), and the shape of
 * the doc they store. The engine in `utils/sync/` is their only reader and writer; what
 * a doc means and how two merge is `utils/sync/sync-doc.ts`.
 */
import type { TableName } from './schema';

/** A run of note edits not seen: [device, first, last], inclusive (`utils/sync/seen-set.ts`). */
export type Gap = [string, number, number];

/** [value, clock, device]. */
export type Register = [unknown, number, string];

/** One version of a note: its text, the stamp of its write, and the edits it had seen. */
export interface NoteVersion {
  v: string;
  c: number;
  d: string;
  /**
   * The note edits this version had seen, itself included: a version vector, with
   * `x` listing edits below it that were not seen (see seen-set.ts). Its own edit
   * is the dot (d, vv[d]).
   */
  vv: Record<string, number>;
  x?: Gap[];
}

/**
 * A multi-value register: the versions no other version has seen. One version is the
 * usual case; more means concurrent edits. The newest shows, the others are conflicts.
 */
export interface NoteRegister {
  vs: NoteVersion[];
}

export interface SyncDoc {
  t: TableName;
  id: string;
  /** One register per field: `createdAt`, `deletedAt` and the table's content fields, the note excepted. */
  f: Record<string, Register>;
  n?: NoteRegister;
}

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
