/**
 * Fills a pair index on the highlights written before it existed, after the database
 * has opened: `tagWords` (schema v4) and `siteWords` (v5). Their upgrades declare the
 * index only, as filling it there takes minutes on a large library and a service
 * worker may be stopped first.
 *
 * Small batches, each its own short read-write transaction that re-reads its
 * highlights and writes only those still without the pairs: an edit made meanwhile
 * has stored its own, and is kept as it is. `updatedAt` is untouched, as in every
 * upgrade: a derived field is not an edit for sync to send. Each batch records how
 * far it got in `meta` in the same transaction, so a run cut short (the worker
 * stopped, an abort) resumes after the last committed batch; the last marks the
 * whole done, which is what lets search use the index (`pair-index-state.ts`).
 */
import type { MarginDb } from './margin-db';
import {
  completeRow,
  readPairIndexProgress,
  SITE_WORDS_KEY,
  TAG_WORDS_KEY,
  type PairIndex,
  type PairIndexProgress,
} from './pair-index-state';
import type { HighlightRecord } from './schema';
import { tagWords } from './search-words';
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
  onBatch?: (progress: PairIndexProgress & { written: number }) => void | Promise<void>;
}

export interface BackfillResult {
  /** The whole library is filled and marked so. */
  complete: boolean;
  /** Highlights this run wrote. */
  written: number;
}

/** What one pair index needs filled. */
interface PairIndexFill {
  index: PairIndex;
  /** Ids of the highlights that may need it (keys only). */
  candidates: (db: MarginDb) => Promise<string[]>;
  needs: (h: HighlightRecord) => boolean;
  /** The highlight with its pairs. */
  fill: (h: HighlightRecord) => HighlightRecord;
}

/** Fills `tagWords`: only a highlight with a tag has any, found through the `tags` index. */
export function backfillTagWords(db: MarginDb, options: BackfillOptions = {}): Promise<BackfillResult> {
  return backfill(db, options, {
    index: TAG_WORDS_KEY,
    candidates: (d) => d.highlights.where('tags').aboveOrEqual('').primaryKeys(),
    // A tombstone has none to fill (absent is empty).
    needs: (h) => h.deletedAt === null && h.tagWords === undefined && (h.tags ?? []).length > 0,
    fill: (h) => ({ ...h, tagWords: tagWords(h.tags, h.words ?? []) }),
  });
}

/**
 * Fills `siteWords`: every live highlight. The pairs themselves come from the
 * database's own middleware on the write (`site-words.ts`), which reads the hosts.
 */
export function backfillSiteWords(db: MarginDb, options: BackfillOptions = {}): Promise<BackfillResult> {
  return backfill(db, options, {
    index: SITE_WORDS_KEY,
    candidates: (d) => d.highlights.toCollection().primaryKeys(),
    needs: (h) => h.deletedAt === null && h.siteWords === undefined,
    fill: (h) => h,
  });
}

/**
 * Runs (or resumes) one backfill. Safe to run again, or beside the user's writes.
 * @return whether it finished, and how many highlights it wrote
 */
async function backfill(db: MarginDb, options: BackfillOptions, what: PairIndexFill): Promise<BackfillResult> {
  const batchSize = options.batchSize ?? BATCH_SIZE;
  const progress = await readPairIndexProgress(db.meta, what.index);
  if (progress.done) return { complete: true, written: 0 };

  // In key order past the last committed batch. One listed now and edited later is
  // re-read below; one created later is written with its pairs by its writer.
  const ids = [...new Set(await what.candidates(db))].filter((id) => id > progress.after).sort();

  let written = 0;
  for (let i = 0, batches = 0; i < ids.length; i += batchSize, batches++) {
    if (options.signal?.aborted || (options.maxBatches !== undefined && batches >= options.maxBatches)) {
      return { complete: false, written };
    }
    const batch = ids.slice(i, i + batchSize);
    const after = batch[batch.length - 1]!;
    // `articles` too: a highlight's site pairs are read from its article as it is written.
    const count = await writeTransaction(db, [db.highlights, db.articles, db.meta], async () => {
      const rows = await db.highlights.bulkGet(batch);
      const missing = rows.filter((h): h is HighlightRecord => h !== undefined && what.needs(h));
      await db.highlights.bulkPut(missing.map(what.fill));
      await db.meta.put({ key: what.index, value: { done: false, after } satisfies PairIndexProgress });
      return missing.length;
    });
    written += count;
    await options.onBatch?.({ done: false, after, written: count });
  }
  await db.meta.put(completeRow(what.index));
  return { complete: true, written };
}
