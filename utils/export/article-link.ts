/**
 * The address an export gives for an article: what a reader of the exported note,
 * spreadsheet or bibliography should open. The article's key (`article.url`) is
 * built for matching, not for reading (it drops `www.`, which a few sites do not
 * serve without); the address it was read at may carry a newsletter's tracking
 * tags or a friend-link token that should not travel into a bibliography.
 */
import type { ArticleRecord } from '@/utils/db/schema';
import { trustedCanonical } from '@/utils/url/article-url';
import { isTrackingParam } from '@/utils/url/tracking-params';

/**
 * @return the page's canonical link when Margin trusts it, else the address it was
 *   read at without tracking parameters or a scroll fragment (a hash route is kept)
 */
export function articleLink(article: Pick<ArticleRecord, 'url' | 'pageUrl' | 'canonicalUrl'>): string {
  try {
    if (article.canonicalUrl && trustedCanonical(article.pageUrl, article.canonicalUrl)) {
      return withoutScrollFragment(new URL(article.canonicalUrl));
    }
    const page = new URL(article.pageUrl);
    const tracking = [...page.searchParams].filter(([name, value]) => isTrackingParam(name, value, page));
    // Rewriting the query re-encodes all of it: only do it when something goes.
    if (tracking.length > 0) {
      const kept = [...page.searchParams].filter(([name, value]) => !isTrackingParam(name, value, page));
      page.search = kept.length === 0 ? '' : new URLSearchParams(kept).toString();
    }
    return withoutScrollFragment(page);
  } catch {
    return article.url; // a stored address that no longer parses; the key always does
  }
}

function withoutScrollFragment(url: URL): string {
  if (!url.hash.startsWith('#/') && !url.hash.startsWith('#!')) url.hash = '';
  return url.href;
}
