/**
 * The article's metadata block: site, title, author, date, reading time,
 * original link, a quiet note when the article is Readability's uncleaned
 * result (`article.fallback`), lead image.
 */
import type { Ref } from 'react';
import type { ExtractedArticle } from '@/utils/extraction/article';
import { formatPublished } from '@/utils/reader/format-published';

/** True when the body already shows the lead image, so the header must not repeat it. */
function bodyShowsImage(html: string, imageUrl: string): boolean {
  try {
    const { pathname } = new URL(imageUrl);
    const file = pathname.split('/').filter(Boolean).pop();
    return file ? html.includes(file) : false;
  } catch {
    return false;
  }
}

export function ReaderHeader({ article, titleRef }: { article: ExtractedArticle; titleRef: Ref<HTMLHeadingElement> }) {
  const date = formatPublished(article.published, article.lang);
  const lead = article.leadImage && !bodyShowsImage(article.html, article.leadImage) ? article.leadImage : null;
  return (
    <header className="mr-meta">
      {article.siteName && (
        <p className="mr-site" data-field="site">
          {article.siteName}
        </p>
      )}
      <h1 className="mr-title" id="mr-title" tabIndex={-1} ref={titleRef} data-field="title">
        {article.title}
      </h1>
      <p className="mr-byline">
        {article.byline && <span data-field="author">{article.byline}</span>}
        {date && (
          <time dateTime={article.published ?? undefined} data-field="published">
            {date}
          </time>
        )}
        <span data-field="reading-time">{article.readingMinutes} min read</span>
        <a href={article.url} data-field="original">
          Original
        </a>
      </p>
      {article.fallback && (
        <p className="mr-byline" data-field="fallback" role="note">
          Shown as found on the page: Margin's clean-up would have cut this article short.
        </p>
      )}
      {lead && <img className="mr-lead" src={lead} alt="" data-field="lead-image" />}
    </header>
  );
}
