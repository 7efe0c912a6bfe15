/**
 * Article metadata: what Readability finds (title, byline, site name, excerpt,
 * language, date), completed from JSON-LD, `<meta>` tags and `<time>` where it
 * has nothing, and cleaned for display.
 */
import { readArticleHeader } from './article-header';
import { cleanByline } from './names';
import { byTag } from './dom-helpers';
import { type JsonLdNode, jsonLdAuthors, jsonLdText, pickArticleNode, readJsonLdNodes } from './json-ld';
import { findDeclaredImage } from './lead-image';
import { firstMeta, type MetaTags, readMetaTags } from './meta-tags';
import { type PageLayout, withPageLayout } from './page-layout';
import { findPublishedDate, toIsoDate } from './published-date';

/** Metadata read from the untouched document, before Readability mutates it. */
export interface PageMetadata {
  published: string | null;
  lang: string | null;
  byline: string | null;
  siteName: string | null;
  title: string | null;
  /** Text of the page's first `<h1>`, a clean title when `<title>` carries the site name. */
  heading: string | null;
  /** The page's own summary (meta description, Open Graph, JSON-LD). */
  description: string | null;
  declaredImage: string | null;
}

/** What Readability's `parse()` reports, as far as we use it. */
export interface ReadabilityMetadata {
  title?: string | null;
  byline?: string | null;
  siteName?: string | null;
  excerpt?: string | null;
  lang?: string | null;
  publishedTime?: string | null;
}

/** Normalises a language tag ("en_US" → "en-US"); null when it is not one. */
export function normalizeLang(value: string | null | undefined): string | null {
  const tag = (value ?? '').trim().replace(/_/g, '-');
  return /^[a-z]{2,3}(?:-[a-z0-9]{2,8})*$/i.test(tag) ? tag : null;
}

export { cleanByline };

/**
 * Reads the metadata Readability may miss. Call before Readability runs.
 * @param baseUrl - for resolving the declared image.
 */
export function readPageMetadata(doc: Document, baseUrl: string): PageMetadata {
  return pageMetadataFrom(doc, baseUrl, readJsonLdNodes(doc), readMetaTags(doc));
}

/** readPageMetadata with the JSON-LD nodes and meta tags already read (each is a walk of the page). */
function pageMetadataFrom(
  doc: Document,
  baseUrl: string,
  nodes: JsonLdNode[],
  meta: MetaTags,
  layout?: PageLayout,
): PageMetadata {
  const jsonLd = pickArticleNode(nodes);
  const publisher = jsonLd?.['publisher'];
  const root = doc.documentElement;
  return {
    published: findPublishedDate(doc, jsonLd, meta, layout),
    lang:
      normalizeLang(root?.getAttribute('lang')) ??
      normalizeLang(root?.getAttribute('xml:lang')) ??
      normalizeLang(meta.get('content-language')) ??
      normalizeLang(jsonLdText(jsonLd?.['inLanguage'])) ??
      normalizeLang(meta.get('og:locale')),
    byline:
      jsonLdAuthors(jsonLd?.['author'], nodes) ??
      firstMeta(meta, ['author', 'parsely-author', 'article:author', 'dc.creator']),
    siteName: jsonLdText(publisher) ?? firstMeta(meta, ['og:site_name', 'application-name']),
    title: jsonLdText(jsonLd?.['headline']) ?? firstMeta(meta, ['og:title', 'twitter:title']),
    heading: (layout ? layout.byName('h1') : byTag(doc, 'h1'))[0]?.textContent?.replace(/\s+/g, ' ').trim() || null,
    description:
      firstMeta(meta, ['og:description', 'description', 'twitter:description']) ?? jsonLdText(jsonLd?.['description']),
    declaredImage: findDeclaredImage(doc, jsonLd, meta, baseUrl),
  };
}

/** Combined, display-ready metadata. */
export interface ArticleMetadata {
  title: string;
  byline: string | null;
  siteName: string | null;
  published: string | null;
  lang: string | null;
  excerpt: string | null;
}

const clean = (value: string | null | undefined): string | null => value?.replace(/\s+/g, ' ').trim() || null;

/** Cuts `text` to about `max` characters at a word boundary. */
export function truncate(text: string, max: number): string {
  if (text.length <= max) return text;
  const cut = text.slice(0, max);
  return `${cut.slice(0, Math.max(cut.lastIndexOf(' '), max / 2)).replace(/[\s,;:.–—-]+$/, '')}…`;
}

/** Page metadata with the entry's header read from the page's structure (title, byline, date). */
export interface ArticlePageMetadata extends PageMetadata {
  /** The entry's own title, without the site's name; null when the page gives none. */
  entryTitle: string | null;
  /** Names from JSON-LD `author`, the article's own byline element, then `<meta name=author>`. */
  entryByline: string | null;
}

/**
 * Reads the metadata of the page and its entry's header. Call before
 * Readability runs. Heavier than readPageMetadata (one pass over the body):
 * for extraction, not for every page load.
 * @param baseUrl - for resolving the declared image and recognising links to the home page.
 */
export function readArticleMetadata(doc: Document, baseUrl: string): ArticlePageMetadata {
  // One walk of the page lists what every reader below needs (they only read the page).
  return withPageLayout(doc, (layout) => {
    const nodes = readJsonLdNodes(doc, layout.byName('script'));
    const meta = readMetaTags(doc, layout.byName('meta'));
    const page = pageMetadataFrom(doc, baseUrl, nodes, meta, layout);
    const header = readArticleHeader(doc, baseUrl, nodes, pickArticleNode(nodes), meta, page.lang);
    return { ...page, published: header.published, entryTitle: header.title, entryByline: header.byline };
  });
}

/**
 * Merges Readability's findings with ours. The title and byline read from
 * the page's structure come first: Readability keeps the site's name in
 * short titles, and its byline is the first element that looks like one,
 * which may belong to a related story (ours is checked against the
 * article's layout, so Readability's byline is used only for pages read
 * without it). `excerpt` is only the page's own description here; the
 * caller falls back to the cleaned article's first paragraph (Readability's
 * fallback is taken before datelines and chrome are removed).
 */
export function mergeMetadata(
  fromReadability: ReadabilityMetadata,
  fromPage: PageMetadata | ArticlePageMetadata,
  fallbackTitle: string,
): ArticleMetadata {
  const header = 'entryTitle' in fromPage ? fromPage : null;
  return {
    title:
      clean(header?.entryTitle) ?? clean(fromReadability.title) ?? clean(fromPage.title) ?? clean(fallbackTitle) ?? '',
    byline: header ? header.entryByline : (cleanByline(fromReadability.byline) ?? cleanByline(fromPage.byline)),
    siteName: clean(fromReadability.siteName) ?? clean(fromPage.siteName),
    published: fromPage.published ?? toIsoDate(fromReadability.publishedTime),
    lang: normalizeLang(fromReadability.lang) ?? fromPage.lang,
    excerpt: clean(fromPage.description),
  };
}
