/**
 * The library with nothing searched: newest articles first, each with its page note
 * and its highlights in reading order, a page of articles at a time.
 */
import { useLiveQuery } from 'dexie-react-hooks';
import { useState } from 'react';
import type { MarginDb } from '@/utils/db';
import { recentArticles } from '@/utils/library/recent-articles';
import { ArticleCard } from './ArticleCard';
import { HighlightItem } from './HighlightItem';
import { PageNoteItem } from './PageNoteItem';

const ARTICLES_PER_PAGE = 20;

export function BrowseList({ db, onTag }: { db: MarginDb; onTag: (tag: string) => void }) {
  const [limit, setLimit] = useState(ARTICLES_PER_PAGE);
  const page = useLiveQuery(() => recentArticles(db, limit), [db, limit]);

  if (!page)
    return (
      <p className="lib-status" role="status">
        Loading your library…
      </p>
    );
  if (page.entries.length === 0) return <EmptyLibrary />;
  return (
    <section className="lib-results" aria-label="Your articles" data-library-list>
      {page.entries.map(({ article, highlights, pageNote }) => (
        <ArticleCard key={article.id} article={article}>
          {pageNote || highlights.length > 0 ? (
            <>
              {pageNote && <PageNoteItem note={pageNote} />}
              {highlights.map((h) => (
                <HighlightItem key={h.id} highlight={h} pageUrl={article.pageUrl} onTag={onTag} />
              ))}
            </>
          ) : null}
        </ArticleCard>
      ))}
      {page.more && (
        <button type="button" className="lib-more" onClick={() => setLimit(limit + ARTICLES_PER_PAGE)}>
          Show more articles
        </button>
      )}
    </section>
  );
}

function EmptyLibrary() {
  return (
    <section className="lib-empty" data-library-empty>
      <h2>Nothing here yet</h2>
      <p>
        Select text on any page and choose <strong>Highlight</strong> (or press the highlight shortcut). Every article
        you highlight, annotate or save for offline reading shows up here, with its highlights and notes.
      </p>
    </section>
  );
}
