/**
 * Narrows export data to what a library search shows: the articles it found, and
 * of those found through their highlights only those highlights (a tag filter
 * exports that tag's passages, not the whole article). An article found by its
 * title, page note or saved text keeps everything.
 */
import type { LibraryHit } from '@/utils/db/search-library';
import type { ExportData } from './export-data';

export interface ExportSelection {
  articleIds: string[];
  /** Per article, the highlights to keep; absent = all of them. */
  highlightIds: Map<string, Set<string>>;
}

export function selectionFromHits(hits: readonly LibraryHit[]): ExportSelection {
  const order: string[] = [];
  const whole = new Set<string>();
  const some = new Map<string, Set<string>>();
  for (const hit of hits) {
    const id = hit.article.id;
    if (!order.includes(id)) order.push(id);
    if (hit.kind === 'highlight') {
      if (!some.has(id)) some.set(id, new Set());
      some.get(id)!.add(hit.highlight.id);
    } else whole.add(id);
  }
  for (const id of whole) some.delete(id);
  return { articleIds: order, highlightIds: some };
}

export function applySelection(data: ExportData, selection: ExportSelection): ExportData {
  return {
    ...data,
    articles: data.articles.map((a) => {
      const keep = selection.highlightIds.get(a.article.id);
      return keep ? { ...a, highlights: a.highlights.filter((h) => keep.has(h.id)) } : a;
    }),
  };
}
