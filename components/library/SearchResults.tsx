/**
 * Search results: hits from `searchLibrary`, grouped under their articles, newest
 * first, with a count that screen readers hear when it changes. A new search keeps
 * the previous results on screen (marked busy) until its own arrive, so the list
 * does not flash empty on every key.
 */
import { useLiveQuery } from 'dexie-react-hooks';
import { useState } from 'react';
import { searchLibrary, type LibraryHit, type MarginDb } from '@/utils/db';
import { groupHitsByArticle } from '@/utils/library/group-hits';
import { toLibraryFilters, type FilterState } from '@/utils/library/library-filters';
import { ArticleCard } from './ArticleCard';
import { HighlightItem } from './HighlightItem';
import { PageNoteItem } from './PageNoteItem';
import { resultSummary } from './result-summary';

const RESULTS_PER_PAGE = 100;

type Outcome = { request: string; hits: LibraryHit[]; error?: undefined } | { request: string; error: string };

export interface SearchResultsProps {
  db: MarginDb;
  query: string;
  filters: FilterState;
  onTag: (tag: string) => void;
}

export function SearchResults({ db, query, filters, onTag }: SearchResultsProps) {
  const search = JSON.stringify([query, filters]);
  // "Show more" raises the limit of this search only: a new search starts at one page again.
  const [paging, setPaging] = useState({ search, limit: RESULTS_PER_PAGE });
  const limit = paging.search === search ? paging.limit : RESULTS_PER_PAGE;

  const request = `${search}:${limit}`;
  const outcome = useLiveQuery<Outcome>(async () => {
    try {
      // One more than shown says whether there are more, without counting every match.
      return { request, hits: await searchLibrary(db, query, toLibraryFilters(filters, limit + 1)) };
    } catch (error) {
      return { request, error: error instanceof Error ? error.message : String(error) };
    }
  }, [db, request]);

  const busy = outcome?.request !== request;
  if (outcome?.error !== undefined) {
    return (
      <p className="lib-status lib-error" role="alert">
        Search failed: {outcome.error}
      </p>
    );
  }
  const hits = outcome?.hits ?? [];
  const shown = hits.slice(0, limit);
  const more = hits.length > limit;
  const groups = groupHitsByArticle(shown);

  return (
    <section className="lib-results" aria-label="Search results" aria-busy={busy} data-library-results data-busy={busy}>
      <p className="lib-status" role="status" data-result-count={outcome ? shown.length : undefined}>
        {outcome ? resultSummary(shown, more) : 'Searching…'}
      </p>
      {groups.map(({ article, hits: articleHits }) => (
        <ArticleCard key={article.id} article={article}>
          {articleHits.map((hit) =>
            hit.kind === 'highlight' ? (
              <HighlightItem key={hit.highlight.id} highlight={hit.highlight} pageUrl={article.pageUrl} onTag={onTag} />
            ) : hit.kind === 'pageNote' ? (
              <PageNoteItem key={hit.pageNote.id} note={hit.pageNote} />
            ) : (
              <li key={`article-${article.id}`} className="lib-hit lib-article-hit" data-hit-kind="article">
                <p className="lib-hit-label">The article's title, author, site or saved text matches.</p>
              </li>
            ),
          )}
        </ArticleCard>
      ))}
      {more && (
        <button
          type="button"
          className="lib-more"
          onClick={() => setPaging({ search, limit: limit + RESULTS_PER_PAGE })}
        >
          Show more results
        </button>
      )}
    </section>
  );
}
