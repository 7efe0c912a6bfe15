/**
 * The set of note edits a version had seen: a version vector with exceptions.
 *
 * An edit is a dot (device, n): the n-th note edit that device made on the record.
 * A plain version vector ({a: 3}) says "saw a's edits 1 to 3"; that is not enough
 * here, because a browser may edit a note while one of its own earlier versions is
 * still an unresolved conflict. The new edit has not superseded that version, yet
 * a vector would claim it had, and the conflict would vanish on the next merge.
 * Exceptions (`x`, runs of dots below the vector that were not seen) say exactly
 * that. They stay empty in the usual case, and a run costs one entry however long.
 *
 * Pure set algebra on (vector, runs); every result is canonical (runs sorted,
 * disjoint, not adjacent, devices sorted) so equal sets compare equal as JSON.
 */

import type { Gap } from '@/utils/db/sync-tables';

export type { Gap };

export interface Seen {
  vv: Record<string, number>;
  x?: Gap[];
}

type Run = [number, number];

export function covers(s: Seen, device: string, n: number): boolean {
  if ((s.vv[device] ?? 0) < n) return false;
  return !(s.x ?? []).some(([d, from, to]) => d === device && from <= n && n <= to);
}

/** The set holding one dot and nothing else. */
export function dotSet(device: string, n: number): Seen {
  return n > 1 ? { vv: { [device]: n }, x: [[device, 1, n - 1]] } : { vv: { [device]: n } };
}

/** Union of seen sets. */
export function unionSeen(...sets: Seen[]): Seen {
  return sets.reduce<Seen>(unionTwo, { vv: {} });
}

function unionTwo(a: Seen, b: Seen): Seen {
  const vv: Record<string, number> = {};
  const x: Gap[] = [];
  for (const device of [...new Set([...Object.keys(a.vv), ...Object.keys(b.vv)])].sort()) {
    const top = Math.max(a.vv[device] ?? 0, b.vv[device] ?? 0);
    if (top <= 0) continue;
    vv[device] = top;
    // Unseen in the union = unseen by both.
    for (const [from, to] of intersectRuns(unseenRuns(a, device), unseenRuns(b, device))) {
      if (from > top) break;
      x.push([device, from, Math.min(to, top)]);
    }
  }
  return x.length ? { vv, x } : { vv };
}

/** Dots of one device not in the set, as sorted disjoint runs (the last one open-ended). */
function unseenRuns(s: Seen, device: string): Run[] {
  const top = s.vv[device] ?? 0;
  // Gaps clipped to the vector (a hostile file may say anything), then everything above it.
  const runs: Run[] = (s.x ?? [])
    .filter(([d]) => d === device)
    .map(([, from, to]): Run => [Math.max(1, from), Math.min(to, top)])
    .filter(([from, to]) => from <= to)
    .sort((p, q) => p[0] - q[0]);
  runs.push([top + 1, Infinity]);
  const out: Run[] = [];
  for (const [from, to] of runs) {
    const last = out.at(-1);
    if (last && from <= last[1] + 1) last[1] = Math.max(last[1], to);
    else out.push([from, to]);
  }
  return out;
}

function intersectRuns(a: Run[], b: Run[]): Run[] {
  const out: Run[] = [];
  let i = 0;
  let j = 0;
  while (i < a.length && j < b.length) {
    const from = Math.max(a[i]![0], b[j]![0]);
    const to = Math.min(a[i]![1], b[j]![1]);
    if (from <= to) {
      const last = out.at(-1);
      if (last && from <= last[1] + 1) last[1] = Math.max(last[1], to);
      else out.push([from, to]);
    }
    if (a[i]![1] < b[j]![1]) i++;
    else j++;
  }
  return out;
}
