/**
 * The article's byline as names only: "ByNatasha Daly• 8 min read" →
 * "Natasha Daly", "18/03/2019 | André Mindermann" → "André Mindermann".
 * From a DOM byline, structure does most of the work (separate elements,
 * buttons, social links, `<time>`, `itemprop=name`); the text rules below
 * then drop what is not a name: dates, read times, separators, a few prefix
 * and action words.
 */
import { belongsToStory, nearAnchor, type PageLayout } from './page-layout';
import { withoutDates } from './visible-date';

/** Words that introduce a byline ("By", "Von", "Por", "Par", ...), matched case-insensitively. */
const PREFIX = 'by|von|vom|por|par|door|przez|av|af|от|автор|di';
/** Buttons that bylines carry next to the name ("Follow"), and social networks linked from it. */
const ACTIONS = 'Unfollow|Follow|Profile|Folgen|Suivre|Seguir|Segui|Volgen|Följ|Obserwuj|Subscribe|Abonnieren|Abonner';
const ACTION_WORD = new RegExp(`^(?:${ACTIONS})$`, 'i');
const SOCIAL_WORD = /^(?:twitter|facebook|linkedin|instagram|mastodon|threads|bluesky|youtube|tiktok|e-?mail|mail|rss|whatsapp|telegram|xing|pinterest|reddit|github)$/i;
const SOCIAL_HOST = /(?:^|\.)(?:twitter\.com|x\.com|facebook\.com|linkedin\.com|instagram\.com|threads\.net|bsky\.app|youtube\.com|tiktok\.com|xing\.com|pinterest\.com|reddit\.com|github\.com|t\.me|wa\.me)$/i;
/** Little words left dangling when a date is cut out ("… am 21. April 2020", "… on March 3"). */
const DANGLING = /\s+(?:am|on|le|el|il|op|em|den|the|at|um|à|a|w|в|de|del|du|le|posted|publié|publicado|veröffentlicht|updated|aktualisiert)$/i;
const SEPARATORS = /\s*(?:[|•·»«\n]|\s[-–—/]\s)\s*/u;

/** One segment of a byline with its label and leftovers removed; '' when it names nobody. */
function cleanSegment(raw: string): string {
  let text = raw.trim()
    // "Recipe by", "geschrieben von", "Ein Beitrag von": a few words, then the prefix word.
    .replace(new RegExp(`^(?:[\\p{L}-]+\\s+){0,2}?(?:${PREFIX}|written by|words by)(?:\\s*:)?\\s+(?=\\S)`, 'iu'), '')
    // "Autor: …", "Text: …", "作者："
    .replace(/^[\p{L}-]+(?:\s[\p{L}-]+)?\s*[:：]\s*/u, '')
    .replace(/^[\s,;:.\-–—]+|[\s,;:\-–—]+$/gu, '');
  while (DANGLING.test(text)) text = text.replace(DANGLING, '');
  const words = text.split(/\s+/).filter((w) => !SOCIAL_WORD.test(w) && !ACTION_WORD.test(w));
  text = words.join(' ');
  if (new RegExp(`^(?:${PREFIX}|and|und|et|y|e|i|og|en|&|,)$`, 'i').test(text)) return '';
  // Read times, counts ("8 min read", "651"), and anything without a letter.
  if (/^\d/.test(text) || !/\p{L}/u.test(text)) return '';
  // A lone short lower-case word is a leftover ("on", "par"), not a name.
  if (/^\p{Ll}{1,3}$/u.test(text)) return '';
  if (/^(?:https?:|www\.)|@.*\.|[\w-]+\.[a-z]{2,}(?:\/|$)/i.test(text)) return '';
  // A label with no name after it ("Article by").
  if (new RegExp(`^(?:[\\p{L}-]+\\s+){0,2}(?:${PREFIX})$`, 'iu').test(text)) return '';
  return text;
}

/**
 * `value` as names only, several joined with ", "; null when nothing in it
 * is a name (only a date, a URL, a label) or when it is too long to be one.
 */
export function cleanByline(value: string | null | undefined): string | null {
  let text = (value ?? '').replace(/[ \t\r\f\v\u00a0]+/g, ' ').trim();
  if (!text) return null;
  text = text
    // Glued by markup without spaces: "ByNatasha Daly", "UlbrichFollowAug", "Nolan22 Dec".
    .replace(new RegExp(`^(By|Von|Por|Par)(?=\\p{Lu})`, 'u'), '')
    .replace(new RegExp(`(\\p{Ll})(${ACTIONS})(?=\\P{Ll}|$)`, 'gu'), '$1 | ')
    .replace(/(\p{Ll})(\d{1,2}(?:\.\s*|\s+)\p{L})/gu, '$1 | $2');
  const names: string[] = [];
  for (const segment of withoutDates(text).split(SEPARATORS)) {
    const name = cleanSegment(segment);
    if (name && !names.includes(name)) names.push(name);
  }
  const joined = names.join(', ').replace(/\s*,\s*(?:,\s*)+/g, ', ').trim();
  return joined && joined.length <= 100 ? joined : null;
}

/** True when `a` links to a social network profile or an e-mail address. */
function isSocialLink(a: Element): boolean {
  const href = a.getAttribute('href') ?? '';
  if (/^mailto:/i.test(href)) return true;
  try {
    return SOCIAL_HOST.test(new URL(href, 'https://invalid.invalid/').hostname);
  } catch {
    return false;
  }
}

const SKIPPED = /^(?:BUTTON|TIME|SVG|SCRIPT|STYLE|IMG|NOSCRIPT|SELECT|INPUT)$/;

/**
 * The text of a byline element with its structure kept as separators:
 * pieces glued by markup ("By" + "Natasha Daly" + "• 8 min read") are
 * separated, buttons, `<time>` and social links are left out. Names marked
 * `itemprop=name` or `rel=author` are taken alone when present.
 */
export function bylineText(el: Element): string {
  if (el.tagName === 'META') return el.getAttribute('content') ?? '';
  const marked = [...(el.matches('[itemprop~="name"], a[rel~="author"]') ? [el] : []), ...el.querySelectorAll('[itemprop~="name"], a[rel~="author"]')];
  if (marked.length > 0) return marked.map((m) => (m.tagName === 'META' ? m.getAttribute('content') ?? '' : m.textContent ?? '')).join(' | ');
  let out = '';
  const visit = (node: Element): void => {
    for (let child = node.firstChild; child; child = child.nextSibling) {
      if (child.nodeType === 3) {
        const piece = child.nodeValue ?? '';
        // Adjacent pieces from different elements with no space between them were glued by markup.
        out += out && piece && !/\s$/.test(out) && !/^\s/.test(piece) && child.previousSibling?.nodeType === 1 ? ` | ${piece}` : piece;
      } else if (child.nodeType === 1) {
        const element = child as Element;
        if (SKIPPED.test(element.tagName.toUpperCase()) || element.getAttribute('role') === 'button') continue;
        if (element.tagName === 'A' && isSocialLink(element)) continue;
        const before = out.length;
        visit(element);
        // Text inside an element glued to text after it: mark the boundary.
        if (out.length > before && element.nextSibling && !/^\s/.test(element.nextSibling.textContent ?? ' ')) out += ' | ';
      }
    }
  };
  visit(el);
  return out;
}

const BYLINE_CLASS = /byline|author|dateline|writtenby|p-author/i;

/** True when `el` is marked as a byline: `rel=author`, `itemprop=author`, or a byline class (Readability's test). */
function isBylineElement(el: Element): boolean {
  if (el.getAttribute('rel')?.split(/\s+/).includes('author')) return true;
  if (el.getAttribute('itemprop')?.includes('author')) return true;
  return BYLINE_CLASS.test(`${el.getAttribute('class') ?? ''} ${el.getAttribute('id') ?? ''}`);
}

/** A byline found in the page, with the element it came from. */
export interface DomByline {
  names: string;
  element: Element;
}

/**
 * The article's own byline in the page: the first byline element that
 * belongs to the story of `anchor` (the entry's heading, else its first
 * paragraph) and sits near its header or inside its `<article>`; never one
 * of a related story, a comment or a sidebar.
 */
export function findDomByline(doc: Document, layout: PageLayout, anchor: Element | null, main: Element | null): DomByline | null {
  if (!anchor || !doc.body) return null;
  for (const el of doc.body.querySelectorAll('[rel~="author"], [itemprop*="author"], [class*="author" i], [class*="byline" i], [id*="author" i], [id*="byline" i], [class*="dateline" i], [class*="writtenby" i]')) {
    if (!isBylineElement(el)) continue;
    const length = (el.textContent ?? '').trim().length;
    if ((length === 0 && el.tagName !== 'META') || length >= 100) continue;
    if (!belongsToStory(el, anchor, main)) continue;
    if (!(main?.contains(el) || nearAnchor(layout, el, anchor, 1500))) continue;
    const names = cleanByline(bylineText(el));
    if (names) return { names, element: el };
  }
  return null;
}
