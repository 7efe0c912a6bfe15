/**
 * Change numbers a device skipped over because they were not in the folder when it
 * read past them, as sorted, disjoint, inclusive runs. Such a number is usually one
 * that its device reserved for an upload that failed (what it held went out again
 * under a later number), but an upload can also land late: keeping the runs means a
 * file that appears later is still read, instead of being skipped forever.
 *
 * A hostile folder could make many of them, so the list is bounded: past `MAX_RUNS`
 * the oldest go (their files, if they ever land, were resent anyway).
 */
export type GapRuns = Array<[number, number]>;

export const MAX_RUNS = 64;

export function inGaps(runs: readonly [number, number][], n: number): boolean {
  return runs.some(([from, to]) => from <= n && n <= to);
}

/** Adds `from..to`; runs stay sorted and disjoint, adjacent ones merged. */
export function addGap(runs: readonly [number, number][], from: number, to: number): GapRuns {
  if (from > to) return [...runs];
  const all: GapRuns = [...runs.map(([a, b]): [number, number] => [a, b]), [from, to] as [number, number]];
  all.sort((p, q) => p[0] - q[0]);
  const out: GapRuns = [];
  for (const [a, b] of all) {
    const last = out.at(-1);
    if (last && a <= last[1] + 1) last[1] = Math.max(last[1], b);
    else out.push([a, b]);
  }
  return out.slice(-MAX_RUNS);
}

/** Takes one number out (its file was read). */
export function removeGap(runs: readonly [number, number][], n: number): GapRuns {
  const out: GapRuns = [];
  for (const [a, b] of runs) {
    if (n < a || n > b) out.push([a, b]);
    else {
      if (a < n) out.push([a, n - 1]);
      if (n < b) out.push([n + 1, b]);
    }
  }
  return out;
}

/** Drops every number up to `n` (a snapshot covers them). */
export function dropGapsUpTo(runs: readonly [number, number][], n: number): GapRuns {
  return runs.filter(([, b]) => b > n).map(([a, b]): [number, number] => [Math.max(a, n + 1), b]);
}
