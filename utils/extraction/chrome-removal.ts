/**
 * Removes page chrome that Readability leaves inside the article: share bars,
 * newsletter pitches, "related"/"more from" link lists, ad labels, breadcrumbs,
 * datelines and bylines (the reader shows those in its header), copyright
 * footers. Every rule is general (class words, text shape, link density,
 * position), never keyed to a site, and each is bounded in size so that a
 * misfire costs a line, not the article.
 */
import { CHROME_CLASS, RELATED_HEADING } from './chrome-patterns';
import { type LineContext, blockChromeRule, edgeChromeRule } from './chrome-lines';
import { byTag, classAndId, descendants, leafBlocks, linkDensity, normalizedText } from './dom-helpers';
import { proseGuard } from './prose-share';

export { isDateline } from './chrome-lines';

export interface ChromeContext extends LineContext {
  /** Called with each removed element and the rule that removed it (diagnostics and tests). */
  onRemove?: (el: Element, rule: string) => void;
  /** Called when a rule matched an element holding much of the article's prose, which was kept. */
  onOverruled?: (el: Element, rule: string) => void;
}

/** A widget found by class is at most this share of the article's text. */
const MAX_WIDGET_SHARE = 0.25;
/** How many blocks at each end of the article are checked for datelines and breadcrumbs. */
const EDGE_BLOCKS = 6;
/** Media that makes an otherwise text-less element worth keeping. */
const MEDIA = 'img, picture, video, audio, iframe, pre, table, math, svg';

/**
 * Navigation, and article headers/footers/asides made only of text (title,
 * dek, byline, tags, pull quotes): the reader renders its own header, and a
 * pull quote repeats the text. Ones holding media are kept for the picture.
 */
function removeFurniture(root: Element, total: number, drop: Drop): void {
  for (const el of ['nav', 'header', 'footer', 'aside'].flatMap((tag) => byTag(root, tag))) {
    if (!root.contains(el)) continue;
    if (el.tagName !== 'NAV' && (el.querySelector(MEDIA) || normalizedText(el).length > total * MAX_WIDGET_SHARE)) continue;
    drop(el, el.tagName.toLowerCase());
  }
}

function removeWidgetsByClass(root: Element, total: number, drop: Drop): void {
  for (const el of descendants(root)) {
    if (!CHROME_CLASS.test(classAndId(el)) || !root.contains(el)) continue;
    if (el.querySelector('pre') || /^(?:PRE|CODE|BODY|HTML|MAIN|ARTICLE)$/.test(el.tagName)) continue;
    if (normalizedText(el).length <= total * MAX_WIDGET_SHARE) drop(el, 'class');
  }
}

/** Removes "Related stories" headings and the link lists that follow them. */
function removeRelatedLists(root: Element, drop: Drop): void {
  for (const block of leafBlocks(root)) {
    if (!/^(?:H[2-6]|P|DIV|HEADER)$/.test(block.tagName) || !root.contains(block)) continue;
    const text = normalizedText(block);
    if (text.length > 60 || !RELATED_HEADING.test(text)) continue;
    let next = block.nextElementSibling;
    let removedList = false;
    while (next) {
      const nextText = normalizedText(next);
      // After such a heading, a list that is partly links ("Headline, <a>teaser</a>") is enough.
      const linky = nextText.length > 0 && nextText.length < 1500 && linkDensity(next, nextText.length) >= 0.3;
      if (!linky && (nextText || next.querySelector(MEDIA))) break;
      const after = next.nextElementSibling;
      drop(next, 'related-list');
      removedList ||= linky;
      next = after;
    }
    if (removedList || !block.nextElementSibling) drop(block, 'related-heading');
  }
}

type Drop = (el: Element, rule: string) => void;

const CONTAINERS = new Set(['DIV', 'SECTION', 'P', 'LI', 'UL', 'OL', 'FIGURE', 'ASIDE', 'HEADER', 'FOOTER', 'BLOCKQUOTE']);
const MEDIA_TAGS = new Set(['IMG', 'PICTURE', 'VIDEO', 'AUDIO', 'IFRAME', 'PRE', 'TABLE', 'MATH', 'SVG', 'svg', 'math', 'HR', 'BR']);

/** Removes containers left with neither text nor media, in one bottom-up walk. */
function removeEmptyContainers(root: Element): void {
  const visit = (el: Element): boolean => {
    // Named anchors are link targets (footnotes) even when empty.
    let keep = MEDIA_TAGS.has(el.tagName) || (el.tagName === 'A' && (el.hasAttribute('id') || el.hasAttribute('name')));
    for (let child = el.firstChild; child; ) {
      const next = child.nextSibling;
      if (child.nodeType === 3 ? /\S/.test(child.nodeValue ?? '') : child.nodeType === 1 && visit(child as Element)) keep = true;
      child = next;
    }
    if (!keep && el !== root && CONTAINERS.has(el.tagName)) el.remove();
    return keep;
  };
  visit(root);
}

/**
 * Removes chrome from an extracted article, in place.
 * @param root - Readability's article element, with page classes still on it.
 */
export function removeArticleChrome(root: Element, context: ChromeContext): void {
  // Chrome never holds a large share of the prose: a rule matching such an element is wrong on this page.
  const holdsProse = proseGuard(root);
  const drop: Drop = (el, rule) => {
    if (!root.contains(el) || el === root) return;
    if (holdsProse(el)) {
      context.onOverruled?.(el, rule);
      return;
    }
    context.onRemove?.(el, rule);
    el.remove();
  };
  const total = normalizedText(root).length;
  removeFurniture(root, total, drop);
  removeWidgetsByClass(root, total, drop);
  removeRelatedLists(root, drop);
  const blocks = leafBlocks(root);
  const texts = new Map(blocks.map((el) => [el, normalizedText(el)]));
  // Table cells are data ("Comment" may be a column header), never chrome labels.
  const inTable = (el: Element): boolean => /^(?:TD|TH|CAPTION)$/.test(el.tagName) || !!el.parentElement?.closest('table');
  for (const el of blocks) {
    const rule = blockChromeRule(el, texts.get(el)!);
    if (rule && !inTable(el)) drop(el, rule);
  }
  const remaining = blocks.filter((el) => root.contains(el) && (texts.get(el) || el.querySelector(MEDIA)));
  const isProse = (el: Element): boolean => texts.get(el)!.length >= 150 && linkDensity(el) < 0.5;
  /** Drops `el` if it is edge chrome; true when it is prose, where the scan stops. */
  const edge = (el: Element, end: 'leading' | 'trailing'): boolean => {
    if (!root.contains(el)) return false;
    const match = edgeChromeRule(el, texts.get(el)!, context, end);
    if (match && !inTable(el)) {
      drop(match.wholeList && el.parentElement ? el.parentElement : el, `${end} ${match.rule}`);
      return false;
    }
    return isProse(el);
  };
  // From each end inward, up to the first paragraph of prose that is not itself chrome.
  for (const el of remaining.slice(0, EDGE_BLOCKS)) if (edge(el, 'leading')) break;
  for (const el of remaining.slice(-EDGE_BLOCKS).reverse()) if (edge(el, 'trailing')) break;
  removeEmptyContainers(root);
}
