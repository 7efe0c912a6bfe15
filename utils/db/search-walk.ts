/**
 * Walking a table newest first, and the share of records read that matched: what
 * sizes each next page of a walk or a newest-first read (`search-plan.ts`).
 */
import type { Table } from 'dexie';
import type { SyncFields } from './schema';

/** Bounds of one search. */
export interface SearchBounds {
  /** Created at or after (epoch ms). */
  from: number;
  /** Created before (epoch ms). */
  to: number;
  limit: number;
}

/** Records read, and of them, found. */
export interface Tally {
  read: number;
  passed: number;
}

/**
 * The share of the records read so far that matched, floored so one unlucky page does
 * not size the next one past reason.
 * @param before - the share to assume while nothing has been read
 */
export function observedShare(tally: Tally, before: number, floor = 1 / 16): number {
  return tally.read === 0 ? before : Math.max(tally.passed / tally.read, floor);
}

/**
 * Reads `table` newest first through the `createdAt` index, in pages that are plain
 * range reads (one getAll each) rather than a cursor, which costs a round trip a record.
 */
export class Walk<T extends SyncFields> {
  done = false;
  private upper: number;
  private includeUpper = false;
  /** Records at `upper` already returned: the next page starts among them. */
  private atUpper = 0;

  constructor(
    private readonly table: Table<T, string>,
    private readonly bounds: SearchBounds,
  ) {
    this.upper = bounds.to;
  }

  /** The next `size` records (fewer at the end). */
  async next(size: number): Promise<T[]> {
    if (this.done) return [];
    const want = size + this.atUpper;
    const rows = await this.table
      .where('createdAt')
      .between(this.bounds.from, this.upper, true, this.includeUpper)
      .reverse()
      .limit(want)
      .toArray();
    // The `createdAt` index read backwards orders records of one time by id, newest
    // first, as `newestFirst` does: the page starts with those of time `upper` that
    // the last page returned.
    const fresh = rows.slice(this.atUpper);
    const oldest = rows.at(-1);
    if (rows.length < want || !oldest) {
      this.done = true;
      return fresh;
    }
    this.upper = oldest.createdAt;
    this.includeUpper = true;
    this.atUpper = rows.filter((r) => r.createdAt === oldest.createdAt).length;
    return fresh;
  }
}

/** Newest first by creation; ties by id so the order is the same every time. */
export function newestFirst(a: SyncFields, b: SyncFields): number {
  return b.createdAt - a.createdAt || (a.id < b.id ? 1 : a.id > b.id ? -1 : 0);
}
