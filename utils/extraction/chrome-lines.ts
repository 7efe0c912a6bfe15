/**
 * Text rules for single blocks of an extracted article: is this paragraph a
 * label, pitch, dateline, credit or biography rather than part of the story?
 * Each rule returns its name (for diagnostics) or null, and is bounded in
 * length so that real paragraphs cannot match it.
 */
import {
  BIO_CUES,
  CHROME_LINE,
  COOKIE_NOTICE,
  COPYRIGHT,
  CREDIT_LINE,
  DATELINE_WORDS,
  NEWSLETTER_ACTION,
  NEWSLETTER_OBJECT,
  READING_TIME_LINE,
  RELATED_LEAD,
  SOCIAL_NETWORK,
} from './chrome-patterns';
import { byTag, linkDensity, normalizedText } from './dom-helpers';

/** What the rules know about the article besides the block itself. */
export interface LineContext {
  /** The article's byline, so a repeated "By …" line can be recognised. */
  byline: string | null;
  /** The article's title, so a repeated headline can be recognised. */
  title: string;
  /** The page URL: lists of links back into the same site are "related" lists. */
  pageUrl?: string;
}

/** Words of `text`, split on spaces and the punctuation datelines use. */
export const words = (text: string): string[] =>
  text.split(/[\s,|•·/–—(){}[\]"“”]+/).filter((w) => /[\p{L}\p{N}]/u.test(w));

const normalizedKey = (text: string): string =>
  text
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();

function isUpperCaseHeadline(text: string): boolean {
  const letters = text.replace(/[^\p{L}]/gu, '');
  return (
    words(text).length >= 3 &&
    letters.length >= 12 &&
    letters === letters.toUpperCase() &&
    letters !== letters.toLowerCase()
  );
}

/** "By Jane Doe · Updated 10:41 AM EST, Nov. 19, 2019" and similar metadata lines. */
export function isDateline(text: string, byline: string | null): boolean {
  if (text.length > 160) return false;
  let rest = text;
  if (byline)
    for (const name of byline.split(/\s*(?:,|\band\b|&)\s*/)) if (name.length > 2) rest = rest.split(name).join(' ');
  // "By Jane Doe and John Roe" when the byline is not known: names are capitalised words.
  const byNames = /^[Bb]y\s+(?:\p{Lu}[\p{L}.'’-]*\s*){1,4}(?:(?:,|and|&)\s*(?:\p{Lu}[\p{L}.'’-]*\s*){1,4})*/u.exec(
    rest,
  );
  if (byNames) rest = rest.slice(byNames[0].length);
  const tokens = words(
    rest
      .replace(/[.:;]+(?=\s|$)/g, ' ')
      .replace(/\d{1,2}[:.]\d{2}(?::\d{2})?/g, ' 0 ')
      .replace(/\d+(?:\.\d+)+/g, ' 0 '),
  );
  if (tokens.length === 0) return rest !== text; // only the byline itself
  const dateLike = tokens.some((t) => /\d|ago|updated?|published|posted/i.test(t));
  return dateLike && tokens.every((t) => DATELINE_WORDS.test(t));
}

/** "Jane Doe is a reporter for …": a short biography, as found at the end of posts. */
function isAuthorBio(el: Element, text: string, byline: string | null): boolean {
  if (text.length > 500 || !BIO_CUES.test(text)) return false;
  if (/^(?:\p{Lu}[\p{L}.'’-]*\s+){1,4}(?:is|was|has been)\s+(?:a|an|the|currently)\b/u.test(text)) return true;
  if (byline && text.startsWith(byline.split(/\s*(?:,|\band\b|&)\s*/)[0]!)) return true;
  const authorLink = byTag(el.parentElement ?? el, 'a').some(
    (a) =>
      a.getAttribute('rel') === 'author' || /\/(?:author|authors|profile|people)\//.test(a.getAttribute('href') ?? ''),
  );
  return authorLink && /\b(?:is|was)\b/.test(text);
}

/** "© 2024 Site. All rights reserved." — short, or a single statement, rather than prose that mentions copyright. */
function isCopyrightLine(text: string): boolean {
  if (text.length >= 300 || !COPYRIGHT.test(text)) return false;
  return text.length < 120 || !/[.!?]["”’]?\s+\p{Lu}/u.test(text.slice(0, -1));
}

/** True when `href` points to the same host as `pageUrl` (ignoring "www."). */
function isSameSite(href: string | null, pageUrl: string): boolean {
  const host = (url: string | null): string | null => {
    try {
      return url ? new URL(url, pageUrl).hostname.replace(/^www\./, '') : null;
    } catch {
      return null;
    }
  };
  const linkHost = host(href);
  return linkHost !== null && linkHost === host(pageUrl);
}

/** A URL without scheme, "www.", query or trailing slash, for comparing addresses as people write them. */
const bareAddress = (url: string): string =>
  url
    .trim()
    .toLowerCase()
    .replace(/^https?:\/\//, '')
    .replace(/^www\./, '')
    .replace(/[?#].*$/, '')
    .replace(/\/+$/, '');

/** "https://example.com/blog/post" printed at the end of the post (a print footer, a share line). */
function isPageAddress(text: string, pageUrl: string): boolean {
  const address = /^(?:\S+:\s+)?(\S+)$/.exec(text.trim())?.[1];
  return !!address && /[./]/.test(address) && bareAddress(address) === bareAddress(pageUrl);
}

/**
 * A line made of a `<time>` and a word or two ("Published <time>3 March</time>",
 * "<time>18/03/2019</time> | Jane Doe"): the page marks the date up, so
 * no list of month names in each language is needed.
 */
function isTimeLine(el: Element, text: string, byline: string | null): boolean {
  if (text.length > 120) return false;
  const times = byTag(el, 'time');
  if (times.length === 0) return false;
  let rest = text;
  for (const time of times) rest = rest.split(normalizedText(time)).join(' ');
  if (byline)
    for (const name of byline.split(/\s*(?:,|\band\b|&)\s*/)) if (name.length > 2) rest = rest.split(name).join(' ');
  return words(rest).length <= 3;
}

/** True when `href` is another page of `pageUrl`'s site: not the page itself or an anchor in it. */
export function isOtherPageOfSite(href: string | null, pageUrl: string): boolean {
  if (!href || href.startsWith('#') || !isSameSite(href, pageUrl)) return false;
  try {
    const url = new URL(href, pageUrl);
    const page = new URL(pageUrl);
    return url.pathname.replace(/\/$/, '') !== page.pathname.replace(/\/$/, '') || url.search !== page.search;
  } catch {
    return false;
  }
}

/**
 * Rules for any block, wherever it sits.
 * @return the rule's name, or null when the block reads as content.
 */
export function blockChromeRule(el: Element, text: string): string | null {
  if (!text) return null;
  if (CHROME_LINE.test(text)) return 'label';
  if (text.length < 300 && NEWSLETTER_OBJECT.test(text) && NEWSLETTER_ACTION.test(text)) return 'newsletter';
  if (text.length < 300 && COOKIE_NOTICE.test(text)) return 'cookie-notice';
  if (text.length < 200 && /^(?:follow|like|find|join|connect with)\b/i.test(text) && SOCIAL_NETWORK.test(text))
    return 'follow-us';
  // Subscription pitches: "Subscribe to X and …", "Need more? Subscribe to our sister title …".
  if (text.length < 200 && /(?:^|[.?!]\s+)subscribe (?:to|now|today)\b/i.test(text)) return 'subscribe';
  if (text.length > 300 || el.tagName === 'PRE') return null;
  const density = linkDensity(el, text.length);
  if (density >= 0.5 && RELATED_LEAD.test(text)) return 'related-link';
  // Inline "related story" links: a paragraph that is one all-caps link.
  return density >= 0.9 && isUpperCaseHeadline(text) ? 'related-headline' : null;
}

/**
 * Rules for blocks at the start or end of the article, where metadata and
 * navigation sit.
 * @return the rule's name, and whether it applies to the whole list when
 *   `el` is a list item; null when the block reads as content.
 */
export function edgeChromeRule(
  el: Element,
  text: string,
  context: LineContext,
  end: 'leading' | 'trailing',
): { rule: string; wholeList?: boolean } | null {
  if (!text) return null;
  if (isDateline(text, context.byline)) return { rule: 'dateline' };
  if (READING_TIME_LINE.test(text)) return { rule: 'reading-time' };
  const key = normalizedKey(text);
  const titleKey = normalizedKey(context.title);
  if (key && key === titleKey) return { rule: 'title' };
  // The title again with the site's name ("The last keepers – Coastal Notes"), or the page's own address.
  if (titleKey.length >= 20 && key.startsWith(titleKey) && key.length - titleKey.length <= 40)
    return { rule: 'title-and-site' };
  // A heading holding the title with a kicker or a prefix around it ("Topic Consumer rights More transparency…").
  if (
    /^H[1-6]$/.test(el.tagName) &&
    titleKey.length >= 20 &&
    key.includes(titleKey) &&
    key.length - titleKey.length <= 40
  )
    return { rule: 'title-with-kicker' };
  if (context.pageUrl && text.length < 300 && isPageAddress(text, context.pageUrl)) return { rule: 'page-url' };
  if (isTimeLine(el, text, context.byline)) return { rule: 'time' };
  if (key && context.byline && key === normalizedKey(context.byline)) return { rule: 'byline' };
  if (isCopyrightLine(text)) return { rule: 'copyright' };
  if (text.length < 300 && CREDIT_LINE.test(text)) return { rule: 'credit' };
  if (end === 'trailing' && isAuthorBio(el, text, context.byline)) return { rule: 'author-bio' };
  // Links labelled with a word or two: a section label or call to action
  // ("Entertainment", "SUBSCRIBE"), breadcrumbs, tag lists. A list of titles
  // linking back into the site is "related" (when it ends the article);
  // titles or URLs of other sites are the article's references.
  const unit = el.tagName === 'LI' ? (el.parentElement ?? el) : el;
  const unitText = unit === el ? text : normalizedText(unit);
  const links = byTag(unit, 'a');
  if (links.length === 0 || linkDensity(unit, unitText.length) < 0.8) return null;
  const labels = links.every((a) => {
    const label = normalizedText(a);
    return label.length <= 30 && !/^(?:https?:|www\.)|\.\w{2,4}(?:\/|$)/i.test(label);
  });
  const wholeList = unit !== el;
  if (labels) {
    if (wholeList) return links.length >= 2 && unitText.length < 200 ? { rule: 'link-labels', wholeList } : null;
    return (links.length >= 2 ? text.length < 200 : text.length < 40 && words(text).length <= 3)
      ? { rule: 'link-labels' }
      : null;
  }
  const internal = !!context.pageUrl && links.every((a) => isSameSite(a.getAttribute('href'), context.pageUrl!));
  return end === 'trailing' && internal && links.length >= 2 && unitText.length < 600
    ? { rule: 'related-links', wholeList }
    : null;
}
