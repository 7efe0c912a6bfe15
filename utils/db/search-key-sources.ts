/**
 * Key sources: the index ranges a search can read for one condition (a word, a prefix,
 * a tag, a site's articles, ids already known), each able to say how to read its newest
 * ids or records cheaply when it can. `search-plan.ts` decides which to read.
 */
import type { Collection, Table } from 'dexie';
import { idTime } from './record-id';

/** What a capped read of a source's keys found. */
export interface KeyRead {
  /** Record ids (a record may appear more than once: multiEntry indexes). */
  ids: string[];
  /** Whether these are all of the source's ids (the read stopped short of its cap). */
  complete: boolean;
}

/** One condition of a search, with an index range holding every record that meets it. */
export interface KeySource<T> {
  /** Ids from the range, reading at most `max` index entries. */
  read: (max: number) => Promise<KeyRead>;
  /**
   * The newest `count` ids, newest first; null when the range cannot be read in that
   * order cheaply. Only for ranges whose ids sort by time: one index value, or a few.
   */
  newest?: (count: number) => Promise<string[] | null>;
  /**
   * The newest `count` records themselves, newest first, in one range read: where the
   * range is one index value, its records come in id order, and reading them there
   * costs a third of reading their ids and then each record by key.
   */
  newestRecords?: (count: number) => Promise<T[]>;
  /** Keys a probe reads, when not `PROBE`: less for a source that is worth reading only when small. */
  probe?: number;
  /**
   * The condition is the date range, which a v7 id tells without its record: once
   * there are candidates, the range is applied to their ids, not read from the index.
   */
  dateRange?: boolean;
  /** The condition on a record. */
  test?: (record: T) => boolean;
  /** The condition on records, when deciding it takes more reads (an article's saved text). */
  check?: (records: T[]) => Promise<boolean[]>;
}

/** Keys read by a probe: enough to tell a rare condition's whole set from a common one's. */
export const PROBE = 64;
/** Beyond this many words a prefix covers, finding them all costs too many requests. */
const MAX_PREFIX_WORDS = 16;

/** A key source over one index range; `ordered` when the range is one index value. */
export function rangeSource<T>(
  range: () => Collection<T, string>,
  test: ((record: T) => boolean) | undefined,
  ordered = false,
): KeySource<T> {
  return {
    read: async (max) => {
      const ids = await range().limit(max).primaryKeys();
      return { ids, complete: ids.length < max };
    },
    // One index value: its entries sort by primary key, which for v7 ids is time.
    newest: ordered ? (count) => range().reverse().limit(count).primaryKeys() : undefined,
    newestRecords: ordered ? (count) => range().reverse().limit(count).toArray() : undefined,
    // Read newest first, a small one is read whole anyway: the probe need only spot the very rare.
    ...(ordered && { probe: PROBE / 4 }),
    test,
  };
}

/**
 * A key source for the words of `index` beginning with `prefix`. Newest first, it
 * reads each word's newest ids (ids sort by time within a word, not across words),
 * after finding the words one request each: worth it for the few words a typed
 * prefix usually covers, not for the hundreds "th" does.
 */
export function prefixSource<T>(
  table: Table<T, string>,
  index: string,
  prefix: string,
  test: (record: T) => boolean,
): KeySource<T> {
  const upper = prefix + '\uffff';
  return {
    read: async (max) => {
      const ids = await table.where(index).between(prefix, upper, true, true).limit(max).primaryKeys();
      return { ids, complete: ids.length < max };
    },
    newest: async (count) => {
      const words: string[] = [];
      for (let lower = prefix; words.length <= MAX_PREFIX_WORDS; ) {
        const [word] = (await table.where(index).between(lower, upper, true, true).limit(1).keys()) as string[];
        if (word === undefined) break;
        words.push(word);
        lower = word + '\u0000'; // the first string after `word`
      }
      if (words.length > MAX_PREFIX_WORDS) return null;
      const lists = await Promise.all(
        words.map((w) => table.where(index).equals(w).reverse().limit(count).primaryKeys()),
      );
      return [...new Set(lists.flat())].sort(newestIdFirst).slice(0, count);
    },
    test,
  };
}

/** A key source over the union of several sources' ranges (an article's metadata and its saved text). */
export function unionSource<T>(
  parts: Array<{ read: KeySource<unknown>['read'] }>,
  condition: Pick<KeySource<T>, 'test' | 'check'>,
): KeySource<T> {
  return {
    read: async (max) => {
      const reads = await Promise.all(parts.map((p) => p.read(max)));
      return { ids: reads.flatMap((r) => r.ids), complete: reads.every((r) => r.complete) };
    },
    ...condition,
  };
}

/** A key source over ids already known (the articles on a site). */
export function idSource<T>(ids: ReadonlySet<string>, test: (record: T) => boolean): KeySource<T> {
  return { read: async () => ({ ids: [...ids], complete: true }), test };
}

/** v7 ids newest first (ids without a time last). */
function newestIdFirst(a: string, b: string): number {
  return (idTime(b) ?? -Infinity) - (idTime(a) ?? -Infinity) || (a < b ? 1 : a > b ? -1 : 0);
}
