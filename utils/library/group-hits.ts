/**
 * Search results arrive newest first, one hit at a time; the library shows them
 * under their article so a title is not repeated over each of its highlights.
 */
import type { ArticleRecord, LibraryHit } from '@/utils/db';

/** One article's hits, in the order search returned them. */
export interface ArticleHits {
  article: ArticleRecord;
  hits: LibraryHit[];
}

/**
 * Groups hits by article. Articles come in the order of their newest hit, so the
 * list still reads newest first; an article matched by itself (title, saved text)
 * and by one of its highlights appears once.
 */
export function groupHitsByArticle(hits: readonly LibraryHit[]): ArticleHits[] {
  const groups = new Map<string, ArticleHits>();
  for (const hit of hits) {
    const group = groups.get(hit.article.id);
    if (group) group.hits.push(hit);
    else groups.set(hit.article.id, { article: hit.article, hits: [hit] });
  }
  return [...groups.values()];
}
