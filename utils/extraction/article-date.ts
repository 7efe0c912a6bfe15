/**
 * The article's date for the reader: what the page's metadata states, else
 * the `<time datetime>` of the article itself, else a date printed in its
 * header (any language, see visible-date.ts); never the date of a comment
 * or a related story.
 */
import { normalizedText } from './dom-helpers';
import type { JsonLdNode } from './json-ld';
import type { MetaTags } from './meta-tags';
import { belongsToStory, nearAnchor, type PageLayout } from './page-layout';
import { declaredDate, timeElementDate } from './published-date';
import { parseVisibleDate } from './visible-date';

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

/** True when `el` is or sits in a heading (`closest('h1, …, h6')` without jsdom's selector engine). */
function inHeading(el: Element): boolean {
  for (let node: Element | null = el; node; node = node.parentElement) if (/^H[1-6]$/.test(node.tagName)) return true;
  return false;
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
  for (const el of layout.elements) {
    if (!nearAnchor(layout, el, anchor, 800, 300)) {
      if (layout.offsetOf(el) > layout.offsetOf(anchor)) break;
      continue;
    }
    const hasDigitText = Array.from(el.childNodes).some((n) => n.nodeType === 3 && /\d/.test(n.nodeValue ?? ''));
    // A date in a heading is what the story is about ("Report of 22.04.2020"), not when it was published.
    if (!hasDigitText || inHeading(el)) continue;
    const text = normalizedText(el);
    // Short lines only: a date inside the prose is about something else.
    if (text.length > 200 || (el.tagName === 'P' && text.length > 80)) continue;
    const date = parseVisibleDate(text, lang);
    if (date && belongsToStory(el, anchor, main)) return date;
  }
  return null;
}

/**
 * The article's publication date in ISO 8601, or null.
 * @param jsonLd - the article JSON-LD node (see findArticleJsonLd), if any.
 */
export function findArticleDate(
  doc: Document,
  jsonLd: JsonLdNode | null,
  meta: MetaTags,
  context: DateContext,
): string | null {
  const declared = declaredDate(jsonLd, meta);
  if (declared) return declared;
  const { layout, anchor, main } = context;
  const times = layout.elements
    .filter((t) => t.tagName === 'TIME' && t.hasAttribute('datetime'))
    .filter((t) => (main?.contains(t) || nearAnchor(layout, t, anchor, 1500)) && belongsToStory(t, anchor, main));
  return timeElementDate(times) ?? printedDate(doc, context);
}
