/**
 * Article metadata: what Readability finds (title, byline, site name, excerpt,
 * language, date), completed from JSON-LD, `<meta>` tags and `<time>` where it
 * has nothing, and cleaned for display.
 */
import { byTag } from './dom-helpers';
import { findArticleJsonLd, jsonLdAuthors, jsonLdText } from './json-ld';
import { findDeclaredImage } from './lead-image';
import { firstMeta, readMetaTags } from './meta-tags';
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

/** Collapses whitespace and strips a leading "By"; null when empty, a URL, or too long to be a name list. */
export function cleanByline(value: string | null | undefined): string | null {
  const text = (value ?? '').replace(/\s+/g, ' ').replace(/^(?:by|written by|words by)[\s:]+/i, '').trim();
  if (!text || /^https?:\/\//i.test(text) || text.length > 120) return null;
  return text;
}

/**
 * Reads the metadata Readability may miss. Call before Readability runs.
 * @param baseUrl - for resolving the declared image.
 */
export function readPageMetadata(doc: Document, baseUrl: string): PageMetadata {
  const jsonLd = findArticleJsonLd(doc);
  const meta = readMetaTags(doc);
  const publisher = jsonLd?.['publisher'];
  const root = doc.documentElement;
  return {
    published: findPublishedDate(doc, jsonLd, meta),
    lang: normalizeLang(root?.getAttribute('lang'))
      ?? normalizeLang(root?.getAttribute('xml:lang'))
      ?? normalizeLang(meta.get('content-language'))
      ?? normalizeLang(jsonLdText(jsonLd?.['inLanguage']))
      ?? normalizeLang(meta.get('og:locale')),
    byline: jsonLdAuthors(jsonLd?.['author']) ?? firstMeta(meta, ['author', 'parsely-author', 'article:author', 'dc.creator']),
    siteName: jsonLdText(publisher) ?? firstMeta(meta, ['og:site_name', 'application-name']),
    title: jsonLdText(jsonLd?.['headline']) ?? firstMeta(meta, ['og:title', 'twitter:title']),
    heading: byTag(doc, 'h1')[0]?.textContent?.replace(/\s+/g, ' ').trim() || null,
    description: firstMeta(meta, ['og:description', 'description', 'twitter:description']) ?? jsonLdText(jsonLd?.['description']),
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

/**
 * The title without the site name: when the document title reads "Headline |
 * Site" and the page states the headline alone (JSON-LD, Open Graph, `<h1>`),
 * that is the title. Readability only strips such suffixes from long titles.
 */
export function cleanTitle(title: string | null, page: Pick<PageMetadata, 'title' | 'heading'>): string | null {
  if (!title) return null;
  for (const candidate of [page.title, page.heading]) {
    const headline = candidate?.replace(/\s+/g, ' ').trim();
    if (!headline || headline === title || headline.length < 3) continue;
    const escaped: string = headline.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
    if (new RegExp(`^${escaped}\\s*[|\\-–—:·•»/]|[|\\-–—:·•«/]\\s*${escaped}$`).test(title)) return headline;
  }
  return title;
}

/**
 * Merges Readability's findings (preferred for title and byline: it cleans
 * them) with ours. `excerpt` is only the page's own description here; the
 * caller falls back to the cleaned article's first paragraph (Readability's
 * fallback is taken before datelines and chrome are removed).
 */
export function mergeMetadata(fromReadability: ReadabilityMetadata, fromPage: PageMetadata, fallbackTitle: string): ArticleMetadata {
  return {
    title: cleanTitle(clean(fromReadability.title), fromPage) ?? clean(fromPage.title) ?? clean(fallbackTitle) ?? '',
    byline: cleanByline(fromReadability.byline) ?? cleanByline(fromPage.byline),
    siteName: clean(fromReadability.siteName) ?? clean(fromPage.siteName),
    published: fromPage.published ?? toIsoDate(fromReadability.publishedTime),
    lang: normalizeLang(fromReadability.lang) ?? fromPage.lang,
    excerpt: clean(fromPage.description),
  };
}
