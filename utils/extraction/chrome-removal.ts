/**
 * Removes page chrome that Readability leaves inside the article: share bars,
 * newsletter pitches, "related"/"more from" link lists, ad labels, breadcrumbs,
 * datelines and bylines (the reader shows those in its header), copyright
 * footers. Every rule is general (class words, text shape, link density,
 * position), never keyed to a site, and each is bounded in size so that a
 * misfire costs a line, not the article.
 */
import { CHROME_CLASS, RELATED_HEADING } from './chrome-patterns';
import { type LineContext, blockChromeRule, edgeChromeRule, isOtherPageOfSite } from './chrome-lines';
import { holdsPlayer } from './embeds';
import {
  byTag,
  classAndId,
  descendants,
  leafBlocks,
  linkDensity,
  normalizedLength,
  normalizedText,
} from './dom-helpers';
import { isLabel } from './orphan-headings';
import { proseGuard } from './prose-share';

export { isDateline } from './chrome-lines';

export interface ChromeContext extends LineContext {
  /**
   * Called with each element a rule is about to remove, and the rule's name
   * (diagnostics and tests). Returning `false` keeps the element: the ablation
   * bench (bench/extract-ablation.ts) turns rules off this way.
   */
  onRemove?: (el: Element, rule: string) => boolean | void;
  /** Called when a rule matched an element holding much of the article's prose, which was kept. */
  onOverruled?: (el: Element, rule: string) => void;
}

/** A widget found by class is at most this share of the article's text. */
const MAX_WIDGET_SHARE = 0.25;
/** How many blocks at each end of the article are checked for datelines and breadcrumbs. */
const EDGE_BLOCKS = 6;
/** Media that makes an otherwise text-less element worth keeping (local names, as the selector `img, picture, …` matches them). */
const MEDIA_NAMES = new Set(['img', 'picture', 'video', 'audio', 'iframe', 'pre', 'table', 'math', 'svg']);

/**
 * True when a descendant of `el` is media: `hasMedia(el)` by a
 * walk over element children, as jsdom's selector engine is slow.
 */
function hasMedia(el: Element): boolean {
  for (let child = el.firstElementChild; child; child = child.nextElementSibling)
    if (MEDIA_NAMES.has(child.localName) || hasMedia(child)) return true;
  return false;
}

/** True when `el` has at least `n` element children, counted only up to `n`. */
function hasChildren(el: Element, n: number): boolean {
  let count = 0;
  for (let child = el.firstElementChild; child; child = child.nextElementSibling) if (++count >= n) return true;
  return false;
}

/** `el`'s element children as an array, without jsdom's slow collection proxy. */
function childList(el: Element): Element[] {
  const out: Element[] = [];
  for (let child = el.firstElementChild; child; child = child.nextElementSibling) out.push(child);
  return out;
}

/**
 * Navigation, and article headers/footers/asides made only of text (title,
 * dek, byline, tags, pull quotes): the reader renders its own header, and a
 * pull quote repeats the text. Ones holding media are kept for the picture.
 */
function removeFurniture(root: Element, total: number, drop: Drop): void {
  for (const el of ['nav', 'header', 'footer', 'aside'].flatMap((tag) => byTag(root, tag))) {
    if (!root.contains(el)) continue;
    if (el.tagName !== 'NAV' && (hasMedia(el) || normalizedLength(el) > total * MAX_WIDGET_SHARE)) continue;
    drop(el, el.tagName.toLowerCase());
  }
}

function removeWidgetsByClass(root: Element, total: number, drop: Drop): void {
  for (const el of descendants(root)) {
    // Without attributes there is no class or id to match (two attribute reads saved on most elements).
    if (!el.hasAttributes()) continue;
    const match = CHROME_CLASS.exec(classAndId(el));
    if (!match || !root.contains(el)) continue;
    if (el.querySelector('pre') || /^(?:PRE|CODE|BODY|HTML|MAIN|ARTICLE)$/.test(el.tagName) || holdsPlayer(el))
      continue;
    // The rule is named by the class word that matched ("class:share"), so each word can be weighed on its own.
    if (normalizedLength(el) <= total * MAX_WIDGET_SHARE)
      drop(el, `class:${match[0].replace(/^[\s_-]+|[\s_-]+$/g, '')}`);
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
      if (!linky && (nextText || hasMedia(next))) break;
      const after = next.nextElementSibling;
      drop(next, 'related-list');
      removedList ||= linky;
      next = after;
    }
    if (removedList || !block.nextElementSibling) drop(block, 'related-heading');
  }
}

type Drop = (el: Element, rule: string) => void;

/**
 * Other posts merged into the article: an `<article>` inside it (a teaser,
 * the previous entry of a blog's page, a card under "more on this") that
 * links to another page of the site. Bounded like the class rule, so the
 * article itself is never taken; and all the teasers together are a small
 * share of the text, so an archive or a live blog, whose posts are the
 * content, keeps them.
 */
function removeNestedArticles(root: Element, total: number, pageUrl: string | undefined, drop: Drop): void {
  if (!pageUrl) return;
  const teasers = byTag(root, 'article').filter((el) => {
    const text = normalizedText(el);
    if (text.length > total * MAX_WIDGET_SHARE) return false;
    // A teaser: its heading links to the other post, or it is mostly links, or it is a card (a
    // short summary) whose every link leads to another page of the site. (Entries of a live blog
    // are articles too, but their headings link nowhere or to themselves.)
    const linkedHeading = el.querySelector('h1 a[href], h2 a[href], h3 a[href], h4 a[href], h5 a[href], h6 a[href]');
    const links = byTag(el, 'a');
    const toOtherPages = links.length > 0 && links.every((a) => isOtherPageOfSite(a.getAttribute('href'), pageUrl));
    return (
      (linkedHeading && isOtherPageOfSite(linkedHeading.getAttribute('href'), pageUrl)) ||
      (text &&
        linkDensity(el, text.length) >= 0.5 &&
        links.some((a) => isOtherPageOfSite(a.getAttribute('href'), pageUrl))) ||
      (toOtherPages && text.length < MAX_CARD_CHARS)
    );
  });
  const outermost = teasers.filter((el) => !teasers.some((other) => other !== el && other.contains(el)));
  const share = outermost.reduce((sum, el) => sum + normalizedLength(el), 0);
  if (share > total * MAX_WIDGET_SHARE) return;
  for (const el of outermost) drop(el, 'nested-article');
}

/** A card (a teaser of another post: picture, title, a line or two) is shorter than this. */
const MAX_CARD_CHARS = 400;

/** A compact signature of an element's shape: its tag, classes and the tags of its children. */
const shapeOf = (el: Element): string =>
  `${el.tagName}.${(el.getAttribute('class') ?? '').trim()}>${childList(el)
    .map((c) => c.tagName)
    .join(',')}`;

/**
 * Card lists and carousels: three or more siblings of the same shape, each a
 * short teaser linking to another page of the site. Language-independent:
 * it needs no heading ("Related", "Lesen Sie auch", "Leia também").
 */
function removeSiblingCards(root: Element, total: number, pageUrl: string | undefined, drop: Drop): void {
  if (!pageUrl) return;
  for (const parent of [root, ...descendants(root)]) {
    if (!hasChildren(parent, 3) || parent.tagName === 'TABLE' || parent.tagName === 'TBODY' || !root.contains(parent))
      continue;
    const cards = childList(parent);
    const shape = shapeOf(cards[0]!);
    if (cards.some((card) => shapeOf(card) !== shape)) continue;
    const teasers = cards.every((card) => {
      const text = normalizedText(card);
      const links = byTag(card, 'a');
      return (
        text.length < 300 &&
        links.length > 0 &&
        links.some((a) => isOtherPageOfSite(a.getAttribute('href'), pageUrl)) &&
        (text.length === 0 || linkDensity(card, text.length) >= 0.3)
      );
    });
    if (!teasers || normalizedLength(parent) > total * MAX_WIDGET_SHARE) continue;
    // A list of links in running text (a table of contents, a reading list) is content when it links within this page or elsewhere.
    drop(parent === root ? cards[0]! : parent, 'sibling-cards');
    if (parent === root) for (const card of cards.slice(1)) drop(card, 'sibling-cards');
  }
}

/**
 * Everything after the last paragraph of prose that is made of links to
 * other pages of the site ("more stories", category lists, teasers), with the
 * short heading that introduces it, whatever language the heading is in.
 * Links to other sites stay: at the end of an article they are its sources.
 */
function removeTrailingSiteLinks(root: Element, pageUrl: string | undefined, drop: Drop): void {
  if (!pageUrl) return;
  // Leaf blocks hold no other block and only blocks are removed here, so each one's text is read once.
  const texts = new Map<Element, string>();
  const textOf = (el: Element): string => {
    let text = texts.get(el);
    if (text === undefined) texts.set(el, (text = normalizedText(el)));
    return text;
  };
  const blocks = leafBlocks(root).filter((el) => textOf(el) || hasMedia(el));
  let lastProse = -1;
  blocks.forEach((el, i) => {
    const text = textOf(el);
    if (text.length >= 150 && linkDensity(el, text.length) < 0.5) lastProse = i;
  });
  if (lastProse < 0) return;
  const trailing = blocks.slice(lastProse + 1);
  const isSiteLinks = (el: Element): boolean => {
    const text = textOf(el);
    if (text.length === 0 || text.length >= 300) return false;
    const links = byTag(el, 'a');
    return (
      links.length > 0 &&
      linkDensity(el, text.length) >= 0.6 &&
      links.every((a) => isOtherPageOfSite(a.getAttribute('href'), pageUrl))
    );
  };
  let pendingHeading: Element | null = null;
  for (const el of trailing) {
    if (isSiteLinks(el)) {
      if (pendingHeading) drop(pendingHeading, 'trailing-heading');
      pendingHeading = null;
      drop(el, 'trailing-site-links');
      continue;
    }
    const text = textOf(el);
    // A short title line without a full stop: a heading of what follows.
    pendingHeading = (/^H[1-6]$/.test(el.tagName) || (text.length < 60 && !/[.!?…]$/.test(text))) && text ? el : null;
  }
  // A heading with nothing under it introduced a list that is gone (Readability drops link-only boxes).
  const last = trailing[trailing.length - 1];
  if (last && /^H[1-6]$/.test(last.tagName) && isLabel(textOf(last)) && root.contains(last))
    drop(last, 'trailing-heading');

  // Anywhere in the article, two or more blocks in a row that are only links to other pages of
  // the site ("read also" boxes between paragraphs or above an author's bio), with their label.
  const total = normalizedLength(root);
  const kept = blocks.filter((el) => root.contains(el));
  for (let i = 0; i < kept.length; ) {
    let end = i;
    while (end < kept.length && isSiteLinks(kept[end]!)) end++;
    if (end - i < 2) {
      i = Math.max(end, i + 1);
      continue;
    }
    const run = kept.slice(i, end);
    if (run.reduce((sum, el) => sum + textOf(el).length, 0) <= total * MAX_WIDGET_SHARE) {
      const label = kept[i - 1];
      const labelText = label ? textOf(label) : '';
      // The line that introduces the run: a heading, or a short line that is not a sentence.
      if (label && (/^H[1-6]$/.test(label.tagName) || (labelText.length < 60 && !/[.…]$/.test(labelText))))
        drop(label, 'site-links-heading');
      for (const el of run) drop(el, 'site-links');
    }
    i = end;
  }
}

const CONTAINERS = new Set([
  'DIV',
  'SECTION',
  'P',
  'LI',
  'UL',
  'OL',
  'FIGURE',
  'ASIDE',
  'HEADER',
  'FOOTER',
  'BLOCKQUOTE',
]);
const MEDIA_TAGS = new Set([
  'IMG',
  'PICTURE',
  'VIDEO',
  'AUDIO',
  'IFRAME',
  'PRE',
  'TABLE',
  'MATH',
  'SVG',
  'svg',
  'math',
  'HR',
  'BR',
]);

/** Removes containers left with neither text nor media, in one bottom-up walk. */
function removeEmptyContainers(root: Element): void {
  const visit = (el: Element): boolean => {
    // Named anchors are link targets (footnotes) even when empty.
    let keep = MEDIA_TAGS.has(el.tagName) || (el.tagName === 'A' && (el.hasAttribute('id') || el.hasAttribute('name')));
    for (let child = el.firstChild; child; ) {
      const next = child.nextSibling;
      if (child.nodeType === 3 ? /\S/.test(child.nodeValue ?? '') : child.nodeType === 1 && visit(child as Element))
        keep = true;
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
    if (context.onRemove?.(el, rule) === false) return;
    el.remove();
  };
  const total = normalizedLength(root);
  removeFurniture(root, total, drop);
  removeWidgetsByClass(root, total, drop);
  removeRelatedLists(root, drop);
  removeNestedArticles(root, total, context.pageUrl, drop);
  removeSiblingCards(root, total, context.pageUrl, drop);
  removeTrailingSiteLinks(root, context.pageUrl, drop);
  const blocks = leafBlocks(root);
  const texts = new Map(blocks.map((el) => [el, normalizedText(el)]));
  // Table cells are data ("Comment" may be a column header), never chrome labels.
  const inTable = (el: Element): boolean =>
    /^(?:TD|TH|CAPTION)$/.test(el.tagName) || !!el.parentElement?.closest('table');
  for (const el of blocks) {
    const rule = blockChromeRule(el, texts.get(el)!);
    if (rule && !inTable(el)) drop(el, rule);
  }
  const remaining = blocks.filter((el) => root.contains(el) && (texts.get(el) || hasMedia(el)));
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
