/**
 * Which URL an article is filed under: the page's `<link rel="canonical">` when it
 * can be trusted, else the page's own URL, both through `normalizeUrl`.
 *
 * A canonical link joins addresses `normalizeUrl` cannot know are the same
 * (`m.example.com/a` and `example.com/a`, `/amp/a` and `/a`, `/news/123` and
 * `/news/123-the-slug`), but pages get it wrong, and following a wrong one files
 * every highlight of a site under one article. It is trusted only when:
 * 1. it parses to an http(s) URL (relative hrefs resolve against the page);
 * 2. it is on the same site as the page: the same registrable domain by the Public
 *    Suffix List (`same-site.ts`), so never from one tenant of a hosting platform to
 *    another (`evil.azurewebsites.net` naming `victim.azurewebsites.net/post` would be
 *    shown that post's highlights and notes). A page on another site is another page
 *    (a dev.to cross-post pointing at the author's blog may differ from it), and a
 *    page must not be able to adopt another site's highlights. AMP cache pages pass,
 *    because `normalizeUrl` has already unwrapped them to the publisher. Within a site,
 *    only another edition of the same host (`www.`, `m.`, `amp.`), or any host from the
 *    site itself: a named subdomain (`alice.tumblr.com`, `evil.medium.com`) is another
 *    person on platforms the list omits (`mayClaimCanonical`);
 * 3. it is not the homepage unless the page is: CMS templates that put the site's
 *    root in every page's canonical are the most common mistake;
 * 4. it does not drop a query parameter that names the page (`id`, `p`, `v`, `t`, or a
 *    name ending in `id`) while keeping the path: `item.php?id=123` with a canonical
 *    `item.php` is the same template mistake on query-addressed sites. Other parameters
 *    may go (`/post?replytocom=9` → `/post` is WordPress doing it right).
 */
import { normalizeUrl } from './normalize-url';
import { mayClaimCanonical } from './same-site';

/**
 * The normalized canonical URL of a page, if it passes the rules above.
 * @param pageUrl - the address the page was read at (absolute)
 * @param canonicalHref - the `href` of the page's canonical link, as written
 * @return null if there is no canonical link or it is not trusted
 */
export function trustedCanonical(pageUrl: string, canonicalHref?: string | null): string | null {
  if (!canonicalHref?.trim()) return null;
  let canonical: URL;
  try {
    canonical = new URL(canonicalHref.trim(), pageUrl);
  } catch {
    return null;
  }
  if (canonical.protocol !== 'http:' && canonical.protocol !== 'https:') return null;

  const page = new URL(normalizeUrl(pageUrl));
  const target = new URL(normalizeUrl(canonical.href));
  if (!mayClaimCanonical(page.hostname, target.hostname)) return null;
  if (isHomepage(target) && !isHomepage(page)) return null;
  if (target.pathname === page.pathname && dropsIdentifyingParam(page, target)) return null;
  return target.href;
}

// Names that address a page on query-addressed sites: Hacker News `item?id=`,
// WordPress `?p=`, YouTube `?v=`, phpBB `viewtopic.php?t=`, `article_id=`, `storyId=`.
const IDENTIFYING_PARAM = /^(?:p|v|t|id|.*id)$/i;

function dropsIdentifyingParam(page: URL, canonical: URL): boolean {
  for (const [name] of page.searchParams) {
    if (IDENTIFYING_PARAM.test(name) && !canonical.searchParams.has(name)) return true;
  }
  return false;
}

/**
 * The key an article at `pageUrl` is filed under.
 * @param pageUrl - the address the page was read at (absolute)
 * @param canonicalHref - the page's canonical link `href`, when it has one
 * @throws TypeError if `pageUrl` is not an absolute URL
 */
export function resolveArticleUrl(pageUrl: string, canonicalHref?: string | null): string {
  return trustedCanonical(pageUrl, canonicalHref) ?? normalizeUrl(pageUrl);
}

/**
 * Every key a visit should look an article up by: the resolved key first, then the
 * page's own normalized URL. A page that gained (or lost) a canonical link since the
 * last visit still finds the article filed under the other one.
 * @throws TypeError if `pageUrl` is not an absolute URL
 */
export function articleUrlKeys(pageUrl: string, canonicalHref?: string | null): string[] {
  const own = normalizeUrl(pageUrl);
  const resolved = trustedCanonical(pageUrl, canonicalHref) ?? own;
  return resolved === own ? [own] : [resolved, own];
}

function isHomepage(url: URL): boolean {
  return url.pathname === '/' && url.search === '' && url.hash === '';
}
