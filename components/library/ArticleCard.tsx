/**
 * One article in the library: title, where it is from, a link to the original and,
 * when a copy was saved, to read it offline; below it, the highlights and notes given.
 */
import type { ReactNode } from 'react';
import type { ArticleRecord } from '@/utils/db/schema';
import { formatDay } from './format-day';

/** The offline reader page for an article. */
export function offlineReaderHref(articleId: string): string {
  return `reader-page.html?article=${encodeURIComponent(articleId)}`;
}

export interface ArticleCardProps {
  article: ArticleRecord;
  /** The article's highlights and notes, as list items. */
  children?: ReactNode;
}

export function ArticleCard({ article, children }: ArticleCardProps) {
  const headingId = `article-${article.id}`;
  const from = article.site ?? article.host;
  return (
    <article className="lib-article" data-article-id={article.id} aria-labelledby={headingId}>
      <header className="lib-article-head">
        <h2 className="lib-article-title" id={headingId}>
          <a href={article.pageUrl} target="_blank" rel="noreferrer" data-original-link>
            {article.title}
          </a>
        </h2>
        <p className="lib-article-meta">
          {from && <span data-field="site">{from}</span>}
          {article.author && <span data-field="author">{article.author}</span>}
          <span>
            Added <time dateTime={new Date(article.createdAt).toISOString()}>{formatDay(article.createdAt)}</time>
          </span>
          {article.savedAt !== null && (
            <a href={offlineReaderHref(article.id)} data-read-offline className="lib-read-offline">
              Read offline<span className="lib-visually-hidden">: {article.title}</span>
            </a>
          )}
        </p>
      </header>
      {children && <ul className="lib-hits">{children}</ul>}
    </article>
  );
}
