/**
 * The article's own byline element, read as names only. Structure does most
 * of the work (separate elements, buttons, social links, `<time>`,
 * `itemprop=name`); names.ts then drops what is not a name.
 */
import { cleanByline as cleanNames } from './names';
import { belongsToStory, nearAnchor, type PageLayout, subtreeRange } from './page-layout';
import { withoutDates } from './visible-date';

/** `value` as names only, dates in any language removed (see names.ts). */
export function cleanByline(value: string | null | undefined): string | null {
  return cleanNames(value, withoutDates);
}

const SOCIAL_HOST =
  /(?:^|\.)(?:twitter\.com|x\.com|facebook\.com|linkedin\.com|instagram\.com|threads\.net|bsky\.app|youtube\.com|tiktok\.com|xing\.com|pinterest\.com|reddit\.com|github\.com|t\.me|wa\.me)$/i;

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

const ITEMPROP_NAME = /(^|\s)name(\s|$)/;
const REL_AUTHOR = /(^|\s)author(\s|$)/i;

/**
 * True when `el` matches `[itemprop~="name"], a[rel~="author"]` as jsdom's
 * selector engine tests it (whitespace-separated tokens; `rel` compared
 * case-insensitively in HTML), without running the engine: it is slow on jsdom.
 */
function isMarkedName(el: Element): boolean {
  if (!el.hasAttributes()) return false;
  const itemprop = el.getAttribute('itemprop');
  if (itemprop !== null && ITEMPROP_NAME.test(itemprop)) return true;
  if (el.localName !== 'a') return false;
  const rel = el.getAttribute('rel');
  return rel !== null && REL_AUTHOR.test(rel);
}

/** `el` and its descendants marked as names (see isMarkedName), in document order, into `out`. */
function collectMarkedNames(el: Element, out: Element[]): void {
  if (isMarkedName(el)) out.push(el);
  for (let child = el.firstElementChild; child; child = child.nextElementSibling) collectMarkedNames(child, out);
}

/**
 * The text of a byline element with its structure kept as separators:
 * pieces glued by markup ("By" + "Natasha Daly" + "• 8 min read") are
 * separated, buttons, `<time>` and social links are left out. Names marked
 * `itemprop=name` or `rel=author` are taken alone when present.
 */
export function bylineText(el: Element): string {
  if (el.tagName === 'META') return el.getAttribute('content') ?? '';
  const marked: Element[] = [];
  collectMarkedNames(el, marked);
  if (marked.length > 0)
    return marked
      .map((m) => (m.tagName === 'META' ? (m.getAttribute('content') ?? '') : (m.textContent ?? '')))
      .join(' | ');
  let out = '';
  const visit = (node: Element): void => {
    for (let child = node.firstChild; child; child = child.nextSibling) {
      if (child.nodeType === 3) {
        const piece = child.nodeValue ?? '';
        // Adjacent pieces from different elements with no space between them were glued by markup.
        out +=
          out && piece && !/\s$/.test(out) && !/^\s/.test(piece) && child.previousSibling?.nodeType === 1
            ? ` | ${piece}`
            : piece;
      } else if (child.nodeType === 1) {
        const element = child as Element;
        if (SKIPPED.test(element.tagName.toUpperCase()) || element.getAttribute('role') === 'button') continue;
        if (element.tagName === 'A' && isSocialLink(element)) continue;
        const before = out.length;
        visit(element);
        // Text inside an element glued to text after it: mark the boundary.
        if (out.length > before && element.nextSibling && !/^\s/.test(element.nextSibling.textContent ?? ' '))
          out += ' | ';
      }
    }
  };
  visit(el);
  return out;
}

const BYLINE_CLASS = /byline|author|dateline|writtenby|p-author/i;

/** True when `el` is marked as a byline: `rel=author`, `itemprop=author`, or a byline class (Readability's test). */
function isBylineElement(el: Element): boolean {
  if (!el.hasAttributes()) return false;
  // The names once, then only attributes present are read: four reads per element are costly on jsdom.
  const names = el.getAttributeNames();
  const read = (name: string): string | null => (names.includes(name) ? el.getAttribute(name) : null);
  if (read('rel')?.split(/\s+/).includes('author')) return true;
  if (read('itemprop')?.includes('author')) return true;
  return BYLINE_CLASS.test(`${read('class') ?? ''} ${read('id') ?? ''}`);
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
export function findDomByline(
  doc: Document,
  layout: PageLayout,
  anchor: Element | null,
  main: Element | null,
): DomByline | null {
  if (!anchor || !doc.body) return null;
  // One walk with a regex test: jsdom's case-insensitive attribute selectors are slow on big pages.
  const [mainStart, mainEnd] = subtreeRange(layout, main);
  const { elements } = layout;
  for (let i = 0; i < elements.length; i++) {
    const el = elements[i]!;
    // Position first (index and offset lookups): most of the page is neither in the article nor near its header.
    if (!((i >= mainStart && i < mainEnd) || nearAnchor(layout, el, anchor, 1500))) continue;
    if (!isBylineElement(el)) continue;
    const length = (el.textContent ?? '').trim().length;
    if ((length === 0 && el.tagName !== 'META') || length >= 100) continue;
    if (!belongsToStory(el, anchor, main)) continue;
    const names = cleanByline(bylineText(el));
    if (names) return { names, element: el };
  }
  return null;
}
