/**
 * The article's header as the reader shows it: the entry's title, its
 * authors' names and its date, each taken from the article's own part of
 * the page (see page-layout.ts). Runs on the untouched page, before
 * Readability.
 */
import { cleanByline, findDomByline } from './byline';
import { closestTag, normalizedText } from './dom-helpers';
import { type JsonLdNode, jsonLdAuthorList, jsonLdSiteNames, jsonLdText } from './json-ld';
import { firstMeta, type MetaTags } from './meta-tags';
import { articleOf, readPageLayout } from './page-layout';
import { findArticleDate } from './article-date';
import { findPublishedDate } from './published-date';
import { chooseTitle, isSiteName, type SiteEvidence } from './title';

/** Title, byline and date of the entry. */
export interface ArticleHeader {
  title: string | null;
  byline: string | null;
  published: string | null;
}

const ARTICLE = new Set(['ARTICLE']);
const HOME_PATH = /^\/(?:index\.(?:html?|php))?$/i;
/**
 * Hrefs that may resolve to a home page: an optional scheme and host, then
 * only slashes and dot segments, an optional index file, query or fragment.
 * Any other path names a page of its own; those are skipped without parsing
 * (a page has hundreds of links). Hrefs with characters the URL parser
 * rewrites (`%`, `\`, tabs, newlines) or with `..` are always parsed.
 */
const MAYBE_HOME_HREF = /^(?:[a-z][a-z\d+.-]*:)?(?:\/\/[^/?#]*)?[/.]*(?:index\.(?:html?|php))?(?:[?#].*)?$/i;
const PARSER_REWRITES = /[%\\\t\n\r]|\.\./;

/** Texts of links to the site's home page (logo, site title): names of the site, in any language. */
function homeLinkTexts(elements: readonly Element[], baseUrl: string): string[] {
  let host = '';
  try {
    host = new URL(baseUrl).host;
  } catch {
    return [];
  }
  const texts: string[] = [];
  for (const a of elements) {
    // `localName` first: jsdom builds a new upper-case string on every `tagName` read.
    if (a.localName !== 'a' || a.tagName !== 'A') continue;
    const href = a.getAttribute('href');
    if (!href || !(MAYBE_HOME_HREF.test(href.trim()) || PARSER_REWRITES.test(href))) continue;
    let url: URL;
    try {
      url = new URL(href, baseUrl);
    } catch {
      continue;
    }
    if (url.host !== host || !HOME_PATH.test(url.pathname) || url.search) continue;
    const text = normalizedText(a) || a.getElementsByTagName('img')[0]?.getAttribute('alt')?.trim() || '';
    if (text && text.length <= 80 && !texts.includes(text)) texts.push(text);
  }
  return texts;
}

/** Names of people in JSON-LD `author`; organisations only when no person is named. */
function jsonLdByline(jsonLd: JsonLdNode | null, nodes: readonly JsonLdNode[], site: SiteEvidence): string | null {
  const authors = jsonLdAuthorList(jsonLd?.['author'], nodes);
  const people = authors.filter((a) => !a.organization);
  const names = (people.length > 0 ? people : authors).map((a) => a.name).filter((n) => !isSiteName(n, site));
  return cleanByline(names.join(' | '));
}

/**
 * Reads the entry's header from the untouched page.
 * @param nodes - every JSON-LD node of the page; `jsonLd` is its article node.
 */
export function readArticleHeader(
  doc: Document,
  baseUrl: string,
  nodes: readonly JsonLdNode[],
  jsonLd: JsonLdNode | null,
  meta: MetaTags,
  lang: string | null,
): ArticleHeader {
  const layout = readPageLayout(doc);
  let host = '';
  try {
    host = new URL(baseUrl).hostname;
  } catch {
    // A page without an address has no host to compare with.
  }
  const site: SiteEvidence = {
    names: [
      ...jsonLdSiteNames(nodes, jsonLd),
      firstMeta(meta, ['og:site_name']),
      firstMeta(meta, ['application-name']),
      firstMeta(meta, ['apple-mobile-web-app-title']),
      ...homeLinkTexts(layout.elements, baseUrl),
    ].filter((n): n is string => !!n && n.trim().length > 1),
    host,
  };
  const chosen = chooseTitle(
    {
      readability: null,
      jsonLd: jsonLdText(jsonLd?.['headline']) ?? jsonLdText(jsonLd?.['name']),
      openGraph: firstMeta(meta, [
        'dc:title',
        'dc.title',
        'dcterm:title',
        'og:title',
        'title',
        'twitter:title',
        'parsely-title',
      ]),
      document: doc.title,
    },
    site,
    layout,
  );
  const anchor = chosen.heading ?? layout.bodyStart;
  const main = closestTag(chosen.heading, ARTICLE) ?? closestTag(layout.bodyStart, ARTICLE) ?? articleOf(anchor);
  const dom = anchor ? findDomByline(doc, layout, anchor, main) : null;
  // The page's own statements about this page first (they cannot be a related story's), as Readability orders them.
  const metaAuthor =
    firstMeta(meta, [
      'dc:creator',
      'dc.creator',
      'dcterm:creator',
      'dcterms.creator',
      'author',
      'parsely-author',
      'sailthru.author',
    ]) ?? (/^https?:/i.test(meta.get('article:author') ?? 'http:') ? null : meta.get('article:author')!);
  const declared = [metaAuthor].map((a) => cleanByline(a)).find((a) => a && !isSiteName(a, site)) ?? null;
  const byline = jsonLdByline(jsonLd, nodes, site) ?? declared ?? dom?.names ?? null;
  const published = anchor
    ? findArticleDate(doc, jsonLd, meta, { layout, anchor, main, byline: dom?.element ?? null, lang })
    : findPublishedDate(doc, jsonLd, meta);
  return { title: chosen.title, byline, published };
}
