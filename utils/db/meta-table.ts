/**
 * Rows of `meta` (schema v4): this database's own bookkeeping, such as how far a
 * background backfill has got. Not `syncMeta`: that is sync's, and a sync reset
 * clears it. Never synced, backed up or exported: it describes this copy of the
 * data, not the user's records.
 */
export interface MetaRow {
  key: string;
  value: unknown;
}
