/**
 * Publication date, from the most to the least explicit source: JSON-LD
 * `datePublished`, `<meta>` tags (Open Graph `article:published_time`,
 * Parse.ly, Dublin Core, ...), microdata, the article's `<time datetime>`,
 * then a date printed in its header. Returned in ISO 8601.
 */
import { byTag, descendants, normalizedText } from './dom-helpers';
import { type JsonLdNode, jsonLdText } from './json-ld';
import type { MetaTags } from './meta-tags';
import { belongsToStory, nearAnchor, type PageLayout } from './page-layout';
import { parseVisibleDate } from './visible-date';

/** Meta keys (property, name or itemprop; lower-case) that state the publication date, most explicit first. */
const META_KEYS = [
  'article:published_time', 'datepublished', 'og:published_time', 'parsely-pub-date', 'sailthru.date',
  'publish-date', 'publication_date', 'pubdate', 'dc.date.issued', 'dcterms.issued', 'dc.date',
  'citation_publication_date', 'article:published', 'date',
];

const pad = (n: number): string => String(n).padStart(2, '0');

/**
 * `value` as an ISO 8601 date or date-time, or null if it is not a plausible
 * publication date. ISO input keeps its own precision and offset; other
 * formats ("Tue, 19 Nov 2019 10:48:00 GMT", "November 19, 2019") are parsed.
 */
export function toIsoDate(value: string | null | undefined, now = new Date()): string | null {
  const text = (value ?? '').trim();
  if (!text) return null;
  let iso: string | null = null;
  const isoMatch = /^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?)\s*(Z|[+-]\d{2}:?\d{2})?)?$/i.exec(text);
  if (isoMatch) {
    const [, y, m, d, time, zone] = isoMatch;
    iso = `${y}-${m}-${d}${time ? `T${time}${zone ? zone.toUpperCase().replace(/^([+-]\d{2})(\d{2})$/, '$1:$2') : ''}` : ''}`;
    if (Number.isNaN(Date.parse(iso.length === 10 ? `${iso}T00:00:00Z` : iso))) return null;
  } else {
    const ms = Date.parse(text);
    if (Number.isNaN(ms)) return null;
    const date = new Date(ms);
    // Without a time of day the date is the author's calendar date; keep it, not its UTC shift.
    iso = /\d{1,2}:\d{2}/.test(text) ? date.toISOString() : `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}`;
  }
  const year = Number(iso.slice(0, 4));
  return year >= 1990 && year <= now.getFullYear() + 1 ? iso : null;
}

/** Where the article's own header is, so that dates of comments and related stories are not taken. */
export interface DateContext {
  layout: PageLayout;
  /** The entry's heading, else its first paragraph. */
  anchor: Element;
  /** The `<article>` of the entry, if it has one. */
  main: Element | null;
  /** The byline element, whose neighbourhood often prints the date. */
  byline: Element | null;
  lang: string | null;
}

/** The date stated by the page's metadata (JSON-LD, then `<meta>`), or null. */
function declaredDate(jsonLd: JsonLdNode | null, meta: MetaTags): string | null {
  const fromJsonLd = toIsoDate(jsonLdText(jsonLd?.['datePublished']) ?? jsonLdText(jsonLd?.['dateCreated']));
  if (fromJsonLd) return fromJsonLd;
  for (const key of META_KEYS) {
    const date = toIsoDate(meta.get(key));
    if (date) return date;
  }
  return null;
}

/** The first date of `times`, the one marked as the publication date first. */
function timeElementDate(times: Element[]): string | null {
  const marked = times.find((t) => t.getAttribute('itemprop') === 'datePublished' || t.hasAttribute('pubdate'));
  for (const time of marked ? [marked, ...times] : times) {
    const date = toIsoDate(time.getAttribute('datetime'));
    if (date) return date;
  }
  return null;
}

/** A date printed near the byline or in the header zone of the article. */
function printedDate(doc: Document, context: DateContext): string | null {
  const { layout, anchor, main, byline, lang } = context;
  // The byline's own line and its container ("18/03/2019 | André Mindermann").
  for (let node = byline, depth = 0; node && depth < 3; node = node.parentElement, depth++) {
    const text = normalizedText(node);
    if (text.length > 300) break;
    const date = parseVisibleDate(text, lang);
    if (date) return date;
  }
  if (!doc.body) return null;
  for (const el of descendants(doc.body)) {
    if (!nearAnchor(layout, el, anchor, 800, 300)) {
      if (layout.offsetOf(el) > layout.offsetOf(anchor)) break;
      continue;
    }
    const hasDigitText = Array.from(el.childNodes).some((n) => n.nodeType === 3 && /\d/.test(n.nodeValue ?? ''));
    // A date in a heading is what the story is about ("Report of 22.04.2020"), not when it was published.
    if (!hasDigitText || el.closest('h1, h2, h3, h4, h5, h6')) continue;
    const text = normalizedText(el);
    // Short lines only: a date inside the prose is about something else.
    if (text.length > 200 || (el.tagName === 'P' && text.length > 80)) continue;
    const date = parseVisibleDate(text, lang);
    if (date && belongsToStory(el, anchor, main)) return date;
  }
  return null;
}

/**
 * The page's publication date in ISO 8601, or null.
 * @param jsonLd - the article JSON-LD node (see findArticleJsonLd), if any.
 * @param context - where the article's header is; without it, only metadata and the first `<article>`'s `<time>` count.
 */
export function findPublishedDate(doc: Document, jsonLd: JsonLdNode | null, meta: MetaTags, context?: DateContext): string | null {
  const declared = declaredDate(jsonLd, meta);
  if (declared) return declared;
  if (!context) return timeElementDate(byTag(byTag(doc, 'article')[0] ?? doc, 'time').filter((t) => t.hasAttribute('datetime')));
  const { layout, anchor, main } = context;
  const times = byTag(doc, 'time').filter((t) => t.hasAttribute('datetime') && belongsToStory(t, anchor, main)
    && (main?.contains(t) || nearAnchor(layout, t, anchor, 1500)));
  return timeElementDate(times) ?? printedDate(doc, context);
}
