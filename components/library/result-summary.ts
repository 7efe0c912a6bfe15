/** The sentence above search results: how many, and of what kind. */
import type { LibraryHit, LibraryHitKind } from '@/utils/db';

const NOUNS: Record<LibraryHitKind, [string, string]> = {
  highlight: ['highlight', 'highlights'],
  pageNote: ['article note', 'article notes'],
  article: ['article', 'articles'],
};

/**
 * @param more - more matches exist than `hits` holds
 * @return e.g. "No results", "1 result: 1 highlight", "12 results: 10 highlights, 2 articles",
 *   "More than 100 results, newest 100 shown: …"
 */
export function resultSummary(hits: readonly LibraryHit[], more: boolean): string {
  if (hits.length === 0) return 'No results';
  const counts = new Map<LibraryHitKind, number>();
  for (const hit of hits) counts.set(hit.kind, (counts.get(hit.kind) ?? 0) + 1);
  const parts = (['highlight', 'pageNote', 'article'] as const)
    .filter((kind) => counts.has(kind))
    .map((kind) => {
      const n = counts.get(kind)!;
      return `${n} ${NOUNS[kind][n === 1 ? 0 : 1]}`;
    });
  const total = more
    ? `More than ${hits.length} results, newest ${hits.length} shown`
    : `${hits.length} result${hits.length === 1 ? '' : 's'}`;
  return `${total}: ${parts.join(', ')}`;
}
