/**
 * What every citation format says about an article, worked out once: its names,
 * dates, kind of page and a citation key that is unique within the export.
 * BibTeX, RIS and CSL-JSON then only differ in how they write it.
 */
import { articleLink } from './article-link';
import { parseAuthors, type CitationName } from './citation-authors';
import { instantDate, statedDate, type DateParts } from './export-dates';
import type { ExportArticle, ExportData } from './export-data';

export interface Citation {
  /** `wade2024kubecon`: first author's family name, year, first significant title word. */
  key: string;
  /** A blog post (on a blogging platform) rather than any web page. */
  isBlogPost: boolean;
  names: CitationName[];
  title: string;
  /** The publication or website. */
  site: string | null;
  issued: DateParts | null;
  /** When it was read for the citation: the export's date. */
  accessed: DateParts;
  url: string;
  /** BCP 47 language tag of the page, when it states one. */
  language: string | null;
  /** The tags of its highlights, sorted. */
  keywords: string[];
}

export interface CitationOptions {
  /** IANA time zone for the accessed date; UTC by default. */
  timeZone?: string;
}

// Hosts that only serve blogs: a post there is a `post-weblog`, not a `webpage`.
const BLOG_HOSTS =
  /(?:^|\.)(?:medium\.com|substack\.com|dev\.to|hashnode\.dev|blogspot\.com|wordpress\.com|ghost\.io|tumblr\.com|bearblog\.dev|write\.as|micro\.blog|mataroa\.blog)$/;
const TITLE_STOPWORDS = new Set([
  'a',
  'an',
  'the',
  'on',
  'in',
  'of',
  'and',
  'for',
  'to',
  'with',
  'at',
  'by',
  'from',
  'is',
  'are',
  'why',
  'how',
  'what',
  'when',
  'my',
  'our',
  'your',
]);

/** Letters of a name or word reduced to a–z and 0–9 ("Müller" → "muller", "Łukasz" → "lukasz"). */
export function asciiKeyPart(text: string): string {
  return text
    .replace(
      /[ßæœøłđþ]/gi,
      (ch) => ({ ß: 'ss', æ: 'ae', œ: 'oe', ø: 'o', ł: 'l', đ: 'd', þ: 'th' })[ch.toLowerCase()] ?? '',
    )
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[^a-z0-9]/g, '');
}

function keyBase(names: CitationName[], title: string, issued: DateParts | null, fallback: string): string {
  const first = names[0];
  const who = first ? asciiKeyPart('literal' in first ? (first.literal.split(' ')[0] ?? '') : first.family) : '';
  const word = title
    .split(/[\s\p{P}]+/u)
    .map(asciiKeyPart)
    .find((w) => w !== '' && !TITLE_STOPWORDS.has(w));
  return `${who || asciiKeyPart(fallback) || 'anon'}${issued?.year ?? ''}${word ?? ''}`;
}

function citation(a: ExportArticle, accessed: DateParts): Omit<Citation, 'key'> & { keyBase: string } {
  const { article } = a;
  const names = parseAuthors(article.author);
  const issued = statedDate(article.published);
  const url = articleLink(article);
  const host = (() => {
    try {
      return new URL(url).hostname;
    } catch {
      return article.host;
    }
  })();
  const site = article.site?.trim() || null;
  return {
    keyBase: keyBase(names, article.title, issued, site ?? host.split('.').at(-2) ?? host),
    isBlogPost: BLOG_HOSTS.test(host),
    names,
    title: article.title,
    site,
    issued,
    accessed,
    url,
    language: article.lang?.trim() || null,
    keywords: [...new Set(a.highlights.flatMap((h) => h.tags))].sort(),
  };
}

/**
 * One citation per article, in the export's order. A key already used gets `a`,
 * `b`, … appended, as BibTeX users expect (`wade2024kubecona`).
 */
export function citations(data: ExportData, options: CitationOptions = {}): Citation[] {
  const accessed = instantDate(data.exportedAt, options.timeZone);
  const used = new Set<string>();
  return data.articles.map((a) => {
    const { keyBase: base, ...rest } = citation(a, accessed);
    let key = base;
    for (let n = 0; used.has(key); n++) key = base + letters(n);
    used.add(key);
    return { key, ...rest };
  });
}

/** 0 → a, 25 → z, 26 → aa. */
function letters(n: number): string {
  return (n >= 26 ? letters(Math.floor(n / 26) - 1) : '') + String.fromCharCode(97 + (n % 26));
}
