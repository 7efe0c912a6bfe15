/**
 * Whether every live highlight carries its pairs for one pair index, as one `meta`
 * row each: `tagWords` (schema v4) and `siteWords` (v5). Until it does, a word within
 * a tag, or on a site, is searched without that index (the word's keys and the
 * tag's intersected; the word's records checked for the site): the index would miss
 * highlights not yet filled (`backfill-pair-indexes.ts` fills them).
 *
 * A row goes from "not done" to "done" once and never back: from then on every
 * writer stores the pairs with the record. So a reader may remember "done" for the
 * life of its database object, and must only re-read while it has seen "not done"
 * (the backfill may finish in another context).
 */
import type { Table } from 'dexie';
import type { MarginDb } from './margin-db';
import type { MetaRow } from './meta-table';

/** The `meta` keys of the pair indexes' states. */
export const TAG_WORDS_KEY = 'tagWords';
export const SITE_WORDS_KEY = 'siteWords';
export type PairIndex = typeof TAG_WORDS_KEY | typeof SITE_WORDS_KEY;

/** How far a backfill has got. */
export interface PairIndexProgress {
  /** Every live highlight has its pairs. */
  done: boolean;
  /** Highlight ids up to this one (inclusive, in key order) are filled; '' before the first batch. */
  after: string;
}

/** The row a new database starts with, and a backfill ends with. */
export function completeRow(index: PairIndex): MetaRow {
  return { key: index, value: { done: true, after: '' } satisfies PairIndexProgress };
}

/** The stored progress; nothing (a database upgraded from before the index), or anything odd, reads as not started. */
export async function readPairIndexProgress(
  meta: Table<MetaRow, string>,
  index: PairIndex,
): Promise<PairIndexProgress> {
  const value = (await meta.get(index))?.value as Partial<PairIndexProgress> | undefined;
  return { done: value?.done === true, after: typeof value?.after === 'string' ? value.after : '' };
}

/** Databases seen complete, per index: they stay so (see the header). */
const seenComplete: Record<PairIndex, WeakSet<MarginDb>> = { tagWords: new WeakSet(), siteWords: new WeakSet() };

/**
 * Whether search may use the index. One small read until it says yes, none after.
 */
export async function pairIndexComplete(db: MarginDb, index: PairIndex): Promise<boolean> {
  if (seenComplete[index].has(db)) return true;
  const { done } = await readPairIndexProgress(db.meta, index);
  if (done) seenComplete[index].add(db);
  return done;
}
