/**
 * How a search reads one table: which index ranges to read as key sets, when to walk
 * the table newest first instead, and when to read a range newest first. The goal is
 * the fewest IndexedDB reads for the newest `limit` matches.
 * The sources it chooses among are in `search-key-sources.ts`, the walk and the observed
 * share that sizes its pages in `search-walk.ts`.
 *
 * What reads cost (Chromium, 100,000 highlights, bench/search-browser.ts on a loaded
 * 2-core machine; the ratios matter, not the figures): an index key 10–25 µs, and
 * reading many also slows the record reads after them; a record by key (`bulkGet`, a
 * request each) ~100 µs; a record in a range read (`getAll`) ~30 µs; a round trip
 * ~0.5 ms. Counting is no cheaper than reading: `count()` walks its range (~9 µs an
 * entry, 0.7 s for the words beginning "the"), so the plan never counts. A range read
 * newest first (`prev`) first steps back over every entry of its last key (~0.8 µs
 * each: 8 ms for a colour on 10,000 highlights, 45 ms for "the").
 *
 * Each condition with an index (a query term on `words`, a tag, a colour, a site, the
 * date range) is a key source. For the newest `limit` records that meet them all:
 * 1. Probe each source with one read capped at `PROBE` keys: one that comes back short
 *    is the source's whole key set, and the candidates are the intersection of such
 *    sets. One request says "these are all" or "there are many"; counting would walk
 *    them all. A probe of one word, tag or colour reads its oldest keys, and how much
 *    of the table's time span they cover estimates how many it holds: one estimated
 *    small (`ESTIMATED_SMALL`) is read whole, as its set beats any sample.
 * 2. With candidates, read other sources' keys only while that costs less than
 *    checking the candidates on their records (the read is capped at candidates ×
 *    RECORD_COST keys, and dropped if it hits the cap), then read candidate records
 *    newest first until `limit` pass. Record ids are UUID v7 (`record-id.ts`): the
 *    largest are the newest, so reading stops once no unread candidate can be newer
 *    than the `limit`-th match. Ids that are not v7 (imported records) carry no time:
 *    those candidates are always read.
 * 3. When every source is large, walk the newest records (the `createdAt` index, in
 *    range reads), or read one source newest first (`newest`: a `prev` read of one
 *    index value, or of each word a prefix covers) and its records in that order,
 *    stopping as in 2. Newest first by id is only right where the table's ids all
 *    follow time (see `span`). Which of them:
 *    - one source with an estimate: its share of the table (the table's size estimated
 *      from its first keys, as a probe's) says. A common one (≥ WALK_SHARE: a common
 *      word) is walked, the first page sized to finish; a walk that finds far fewer
 *      than that share said turns what it read into the sample below. Otherwise (a
 *      colour, a tag) it is read newest first;
 *    - else a page of the newest records is both the first results and a sample: the
 *      share of it that matches, and the share meeting each condition, say. A common
 *      match (an empty query) walks on; a source whose records mostly meet the rest of
 *      the condition (a typed prefix alone) is read newest first; otherwise the rarest
 *      source is read whole, capped at what walking on would cost, and goes on as in
 *      2; if it is not even that small, walk on.
 *
 * Cost, k = keys read: O(k) + O(limit / share) records, each choice bounded by the
 * cost of the one it turns down. Worst case (every condition common, together rare):
 * the walk reads the date range, O(N). Conditions that are rare together but each
 * common (two mid-frequency words, a word and a site) cost their smaller key sets:
 * ~1,000–5,000 keys, 0.1–0.3 s on 100,000 highlights. A word and a tag, or a word
 * and a site, do not: schema v4 and v5 index each pair (`tagWords`, `siteWords`),
 * one small range (search-library.ts). Pairs of words would be an index of their own
 * (words² entries a highlight: not worth it).
 */
import type { Table } from 'dexie';
import { idTime } from './record-id';
import type { SyncFields } from './schema';
import { PROBE, type KeySource } from './search-key-sources';
import { newestFirst, observedShare, Walk, type SearchBounds, type Tally } from './search-walk';

/** A source estimated to hold at most this many keys is read whole after its probe. */
const ESTIMATED_SMALL = 512;
/** Records in the sample: enough to tell a share of 1/4 from a small one; each read costs. */
const SAMPLE = 32;
// Costs in index keys: reading a record by key costs about as much as reading
// RECORD_COST keys, one found walking a range about WALK_COST (see the header). They
// only move the points where one plan beats another; results are the same either way.
const RECORD_COST = 6;
const WALK_COST = 2;
/** Checking a condition that reads more (an article's saved text, ~5 times a record). */
const CHECK_COST = 30;
/** Walk on when at least this share of the sampled records match. */
const WALK_SHARE = 1 / 4;
/** Read a source newest first when at least this share of its records (estimated) match. */
const STREAM_RATE = 1 / 2;
/**
 * The newest `limit` records of `table` that pass `keep` and every source's condition.
 * @param sources - each holds every record that passes its condition; probed in this order
 * @param keep - the rest of the condition (what has no index), on one record
 * @param confirm - a last condition on records that pass all else, when it takes more reads
 */
export async function newestMatching<T extends SyncFields>(
  table: Table<T, string>,
  sources: Array<KeySource<T>>,
  keep: (record: T) => boolean,
  bounds: SearchBounds,
  confirm?: (records: T[]) => Promise<boolean[]>,
): Promise<T[]> {
  const search = new TableSearch(table, sources, keep, bounds, confirm);
  await search.run();
  return search.result();
}

class TableSearch<T extends SyncFields> {
  private readonly found = new Map<string, T>();
  /** Ids of every record read. */
  private readonly seen = new Set<string>();
  /** Sources whose `check` is still to be made on records (those not intersected). */
  private unread: Array<KeySource<T>>;
  /** Whether the table's ids all follow time (see `span`), once asked. */
  private ordered = false;
  /** Times of the table's smallest and largest ids, and its size estimated; null when either id is not v7. */
  private ends?: Promise<{ first: number; last: number; size: number } | null>;
  /** Keys a source holds, estimated from its probe (`estimateSize`). */
  private readonly estimates = new Map<KeySource<T>, number>();
  /** Entries a source is known to hold at least: a read capped there came back full. */
  private readonly atLeast = new Map<KeySource<T>, number>();

  constructor(
    private readonly table: Table<T, string>,
    private readonly sources: Array<KeySource<T>>,
    private readonly keep: (record: T) => boolean,
    private readonly bounds: SearchBounds,
    private readonly confirm?: (records: T[]) => Promise<boolean[]>,
  ) {
    this.unread = [...sources];
  }

  /**
   * The times of the table's smallest and largest ids, and its size estimated, read once
   * (two reads, `PROBE` keys); null when either id is not v7. They also say whether the
   * table's ids follow time (`ordered`): an id that is not v7 (an imported record's)
   * sorts anywhere, almost always outside the span of the v7 ids, so one of the two
   * would be it. Reading newest first by id is only right without such ids. An odd id
   * that sorts inside the span goes unnoticed: for a random (v4 or v5) id, odds of the
   * library's age over 9,000 years.
   */
  private span(): Promise<{ first: number; last: number; size: number } | null> {
    this.ends ??= (async () => {
      // The smallest ids also give the table's size, estimated as a probe's are.
      const [smallest, largest] = await Promise.all([
        this.table.orderBy(':id').limit(PROBE).primaryKeys(),
        this.table.orderBy(':id').reverse().limit(1).primaryKeys(),
      ]);
      const [first, last] = [smallest[0], largest[0]].map((id) => (id === undefined ? null : idTime(id)));
      const ends = first != null && last != null ? { first, last } : null;
      this.ordered = ends !== null || smallest.length === 0;
      return ends && { ...ends, size: smallest.length < PROBE ? smallest.length : estimateSize(smallest, ends) };
    })();
    return this.ends;
  }

  result(): T[] {
    return [...this.found.values()].sort(newestFirst).slice(0, this.bounds.limit);
  }

  async run(): Promise<void> {
    const { limit } = this.bounds;
    // 1. Probe: a source read whole is the candidate set. The span is asked for at
    // once, with the first probe: any source the probe finds large needs it next,
    // and asking later would cost a round trip of its own.
    // (A failure surfaces where the span is awaited; unawaited, it is no error of its own.)
    if (this.sources.length > 0) this.span().catch(() => undefined);
    let candidates: Set<string> | null = null;
    for (const source of this.sources) {
      // A condition that is dear to check on records is worth more keys to read whole.
      const probe = source.probe ?? (PROBE * checkCost(source)) / RECORD_COST;
      if (candidates !== null && candidates.size * checkCost(source) <= probe) break;
      let keys = await source.read(probe);
      if (!keys.complete && !source.dateRange) {
        // How long the probed keys took to gather says how many there are: a source
        // estimated small is read whole now, as its set beats any sample.
        const estimate = estimateSize(keys.ids, await this.span());
        this.estimates.set(source, estimate);
        keys = estimate <= ESTIMATED_SMALL ? await source.read(Math.ceil(2 * estimate) + probe) : keys;
      }
      if (!keys.complete) {
        this.atLeast.set(source, keys.ids.length);
        continue;
      }
      candidates = intersect(candidates, keys.ids);
      this.unread = this.unread.filter((s) => s !== source);
      if (candidates.size === 0) return;
    }
    if (candidates !== null) return this.fromCandidates(candidates, Infinity);

    // 3. Every source is large. One alone, with an estimate, is placed by it: its share
    // of the table (the table's size estimated the same way) says walk or read newest
    // first, without a sample. A walk that finds fewer than that share said falls back
    // on what it read as the sample.
    const only = this.sources.length === 1 ? this.sources[0]! : null;
    const estimate = (s: KeySource<T>) => this.estimates.get(s) ?? Infinity;
    if (only?.test && estimate(only) < Infinity) {
      const share = estimate(only) / ((await this.span())?.size ?? Infinity);
      if (share >= WALK_SHARE) {
        const walk = new Walk(this.table, this.bounds);
        const walked: T[] = [];
        const tally = { read: 0, passed: 0 };
        if (!(await this.walkOn(walk, tally, share, walked))) return;
        return this.fromSample(walk, walked, tally);
      }
      if (only.newest && (await this.stream(only, 0, 1, Infinity))) return;
    }

    // Otherwise a page of the newest records, and what it says.
    const walk = new Walk(this.table, this.bounds);
    const page = await walk.next(this.sources.length === 0 ? limit : Math.min(Math.max(limit, 16), SAMPLE));
    const sample = await this.admit(page);
    if (walk.done || this.found.size >= limit) return;
    return this.fromSample(walk, page, sample);
  }

  /** 3, after a sample: walk on, read a source newest first, or read the rarest whole. */
  private async fromSample(walk: Walk<T>, page: T[], sample: Tally): Promise<void> {
    const { limit } = this.bounds;
    if (sample.passed / sample.read >= WALK_SHARE) {
      await this.walkOn(walk, sample);
      return;
    }
    const sampledBelow = page.at(-1)!.createdAt; // every newer record has been read
    const hits = new Map(this.sources.map((s) => [s, s.test ? page.filter(s.test).length : Infinity]));
    // Rarest first: by the probes' estimates where both have one (64 keys over all of
    // time say more than a few hits in a small sample), else by the sample.
    const estimate = (s: KeySource<T>) => this.estimates.get(s) ?? Infinity;
    const byHits = [...this.sources].sort((a, b) =>
      estimate(a) < Infinity && estimate(b) < Infinity ? estimate(a) - estimate(b) : hits.get(a)! - hits.get(b)! || 0,
    );
    // Of a source's records, the share that meet the rest of the condition, taken to be
    // the share of sampled records that do: sources' conditions are about independent.
    const rest = (source: KeySource<T>) =>
      (page.filter((r) => this.keep(r) && this.sources.every((s) => s === source || !s.test || s.test(r))).length + 1) /
      (page.length + 2);
    const streamable = byHits.filter((s) => s.newest && s.test && rest(s) >= STREAM_RATE);
    for (const source of streamable) {
      if (await this.stream(source, hits.get(source)!, rest(source), sampledBelow)) return;
    }
    const rarest = byHits[0]!;
    const share = Math.max(sample.passed, 1 / 2) / sample.read;
    const walkCost = ((limit - this.found.size) / share) * WALK_COST;
    const keys = await rarest.read(Math.max((this.atLeast.get(rarest) ?? 0) + 1, Math.ceil(walkCost)));
    if (!keys.complete) {
      await this.walkOn(walk, sample);
      return;
    }
    this.unread = this.unread.filter((s) => s !== rarest);
    return this.fromCandidates(new Set(keys.ids), sampledBelow);
  }

  /** 2. Narrows `candidates` by other sources while that is cheap, then reads them newest first. */
  private async fromCandidates(candidates: Set<string>, below: number): Promise<void> {
    for (const source of [...this.unread]) {
      if (source.dateRange) continue; // `readNewest` applies it to the ids
      const cap = Math.ceil(candidates.size * checkCost(source));
      if (cap <= (this.atLeast.get(source) ?? 0)) continue; // it holds more
      const keys = await source.read(cap);
      if (!keys.complete) {
        this.atLeast.set(source, cap);
        continue;
      }
      candidates = intersect(candidates, keys.ids);
      this.unread = this.unread.filter((s) => s !== source);
      if (candidates.size === 0) return;
    }
    await this.readNewest([...candidates], below);
  }

  /**
   * Reads the records of `ids` newest first, a page at a time, until no unread one
   * can be among the newest `limit` matches.
   * @param below - records created after this were all read already
   * @param rate - expected share of the records that match
   * @return whether reading stopped early (the rest cannot be among the results), and what was read
   */
  private async readNewest(ids: string[], below: number, rate = 1): Promise<Tally & { stopped: boolean }> {
    const { from, to, limit } = this.bounds;
    const untimed: string[] = [];
    const timed: Array<{ id: string; time: number }> = [];
    for (const id of new Set(ids)) {
      if (this.seen.has(id)) continue;
      const time = idTime(id);
      if (time === null) untimed.push(id);
      else if (time >= from && time < to && time <= below) timed.push({ id, time });
    }
    // An id without a time says nothing of its record's age: read it whatever happens.
    const tally = untimed.length > 0 ? await this.admit(await this.table.bulkGet(untimed)) : { read: 0, passed: 0 };
    timed.sort((a, b) => b.time - a.time || (a.id < b.id ? 1 : a.id > b.id ? -1 : 0));
    for (let start = 0, last = Infinity; start < timed.length; ) {
      if (this.found.size >= limit && !this.canBeFound(timed[start]!)) return { ...tally, stopped: true };
      const share = observedShare(tally, rate);
      // Sized to find what is missing at the share seen so far, but at most twice the
      // last page: a share measured on few records can be far off.
      const page = (last = Math.min(2 * last, Math.ceil(Math.max(1, limit - this.found.size) / share)));
      const batch = timed.slice(start, start + page);
      start += batch.length;
      const more = await this.admit(await this.table.bulkGet(batch.map((c) => c.id)));
      tally.read += more.read;
      tally.passed += more.passed;
    }
    return { ...tally, stopped: false };
  }

  /** Whether a record created at `time` with id `id` would rank among the newest `limit` found. */
  private canBeFound({ id, time }: { id: string; time: number }): boolean {
    if (this.found.size < this.bounds.limit) return true;
    return newestFirst({ id, createdAt: time } as SyncFields, this.result().at(-1)!) < 0;
  }

  /**
   * Reads `source` newest first, its records in that order.
   * @param sampled - of the source's records, how many the sample read
   * @param rate - estimated share of the source's records that match
   * @return false when the source cannot be read newest first
   */
  private async stream(source: KeySource<T>, sampled: number, rate: number, below: number): Promise<boolean> {
    const { limit } = this.bounds;
    const tally = { read: 0, passed: 0 };
    let count = sampled + Math.ceil((limit - this.found.size) / rate) + 8;
    // Not with a date range: records outside it would be read to be turned away, where
    // ids say their time unread (`readNewest`).
    const undated = this.bounds.from === -Infinity && this.bounds.to === Infinity;
    if (source.newestRecords && undated) return this.streamRecords(source.newestRecords, count);
    const [, first] = await Promise.all([this.span(), source.newest!(count)]);
    if (!this.ordered) return false;
    for (let ids = first; ; ids = await source.newest!(count)) {
      if (ids === null) return false;
      const more = await this.readNewest(
        ids,
        below,
        tally.read === 0 ? rate : Math.max(tally.passed / tally.read, 1 / 16),
      );
      if (more.stopped || ids.length < count) return true; // done, or read them all
      tally.read += more.read;
      tally.passed += more.passed;
      count += Math.max(
        count,
        Math.ceil((limit - this.found.size) / Math.max(tally.passed / Math.max(tally.read, 1), 1 / 16)),
      );
    }
  }

  /**
   * `stream` for a source that reads its records newest first itself: each read takes
   * the newest `count`, more each time (those read already are passed over), until
   * `limit` are found or the range ends. Newest by id is newest by time only in an
   * ordered table; in any other the first read is dropped unadmitted (the rest of the
   * search counts what is found against `limit`, and these may be old), and the
   * search goes on as if the source could not be read newest first.
   */
  private async streamRecords(read: (count: number) => Promise<T[]>, count: number): Promise<boolean> {
    const { limit } = this.bounds;
    const tally = { read: 0, passed: 0 };
    const [, first] = await Promise.all([this.span(), read(count)]);
    if (!this.ordered) return false;
    for (let rows = first; ; rows = await read(count)) {
      const more = await this.admit(rows);
      tally.read += more.read;
      tally.passed += more.passed;
      if (this.found.size >= limit || rows.length < count) return true;
      count += Math.max(
        count,
        Math.ceil((limit - this.found.size) / Math.max(tally.passed / Math.max(tally.read, 1), 1 / 16)),
      );
    }
  }

  /**
   * Walks on, pages sized by the share of records that matched so far.
   * @param expected - the share expected before any is read; with it, the walk gives up
   *   (returns true) once it has read enough to see the share is far below it
   * @param walked - collects the records read, for what follows a walk given up
   */
  private async walkOn(walk: Walk<T>, tally: Tally, expected?: number, walked?: T[]): Promise<boolean> {
    const { limit } = this.bounds;
    while (!walk.done && this.found.size < limit) {
      if (expected !== undefined && tally.read >= 16 && tally.passed / tally.read < Math.min(expected, WALK_SHARE) / 2)
        return true;
      const share = Math.max(observedShare(tally, expected ?? 1), 1 / 16);
      const size = Math.min(4096, Math.max(16, Math.ceil((1.1 * (limit - this.found.size)) / share)));
      const page = await walk.next(size);
      walked?.push(...page);
      const more = await this.admit(page);
      tally.read += more.read;
      tally.passed += more.passed;
    }
    return false;
  }

  /** Records read: those passing `keep`, every source's `test`, unread sources' `check`s and `confirm` are found. */
  private async admit(rows: Array<T | undefined>): Promise<Tally> {
    let fresh = rows.filter((r): r is T => r !== undefined && !this.seen.has(r.id));
    for (const r of fresh) this.seen.add(r.id);
    const read = fresh.length;
    fresh = fresh.filter((r) => this.keep(r) && this.sources.every((s) => !s.test || s.test(r)));
    for (const check of [...this.unread.map((s) => s.check), this.confirm]) {
      if (!check || fresh.length === 0) continue;
      const ok = await check(fresh);
      fresh = fresh.filter((_, i) => ok[i]);
    }
    for (const r of fresh) this.found.set(r.id, r);
    return { read, passed: fresh.length };
  }
}

/**
 * About how many keys a source holds, from a probe that read the first `ids` of its
 * range. Of one index value (a word, a tag, a colour) those are its oldest records,
 * in id order, and the share of the table's time span they cover is about their share
 * of its keys. Unknown (Infinity) when the ids carry no time, or are not in order: a
 * prefix's range holds several words, whose ids spread over all of time together.
 */
function estimateSize(ids: string[], span: { first: number; last: number } | null): number {
  if (span === null || ids.length === 0) return Infinity;
  for (let i = 1; i < ids.length; i++) if (ids[i]! <= ids[i - 1]!) return Infinity;
  const [first, last] = [idTime(ids[0]!), idTime(ids.at(-1)!)];
  if (first === null || last === null) return Infinity;
  return (ids.length * (span.last - span.first + 1)) / (last - first + 1);
}

function checkCost(source: { check?: unknown }): number {
  return source.check ? CHECK_COST : RECORD_COST;
}

function intersect(a: Set<string> | null, ids: Iterable<string>): Set<string> {
  const b = new Set(ids);
  if (a === null) return b;
  const [small, large] = a.size <= b.size ? [a, b] : [b, a];
  const both = new Set<string>();
  for (const k of small) if (large.has(k)) both.add(k);
  return both;
}
