/**
 * Fills `tagWords` (schema v4) on the highlights written before v4, after the
 * database has opened: the v4 upgrade declares the index only, as filling it there
 * takes minutes on a large library and a service worker may be stopped first.
 *
 * Small batches, each its own short read-write transaction that re-reads its
 * highlights and writes only those still without `tagWords`: an edit made meanwhile
 * has stored its own, and is kept as it is. `updatedAt` is untouched, as in every
 * upgrade: a derived field is not an edit for sync to send. Each batch records how
 * far it got in `meta` in the same transaction, so a run cut short (the worker
 * stopped, an abort) resumes after the last committed batch; the last marks the
 * whole done, which is what lets search use the index (`tag-words-state.ts`).
 */
import type { MarginDb } from './margin-db';
import type { HighlightRecord } from './schema';
import { tagWords } from './search-words';
import { readTagWordsProgress, TAG_WORDS_COMPLETE, TAG_WORDS_KEY, type TagWordsProgress } from './tag-words-state';
import { writeTransaction } from './write-transaction';

/**
 * Highlights per batch. Writing index entries is what costs (~18 ms a highlight
 * measured in Chromium on a loaded machine): ~1 s a batch, so each commits well
 * within a service worker's life and does not hold up the user's writes for long.
 */
const BATCH_SIZE = 50;

export interface BackfillOptions {
  batchSize?: number;
  /** Stops before the next batch; what is committed stays. */
  signal?: AbortSignal;
  /** Stops after this many batches (tests: a run cut short). */
  maxBatches?: number;
  /** Called after each batch has committed. */
  onBatch?: (progress: TagWordsProgress & { written: number }) => void | Promise<void>;
}

export interface BackfillResult {
  /** The whole library is filled and marked so. */
  complete: boolean;
  /** Highlights this run wrote. */
  written: number;
}

/**
 * Runs (or resumes) the backfill. Safe to run again, or beside the user's writes.
 * @return whether it finished, and how many highlights it wrote
 */
export async function backfillTagWords(db: MarginDb, options: BackfillOptions = {}): Promise<BackfillResult> {
  const batchSize = options.batchSize ?? BATCH_SIZE;
  const progress = await readTagWordsProgress(db.meta);
  if (progress.done) return { complete: true, written: 0 };

  // Only a highlight with a tag has any: their ids, from the `tags` index (keys only),
  // in key order past the last committed batch. One listed now and edited later is
  // re-read below; one created later is written with `tagWords` by its writer.
  const tagged = await db.highlights.where('tags').aboveOrEqual('').primaryKeys();
  const ids = [...new Set(tagged)].filter((id) => id > progress.after).sort();

  let written = 0;
  for (let i = 0, batches = 0; i < ids.length; i += batchSize, batches++) {
    if (options.signal?.aborted || (options.maxBatches !== undefined && batches >= options.maxBatches)) {
      return { complete: false, written };
    }
    const batch = ids.slice(i, i + batchSize);
    const after = batch[batch.length - 1]!;
    const count = await writeTransaction(db, [db.highlights, db.meta], async () => {
      const rows = await db.highlights.bulkGet(batch);
      const missing = rows.filter((h): h is HighlightRecord => h !== undefined && needsTagWords(h));
      await db.highlights.bulkPut(missing.map((h) => ({ ...h, tagWords: tagWords(h.tags, h.words ?? []) })));
      await db.meta.put({ key: TAG_WORDS_KEY, value: { done: false, after } satisfies TagWordsProgress });
      return missing.length;
    });
    written += count;
    await options.onBatch?.({ done: false, after, written: count });
  }
  await db.meta.put(TAG_WORDS_COMPLETE);
  return { complete: true, written };
}

/** A live highlight with tags and no `tagWords` yet. A tombstone has none to fill (absent is empty). */
function needsTagWords(h: HighlightRecord): boolean {
  return h.deletedAt === null && h.tagWords === undefined && (h.tags ?? []).length > 0;
}
