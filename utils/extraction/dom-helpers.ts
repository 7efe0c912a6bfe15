/**
 * Small DOM helpers shared by the extraction steps. They only use standard DOM
 * APIs so the same code runs on a browser document clone and on jsdom.
 */

// Moved so the sanitizer can walk without importing extraction (no folder cycle).
export { descendants } from '@/utils/html/element-walk';

/** Elements that start a new line of text when rendered. */
export const BLOCK_TAGS = new Set([
  'ADDRESS',
  'ARTICLE',
  'ASIDE',
  'BLOCKQUOTE',
  'DD',
  'DETAILS',
  'DIV',
  'DL',
  'DT',
  'FIELDSET',
  'FIGCAPTION',
  'FIGURE',
  'FOOTER',
  'FORM',
  'H1',
  'H2',
  'H3',
  'H4',
  'H5',
  'H6',
  'HEADER',
  'HR',
  'LI',
  'MAIN',
  'NAV',
  'OL',
  'P',
  'PRE',
  'SECTION',
  'SUMMARY',
  'TABLE',
  'TBODY',
  'TD',
  'TFOOT',
  'TH',
  'THEAD',
  'TR',
  'UL',
  'CAPTION',
]);

const ELEMENT_NODE = 1;
const TEXT_NODE = 3;

/** True when `node` is an Element (works across realms, unlike `instanceof`). */
export function isElement(node: Node | null | undefined): node is Element {
  return !!node && node.nodeType === ELEMENT_NODE;
}

/** True when `node` is a Text node. */
export function isText(node: Node | null | undefined): node is Text {
  return !!node && node.nodeType === TEXT_NODE;
}

/** Text of `node` with runs of whitespace collapsed to one space and trimmed. */
export function normalizedText(node: Node): string {
  return (node.textContent ?? '').replace(/\s+/g, ' ').trim();
}

/**
 * The class and id of an element as one lower-case string, for pattern tests.
 * Uses getAttribute because `className` is an SVGAnimatedString on SVG elements.
 */
export function classAndId(el: Element): string {
  return `${el.getAttribute('class') ?? ''} ${el.getAttribute('id') ?? ''}`.toLowerCase();
}

/**
 * Share of an element's text that sits inside links, 0..1.
 * @param textLength - pass it when already known, to avoid recomputing.
 */
export function linkDensity(el: Element, textLength = normalizedLength(el)): number {
  if (textLength === 0) return 0;
  let linked = 0;
  // getElementsByTagName is much cheaper than a selector query on jsdom; see byTag for the indexed reads.
  const links = el.getElementsByTagName('a');
  for (let i = 0, n = links.length; i < n; i++) linked += normalizedLength(links[i]!);
  return Math.min(1, linked / textLength);
}

/**
 * A static array of `root`'s descendants with tag `tag`. Used instead of
 * `querySelectorAll` on whole documents: jsdom's selector engine is several
 * times slower, and extraction has a time budget relative to Readability.
 */
export function byTag(root: Document | Element, tag: string): Element[] {
  // `length` once, then index reads: on jsdom, reading any other property of a collection (`item`,
  // `length`, what `for…of` and `Array.from` read on every step) first looks it up as a named
  // item, a scan of the whole collection; index reads skip that. `item(i)` in a loop made a
  // page's collection of links quadratic.
  const collection = root.getElementsByTagName(tag);
  const out: Element[] = [];
  for (let i = 0, n = collection.length; i < n; i++) out.push(collection[i]!);
  return out;
}

/** True for the characters `\s` matches in a JavaScript regular expression (and `trim` removes). */
function isSpace(c: number): boolean {
  return (
    c === 32 ||
    (c >= 9 && c <= 13) ||
    c === 0xa0 ||
    c === 0x1680 ||
    (c >= 0x2000 && c <= 0x200a) ||
    c === 0x2028 ||
    c === 0x2029 ||
    c === 0x202f ||
    c === 0x205f ||
    c === 0x3000 ||
    c === 0xfeff
  );
}

/**
 * Length of `text` once runs of whitespace are collapsed to one space, as
 * `text.replace(/\s+/g, ' ').length` (same whitespace class) without building the string.
 */
export function collapsedLength(text: string): number {
  let length = 0;
  let inSpace = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    // Printable ASCII, most of any page, is never whitespace.
    if (c > 32 && c < 0x7f) {
      length++;
      inSpace = false;
      continue;
    }
    const space = isSpace(c);
    if (!space || !inSpace) length++;
    inSpace = space;
  }
  return length;
}

/**
 * `normalizedText(node).length` without building the normalized string: for
 * the many tests that only compare how much text an element holds.
 */
export function normalizedLength(node: Node): number {
  const text = node.textContent ?? '';
  let length = collapsedLength(text);
  // Trimming removes one collapsed space at each end (the only one when the text is all whitespace).
  if (length > 0 && isSpace(text.charCodeAt(0))) length--;
  if (length > 0 && isSpace(text.charCodeAt(text.length - 1))) length--;
  return length;
}

/**
 * The nearest inclusive ancestor of `el` whose tag is in `tags` (upper case):
 * `closest('figure, …')` for tag lists, without jsdom's selector engine, whose
 * first use on a document alone costs milliseconds.
 */
export function closestTag(el: Element | null, tags: ReadonlySet<string>): Element | null {
  for (let node = el; node; node = node.parentElement) if (tags.has(node.tagName)) return node;
  return null;
}

/** True when `root` has a descendant whose tag is in `tags` (upper case): `querySelector` for tag lists. */
export function hasDescendantTag(root: Element, tags: ReadonlySet<string>): boolean {
  let el = root.firstElementChild;
  while (el) {
    if (tags.has(el.tagName)) return true;
    let next: Element | null = el.firstElementChild;
    for (let cursor: Element | null = el; !next && cursor && cursor !== root; cursor = cursor.parentElement)
      next = cursor.nextElementSibling;
    el = next;
  }
  return false;
}

/** Replaces `el` by its children, keeping them in place. */
export function unwrap(el: Element): void {
  const parent = el.parentNode;
  if (!parent) return;
  while (el.firstChild) parent.insertBefore(el.firstChild, el);
  parent.removeChild(el);
}

/** Resolves `url` against `base`; null when it cannot be parsed. */
export function absoluteUrl(url: string, base: string): string | null {
  try {
    return new URL(url.trim(), base).href;
  } catch {
    return null;
  }
}

/** Blocks with no block-level descendants (the paragraphs, headings, items), in document order. */
export function leafBlocks(root: Element): Element[] {
  const out: Element[] = [];
  const visit = (el: Element): boolean => {
    let containsBlock = false;
    for (let child = el.firstElementChild; child; child = child.nextElementSibling)
      if (visit(child)) containsBlock = true;
    const isBlock = BLOCK_TAGS.has(el.tagName);
    if (isBlock && !containsBlock && el !== root) out.push(el);
    return isBlock || containsBlock;
  };
  visit(root);
  return out;
}
