/**
 * How a search reads one table: which index ranges to read as key sets, and when to
 * walk the table newest first instead. The goal is reading as few records as the
 * result needs, because decoding records, not reading index keys, is what costs.
 *
 * Each condition with an index (a query term on `words`, a tag, a colour, a site) is
 * a key source. Counting a range is cheap, so the plan counts every source, then:
 * - reads a source's keys, smallest first, while that costs less than checking its
 *   condition on the records it would rule out (see `checkCost`), intersecting them;
 *   a condition not read is checked on the records by `keep`;
 * - sorts candidate ids: record ids are UUID v7, so the largest ids are the newest
 *   records and ids outside the date range drop out without a read (`record-id.ts`);
 * - reads records a page at a time, newest first, until `limit` pass `keep`.
 * When every source is large (a common word, a two-letter prefix typed so far, a
 * colour), matches are common too: walking the `createdAt` index newest first and
 * checking each record finds `limit` of them after about limit / (share matching)
 * reads, less than reading the keys would cost.
 *
 * Cost, k = keys in the sources read: O(k) key reads + O(k log k) in memory +
 * O(limit / share of candidates passing the unread conditions) record reads. Worst
 * case (every condition common, together rare): the walk reads the date range, O(N).
 */
import type { Collection, Table } from 'dexie';
import { idTime } from './record-id';
import type { SyncFields } from './schema';

/** Candidate ids from one index range. */
export interface KeySource {
  /** Index entries in the range: what reading it would cost. */
  count: () => Promise<number>;
  keys: () => Promise<Set<string>>;
  /** Must be read: `keep` cannot check this condition on a record. */
  required?: boolean;
}

/** Bounds of one search. */
export interface SearchBounds {
  /** Created at or after (epoch ms). */
  from: number;
  /** Created before (epoch ms). */
  to: number;
  limit: number;
}

// Reading a record costs about this many times as much as reading a key from an index
// range: measured in Chromium at ~3 µs a key (getAllKeys) and 40–80 µs a record (cursor
// or bulkGet). It only moves the points where one plan beats another; results are the
// same either way.
const RECORD_COST = 20;

/** A key source over one index range of a table. */
export function rangeSource<T>(range: Collection<T, string>, required = false): KeySource {
  return { count: () => range.count(), keys: async () => new Set(await range.primaryKeys()), required };
}

/**
 * A key source over the union of several ranges: several tables sharing ids (an
 * article and its body), or several values of one index (`anyOf` walks a cursor from
 * value to value; separate ranges are read in one request each).
 */
export function unionSource(ranges: Array<Collection<unknown, string>>, required = false): KeySource {
  return {
    count: async () => (await Promise.all(ranges.map((r) => r.count()))).reduce((a, b) => a + b, 0),
    keys: async () => new Set((await Promise.all(ranges.map((r) => r.primaryKeys()))).flat()),
    required,
  };
}

/**
 * The newest `limit` records of `table` that pass `keep`.
 * @param sources - key sources, each holding every record that passes `keep`
 * @param keep - the whole condition, checked on each record read
 */
export async function newestMatching<T extends SyncFields>(
  table: Table<T, string>,
  sources: KeySource[],
  keep: (record: T) => boolean,
  { from, to, limit }: SearchBounds,
): Promise<T[]> {
  const sized = await Promise.all(sources.map(async (source) => ({ source, size: await source.count() })));
  if (sized.some((s) => s.size === 0)) return [];
  sized.sort((a, b) => Number(b.source.required ?? false) - Number(a.source.required ?? false) || a.size - b.size);

  const total = await tableSize(table);
  let candidates: Set<string> | null = null;
  for (const { source, size } of sized) {
    if (!source.required && readCost(size) > checkCost(size, total, limit, candidates)) break;
    const keys = await source.keys();
    candidates = candidates === null ? keys : intersect(candidates, keys);
    if (candidates.size === 0) return [];
  }

  if (candidates === null) return walkNewest(table, keep, { from, to, limit });

  const ids = [...candidates].filter((id) => inWindow(id, from, to)).sort().reverse();
  const found: T[] = [];
  for (let start = 0, page = limit; start < ids.length && found.length < limit; start += page, page *= 2) {
    const rows = await table.bulkGet(ids.slice(start, start + page));
    for (const row of rows) if (row && keep(row)) found.push(row);
  }
  return found.sort(newestFirst).slice(0, limit);
}

/**
 * Reads `table` newest first through the `createdAt` index, a page at a time, until
 * `limit` records pass `keep`. Pages are plain range reads (one getAll each) rather
 * than a cursor with a filter, which costs a round trip a record.
 */
async function walkNewest<T extends SyncFields>(
  table: Table<T, string>,
  keep: (record: T) => boolean,
  { from, to, limit }: SearchBounds,
): Promise<T[]> {
  const found: T[] = [];
  const seen = new Set<string>();
  let upper = to;
  let includeUpper = false;
  for (let page = limit; found.length < limit; page *= 2) {
    const rows = await table.where('createdAt').between(from, upper, true, includeUpper).reverse().limit(page).toArray();
    for (const row of rows) {
      if (seen.has(row.id)) continue; // re-read at a page boundary shared by several records
      seen.add(row.id);
      if (keep(row)) found.push(row);
    }
    const oldest = rows.at(-1);
    if (rows.length < page || !oldest) break;
    // The next page starts at the oldest time seen, inclusive, as more records may share
    // it; pages double, so even a page of one timestamp is eventually read past.
    upper = oldest.createdAt;
    includeUpper = true;
  }
  return found.sort(newestFirst).slice(0, limit);
}

/** Newest first by creation; ties by id so the order is the same every time. */
export function newestFirst(a: SyncFields, b: SyncFields): number {
  return b.createdAt - a.createdAt || (a.id < b.id ? 1 : a.id > b.id ? -1 : 0);
}

// Costs in record reads. Reading a source's k keys costs k / RECORD_COST. Not reading
// it means checking its condition on records instead: if k of N records pass, about
// limit × N / k reads find `limit` that do, by walking (no candidates yet) or paging
// through the candidates (never more than all of them). Sorted smallest first, the
// first source is read when k < √(RECORD_COST × limit × N).
function readCost(keys: number): number {
  return keys / RECORD_COST;
}

function checkCost(keys: number, total: number, limit: number, candidates: Set<string> | null): number {
  const untilLimit = (limit * Math.max(total, keys)) / Math.max(keys, 1);
  return candidates === null ? untilLimit : Math.min(candidates.size, untilLimit);
}

// Counting a whole table walks it (~5 ms for 100,000 rows in Chromium), so a count is
// reused for a minute: the plan only needs the order of magnitude, and a minute-old
// count is wrong by that much only right after a large import.
const SIZE_TTL_MS = 60_000;
const sizes = new WeakMap<Table, { size: number; at: number }>();
async function tableSize(table: Table): Promise<number> {
  const now = Date.now();
  const known = sizes.get(table);
  if (known && now - known.at < SIZE_TTL_MS) return known.size;
  const size = await table.count();
  sizes.set(table, { size, at: now });
  return size;
}

function inWindow(id: string, from: number, to: number): boolean {
  const t = idTime(id);
  return t === null || (t >= from && t < to); // an id from elsewhere: `keep` checks the record
}

function intersect(a: Set<string>, b: Set<string>): Set<string> {
  const [small, large] = a.size <= b.size ? [a, b] : [b, a];
  const both = new Set<string>();
  for (const k of small) if (large.has(k)) both.add(k);
  return both;
}
