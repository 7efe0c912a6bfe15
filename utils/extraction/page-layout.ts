/**
 * Where the article's own header is on the untouched page: its body's first
 * paragraph, its headings, and which elements belong to the article rather
 * than to site chrome or another story (a related card, a comment, an
 * `<aside>`). Bylines and dates are taken only from the article's own part.
 * Structural and language-independent: tags, roles, nesting, text positions.
 */
import { byTag, closestTag, collapsedLength, linkDensity, normalizedLength, normalizedText } from './dom-helpers';

/** A heading as it was before Readability changed the document. */
export interface HeadingSnapshot {
  element: Element;
  text: string;
  offset: number;
}

/** Landmarks of the page's article, for metadata that must come from the article itself. */
export interface PageLayout {
  /** The first paragraph of prose: where the article's body starts. */
  bodyStart: Element | null;
  /** Headings (h1–h3, `itemprop=headline`) outside site chrome, in document order, with their text as read. */
  headings: HeadingSnapshot[];
  /** Every element of the body (not the body itself) in document order. */
  elements: readonly Element[];
  /** Offset of `el` in the page's text (characters before it). */
  offsetOf(el: Element): number;
  /**
   * The page's elements named `name` (one of INDEXED_NAMES), head included, in
   * document order: `getElementsByTagName(name)` without another walk of the page.
   */
  byName(name: IndexedName): readonly Element[];
}

/** The element names the layout's walk lists for the page's other readers (metadata, JSON-LD, dates). */
const INDEXED_NAMES = new Set(['meta', 'script', 'h1', 'article', 'time'] as const);
export type IndexedName = typeof INDEXED_NAMES extends Set<infer T> ? T : never;
const isIndexed = (name: string): name is IndexedName => INDEXED_NAMES.has(name as IndexedName);

const CHROME_TAGS = new Set(['ASIDE', 'NAV', 'FORM', 'DIALOG', 'MENU', 'TEMPLATE']);
const CHROME_ROLES = /^(?:navigation|complementary|dialog|banner|contentinfo|search)$/;

/** True when the page hides `el` from readers (attribute or inline style), as Readability judges it. */
function isHidden(el: Element): boolean {
  if (!el.hasAttributes()) return false;
  if (el.hasAttribute('hidden') || el.getAttribute('aria-hidden') === 'true') return true;
  const style = el.getAttribute('style');
  return !!style && /(?:^|;)\s*(?:display\s*:\s*none|visibility\s*:\s*hidden)/i.test(style);
}

/** True when an ancestor of `el` is an `<article>`, `<main>` or `role=main` (`closest` without jsdom's selector engine). */
function inArticleOrMain(el: Element): boolean {
  for (let node = el.parentElement; node; node = node.parentElement) {
    if (node.tagName === 'ARTICLE' || node.tagName === 'MAIN' || node.getAttribute('role') === 'main') return true;
  }
  return false;
}

/** True when `el` sits in navigation, a sidebar, a form, a site header/footer, or is hidden. */
export function inSiteChrome(el: Element): boolean {
  for (let node: Element | null = el; node; node = node.parentElement) {
    if (isHidden(node) || CHROME_TAGS.has(node.tagName)) return true;
    if (node.hasAttributes() && CHROME_ROLES.test(node.getAttribute('role') ?? '')) return true;
    if ((node.tagName === 'HEADER' || node.tagName === 'FOOTER') && !inArticleOrMain(node)) return true;
  }
  return false;
}

/** True when an ancestor of `el` has tag `tag` (upper case): `closest` without jsdom's selector engine. */
function hasAncestor(el: Element, tag: string): boolean {
  for (let node = el.parentElement; node; node = node.parentElement) if (node.tagName === tag) return true;
  return false;
}

/** Elements whose content is not text a reader sees (lower case, confirmed by `tagName`). */
const UNCOUNTED_NAMES = new Set(['script', 'style', 'noscript', 'template']);
const UNCOUNTED_TAGS = /^(?:SCRIPT|STYLE|NOSCRIPT|TEMPLATE)$/;
const HEADING_NAMES = new Set(['h1', 'h2', 'h3']);
const NO_ATTRIBUTES: readonly string[] = [];

/**
 * Reads the layout of `doc`. One walk over the body gives text offsets, the
 * element list, the main landmark, and the paragraphs and headings to look
 * at: each element's `localName` is read once (`tagName` builds an upper-case
 * string on every read on jsdom) and its attribute names only when it has some.
 * `tagName` still confirms each match, so elements of other namespaces (an
 * SVG `<script>`) are classified as before. The same walk, with one over the
 * head, lists the elements `byName` gives, so the metadata readers need no
 * walk of their own (each `getElementsByTagName` of a new name walks the
 * whole page on jsdom). Inside `withPageLayout(doc, …)`, the layout read
 * there is returned without a second walk.
 */
export function readPageLayout(doc: Document): PageLayout {
  if (shared?.doc === doc) return shared.layout;
  const body = doc.body;
  const offsets = new Map<Element, number>();
  // Every element of the body in document order, as `descendants(body)` lists them: the header's
  // readers filter this list instead of walking the page again or running selectors (slow on jsdom).
  const elements: Element[] = [];
  // Indices in `elements` of the `<p>`s, and the heading candidates, in document order.
  const paragraphIndices: number[] = [];
  const headingCandidates: Element[] = [];
  let mainAt = -1;
  let mainEnd = -1;
  const named = new Map<IndexedName, Element[]>([...INDEXED_NAMES].map((name) => [name, []]));
  // Elements matched by local name: the names are lower case, as getElementsByTagName matches them.
  const index = (element: Element, name: string): void => {
    if (isIndexed(name)) named.get(name)!.push(element);
  };
  /** The elements outside the body (the head), for the index only. */
  const walkElements = (el: Element): void => {
    for (let child = el.firstElementChild; child; child = child.nextElementSibling) {
      index(child, child.localName);
      walkElements(child);
    }
  };
  const root = doc.documentElement;
  if (root) index(root, root.localName);
  // The body is a child of the root element (that is how `document.body` is found).
  for (let child = root?.firstElementChild ?? null; child; child = child.nextElementSibling) {
    if (child === body) {
      index(body, body.localName);
      walkBody();
    } else {
      index(child, child.localName);
      walkElements(child);
    }
  }

  function walkBody(): void {
    if (!body) return;
    // Text offsets by element start: text lengths accumulated in document order.
    let offset = 0;
    const walk = (el: Element, counted: boolean): void => {
      // Elements inside scripts, styles and templates have no place in the text (offset 0 as before).
      if (counted) offsets.set(el, offset);
      for (let child = el.firstChild; child; child = child.nextSibling) {
        const type = child.nodeType;
        if (type === 3) {
          if (counted) offset += collapsedLength(child.nodeValue ?? '');
        } else if (type === 1) {
          const element = child as Element;
          const at = elements.push(element) - 1;
          const name = element.localName;
          index(element, name);
          // Which attributes exist, read once: most elements have a class but neither attribute looked for.
          const attributes = element.hasAttributes() ? element.getAttributeNames() : NO_ATTRIBUTES;
          // The first `main` landmark in document order, as `querySelector('main, [role="main"]')` finds it.
          if (
            mainAt < 0 &&
            ((name === 'main' && element.tagName === 'MAIN') ||
              (attributes.includes('role') && element.getAttribute('role') === 'main'))
          )
            mainAt = at;
          if (name === 'p') {
            if (element.tagName === 'P') paragraphIndices.push(at);
          } else if (
            (HEADING_NAMES.has(name) && /^H[1-3]$/.test(element.tagName)) ||
            (attributes.includes('itemprop') && /\bheadline\b/.test(element.getAttribute('itemprop') ?? ''))
          )
            headingCandidates.push(element);
          walk(element, counted && !(UNCOUNTED_NAMES.has(name) && UNCOUNTED_TAGS.test(element.tagName)));
          if (at === mainAt) mainEnd = elements.length;
        }
      }
    };
    walk(body, true);
  }
  const paragraphs = new Set<Element>();
  for (const at of paragraphIndices) if (mainAt < 0 || (at > mainAt && at < mainEnd)) paragraphs.add(elements[at]!);
  // Lengths and counts are read lazily: the body usually starts at one of the first paragraphs,
  // and measuring every paragraph's text first was a large part of this function's time.
  const lengths = new Map<Element, number>();
  const lengthOf = (p: Element): number => {
    let length = lengths.get(p);
    if (length === undefined) lengths.set(p, (length = normalizedLength(p)));
    return length;
  };
  const isProse = (el: Element): boolean => paragraphs.has(el) && lengthOf(el) >= 80;
  /** Whether `container` holds more than one paragraph of prose as its child or grandchild. */
  const holdsProse = (container: Element | null | undefined): boolean => {
    if (!container) return false;
    let count = 0;
    for (let child = container.firstElementChild; child; child = child.nextElementSibling) {
      if (isProse(child) && ++count > 1) return true;
      for (let grandchild = child.firstElementChild; grandchild; grandchild = grandchild.nextElementSibling)
        if (isProse(grandchild) && ++count > 1) return true;
    }
    return false;
  };
  let bodyStart: Element | null = null;
  for (const p of paragraphs) {
    const length = lengthOf(p);
    if (length < 100) continue;
    // A body has several paragraphs side by side; a cookie notice or a teaser has one.
    const inBody = length >= 400 || holdsProse(p.parentElement) || holdsProse(p.parentElement?.parentElement);
    if (inBody && linkDensity(p, length) < 0.3 && !hasAncestor(p, 'LI') && !inSiteChrome(p)) {
      bodyStart = p;
      break;
    }
  }
  const headings: HeadingSnapshot[] = [];
  for (const element of headingCandidates) {
    const text = normalizedText(element);
    if (text.length > 1 && !inSiteChrome(element)) headings.push({ element, text, offset: offsets.get(element) ?? 0 });
  }
  return { bodyStart, headings, elements, offsetOf: (el) => offsets.get(el) ?? 0, byName: (name) => named.get(name)! };
}

/** The layout `withPageLayout` is running with; the page is not changed meanwhile. */
let shared: { doc: Document; layout: PageLayout } | null = null;

/**
 * Runs `read` with the layout of `doc`, which readPageLayout returns for
 * `doc` until `read` returns: the metadata readers of one untouched page
 * share one walk of it. `read` must not change the page.
 */
export function withPageLayout<T>(doc: Document, read: (layout: PageLayout) => T): T {
  const outer = shared;
  const layout = readPageLayout(doc);
  shared = { doc, layout };
  try {
    return read(layout);
  } finally {
    shared = outer;
  }
}

/**
 * The `<article>` of the story `anchor` starts: the one holding it, else the
 * first one after it with a body's worth of text (a heading above its article).
 */
export function articleOf(anchor: Element | null): Element | null {
  if (!anchor) return null;
  const holding = closestTag(anchor, new Set(['ARTICLE']));
  if (holding) return holding;
  const doc = anchor.ownerDocument;
  for (const article of shared?.doc === doc ? shared.layout.byName('article') : byTag(doc, 'article')) {
    // DOCUMENT_POSITION_FOLLOWING: the article comes after the anchor.
    if (anchor.compareDocumentPosition(article) & 4 && normalizedLength(article) >= 500) return article;
  }
  return null;
}

/**
 * Indices [start, end) of `el`'s descendants in `layout.elements` (empty when
 * `el` is not in the body): membership by index instead of `contains`.
 */
export function subtreeRange(layout: PageLayout, el: Element | null): [number, number] {
  const at = el ? layout.elements.indexOf(el) : -1;
  if (!el || at < 0) return [0, 0];
  let next: Element | null = null;
  for (let node: Element | null = el; !next && node; node = node.parentElement) next = node.nextElementSibling;
  const end = next ? layout.elements.indexOf(next, at + 1) : -1;
  return [at + 1, end < 0 ? layout.elements.length : end];
}

/**
 * True when `el` belongs to the same story as `anchor` (the entry's heading or
 * its body's first paragraph): not site chrome, not inside another
 * `<article>`, a list entry (comment, teaser) or a card that links its own
 * headline elsewhere.
 */
export function belongsToStory(el: Element, anchor: Element, main: Element | null = articleOf(anchor)): boolean {
  if (inSiteChrome(el) && !(main && main.contains(el) && !isHiddenWithin(el, main))) return false;
  const ownLength = normalizedLength(el);
  for (let node = el.parentElement; node && !node.contains(anchor); node = node.parentElement) {
    if (node === main) break;
    if (node.tagName === 'ARTICLE') return false;
    if (node.tagName === 'LI' && normalizedLength(node) > Math.max(150, ownLength * 3)) return false;
    // A card: a block that links its own headline elsewhere (a heading that is not the byline itself).
    // (`querySelectorAll('h1 a[href], …')` with the heading found by walking up: jsdom's selectors are slow.)
    for (const link of byTag(node, 'a')) {
      if (!link.hasAttribute('href')) continue;
      const heading = headingAround(link);
      if (heading && !heading.contains(el) && !el.contains(heading)) return false;
    }
  }
  return true;
}

/** The nearest heading (h1–h6) holding `el`, or null. */
function headingAround(el: Element): Element | null {
  for (let node = el.parentElement; node; node = node.parentElement) if (/^H[1-6]$/.test(node.tagName)) return node;
  return null;
}

function isHiddenWithin(el: Element, main: Element): boolean {
  for (let node: Element | null = el; node && node !== main; node = node.parentElement) if (isHidden(node)) return true;
  return false;
}

/** Text lengths of anchors, read once: nearAnchor is asked about every element of the header zone. */
const anchorLengths = new WeakMap<Element, number>();

/**
 * True when `el` lies in the article's header zone: from a little before
 * `anchor` to `after` characters of text past its end.
 */
export function nearAnchor(layout: PageLayout, el: Element, anchor: Element, after: number, before = 400): boolean {
  const start = layout.offsetOf(anchor);
  let length = anchorLengths.get(anchor);
  if (length === undefined) anchorLengths.set(anchor, (length = normalizedLength(anchor)));
  const end = start + length;
  const at = layout.offsetOf(el);
  return at >= start - before && at <= end + after;
}
