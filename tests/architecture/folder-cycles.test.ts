/**
 * The folders of `utils/` form layers: no folder imports, directly or through others,
 * a folder that imports it. A cycle means two concepts are one, or a rule lives in the
 * wrong home (issue #13 found `sanitize ↔ extraction` and `import → backup → sync → db`).
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, normalize, relative } from 'node:path';
import { describe, expect, it } from 'vitest';

const ROOT = join(import.meta.dirname, '..', '..');
const UTILS = join(ROOT, 'utils');

// None left: the last (db -> sync, the sync tables' row type naming sync's doc type)
// went when the doc's shape moved to utils/db/sync-tables.ts.
const KNOWN = new Set<string>([]);

function sources(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return sources(path);
    return /\.tsx?$/.test(name) && !/\.test\.tsx?$/.test(name) ? [path] : [];
  });
}

function folderEdges(): Map<string, Set<string>> {
  const edges = new Map<string, Set<string>>();
  for (const file of sources(UTILS)) {
    const from = relative(UTILS, file).split('/')[0]!;
    for (const [, spec] of readFileSync(file, 'utf8').matchAll(
      /(?:from|import)\s*\(?\s*['"]((?:\.{1,2}|@)\/[^'"]+)['"]/g,
    )) {
      const target = spec!.startsWith('@/') ? join(ROOT, spec!.slice(2)) : normalize(join(dirname(file), spec!));
      const rel = relative(UTILS, target);
      if (rel.startsWith('..')) continue;
      const to = rel.split('/')[0]!;
      if (to !== from && !KNOWN.has(`${from} -> ${to}`)) {
        if (!edges.has(from)) edges.set(from, new Set());
        edges.get(from)!.add(to);
      }
    }
  }
  return edges;
}

/** Each cycle as the folders on it, found by a depth-first walk. */
function cycles(edges: Map<string, Set<string>>): string[][] {
  const found: string[][] = [];
  const state = new Map<string, 'open' | 'done'>();
  const path: string[] = [];
  const visit = (v: string) => {
    state.set(v, 'open');
    path.push(v);
    for (const w of edges.get(v) ?? []) {
      if (state.get(w) === 'open') found.push([...path.slice(path.indexOf(w)), w]);
      else if (!state.has(w)) visit(w);
    }
    path.pop();
    state.set(v, 'done');
  };
  for (const v of edges.keys()) if (!state.has(v)) visit(v);
  return found;
}

describe('utils/ folders', () => {
  it('import one another without cycles', () => {
    expect(cycles(folderEdges()).map((c) => c.join(' -> '))).toEqual([]);
  });
});
