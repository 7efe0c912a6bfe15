/**
 * An article's saved offline copy in the shape the reader view renders: the same
 * `ExtractedArticle` a live extraction produces, rebuilt from what the database keeps.
 */
import type { ArticleBodyRecord, ArticleRecord } from '@/utils/db';
import type { ExtractedArticle } from '@/utils/extraction/article';
import { readingMinutes } from '@/utils/extraction/reading-time';

/**
 * @param body - the saved copy; its HTML was sanitized before it was stored, and the
 *   reader renders it as it is, with the live page's note when it is Readability's own result
 */
export function offlineReaderArticle(article: ArticleRecord, body: ArticleBodyRecord): ExtractedArticle {
  return {
    title: article.title,
    byline: article.author,
    siteName: article.site,
    published: article.published,
    lang: article.lang,
    readingMinutes: readingMinutes(body.text),
    excerpt: null,
    // The lead image is not stored apart from the body; the body shows its own images.
    leadImage: null,
    url: article.pageUrl,
    html: body.html,
    text: body.text,
    ...(body.fallback ? { fallback: body.fallback } : {}),
  };
}
