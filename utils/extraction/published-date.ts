/**
 * Publication date, from the most to the least explicit source: JSON-LD
 * `datePublished`, `<meta>` tags (Open Graph `article:published_time`,
 * Parse.ly, Dublin Core, ...), microdata, then the article's `<time datetime>`.
 * Returned in ISO 8601.
 */
import { byTag } from './dom-helpers';
import { type JsonLdNode, jsonLdText } from './json-ld';
import type { MetaTags } from './meta-tags';

/** Meta keys (property, name or itemprop; lower-case) that state the publication date, most explicit first. */
const META_KEYS = [
  'article:published_time',
  'datepublished',
  'og:published_time',
  'parsely-pub-date',
  'sailthru.date',
  'publish-date',
  'publication_date',
  'pubdate',
  'dc.date.issued',
  'dcterms.issued',
  'dc.date',
  'citation_publication_date',
  'article:published',
  'date',
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
  const isoMatch = /^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?)\s*(Z|[+-]\d{2}:?\d{2})?)?$/i.exec(
    text,
  );
  if (isoMatch) {
    const [, y, m, d, time, zone] = isoMatch;
    iso = `${y}-${m}-${d}${time ? `T${time}${zone ? zone.toUpperCase().replace(/^([+-]\d{2})(\d{2})$/, '$1:$2') : ''}` : ''}`;
    if (Number.isNaN(Date.parse(iso.length === 10 ? `${iso}T00:00:00Z` : iso))) return null;
  } else {
    const ms = Date.parse(text);
    if (Number.isNaN(ms)) return null;
    const date = new Date(ms);
    // Without a time of day the date is the author's calendar date; keep it, not its UTC shift.
    iso = /\d{1,2}:\d{2}/.test(text)
      ? date.toISOString()
      : `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}`;
  }
  const year = Number(iso.slice(0, 4));
  return year >= 1990 && year <= now.getFullYear() + 1 ? iso : null;
}

/** The date stated by the page's metadata (JSON-LD, then `<meta>`), or null. */
export function declaredDate(jsonLd: JsonLdNode | null, meta: MetaTags): string | null {
  const fromJsonLd = toIsoDate(jsonLdText(jsonLd?.['datePublished']) ?? jsonLdText(jsonLd?.['dateCreated']));
  if (fromJsonLd) return fromJsonLd;
  for (const key of META_KEYS) {
    const date = toIsoDate(meta.get(key));
    if (date) return date;
  }
  return null;
}

/** The first date of `times`, the one marked as the publication date first. */
export function timeElementDate(times: Element[]): string | null {
  const marked = times.find((t) => t.getAttribute('itemprop') === 'datePublished' || t.hasAttribute('pubdate'));
  for (const time of marked ? [marked, ...times] : times) {
    const date = toIsoDate(time.getAttribute('datetime'));
    if (date) return date;
  }
  return null;
}

/**
 * The page's publication date in ISO 8601, or null: metadata, then the first
 * `<article>`'s `<time>`. Cheap enough for every page; extraction uses
 * findArticleDate (article-date.ts), which also knows where the header is.
 * @param jsonLd - the article JSON-LD node (see findArticleJsonLd), if any.
 * @param listed - the page's `<article>`s and `<time>`s when already listed (PageLayout.byName).
 */
export function findPublishedDate(
  doc: Document,
  jsonLd: JsonLdNode | null,
  meta: MetaTags,
  listed?: { byName(name: 'article' | 'time'): readonly Element[] },
): string | null {
  const declared = declaredDate(jsonLd, meta);
  if (declared !== null) return declared;
  const article = (listed ? listed.byName('article') : byTag(doc, 'article'))[0];
  let times: readonly Element[];
  if (!listed) times = byTag(article ?? doc, 'time');
  else times = article ? listed.byName('time').filter((t) => article.contains(t)) : listed.byName('time');
  return timeElementDate(times.filter((t) => t.hasAttribute('datetime')));
}
