/**
 * Whether every live highlight carries its `tagWords` (schema v4), as one `meta` row.
 * Until it does, a word within a tag is searched the pre-v4 way (the word's keys and
 * the tag's intersected): the `tagWords` index would miss highlights not yet filled.
 *
 * The row goes from "not done" to "done" once and never back: from then on every
 * writer (repository, import, restore, sync) stores `tagWords` with the record. So a
 * reader may remember "done" for the life of its database object, and must only
 * re-read while it has seen "not done" (the backfill may finish in another context).
 */
import type { Table } from 'dexie';
import type { MarginDb } from './margin-db';
import type { MetaRow } from './meta-table';

/** The `meta` key of the state. */
export const TAG_WORDS_KEY = 'tagWords';

/** How far the backfill has got. */
export interface TagWordsProgress {
  /** Every live highlight with a tag has `tagWords`. */
  done: boolean;
  /** Highlight ids up to this one (inclusive, in key order) are filled; '' before the first batch. */
  after: string;
}

/** The row a new database starts with, and the backfill ends with. */
export const TAG_WORDS_COMPLETE: MetaRow = { key: TAG_WORDS_KEY, value: { done: true, after: '' } satisfies TagWordsProgress };

/** The stored progress; nothing (a database upgraded from v3), or anything odd, reads as not started. */
export async function readTagWordsProgress(meta: Table<MetaRow, string>): Promise<TagWordsProgress> {
  const value = (await meta.get(TAG_WORDS_KEY))?.value as Partial<TagWordsProgress> | undefined;
  return { done: value?.done === true, after: typeof value?.after === 'string' ? value.after : '' };
}

/** Databases seen complete: they stay so (see the header). */
const seenComplete = new WeakSet<MarginDb>();

/**
 * Whether search may use the `tagWords` index. One small read until it says yes,
 * none after.
 */
export async function tagWordsComplete(db: MarginDb): Promise<boolean> {
  if (seenComplete.has(db)) return true;
  const { done } = await readTagWordsProgress(db.meta);
  if (done) seenComplete.add(db);
  return done;
}
