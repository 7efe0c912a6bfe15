/**
 * The DOM adapter of anchoring: the normalized visible text of a root element
 * (see `normalize.ts`), and the mapping between offsets in that text and DOM
 * positions, both ways. Built once per batch of highlights: one walk over the
 * root, then every lookup is a binary search.
 *
 * What counts as text: text nodes under `root`, except inside elements that
 * never render as text (`<script>`, `<style>`, `<noscript>`, `<template>`,
 * `<head>`, `<title>` — also SVG's, a tooltip — and `[hidden]`). Edges of
 * block elements and `<br>` count as whitespace, so `<p>end.</p><p>Next</p>`
 * reads "end. Next", as on screen, whatever the source indentation. Uses no globals: works on any document (a page, a
 * shadow root's host document, jsdom, happy-dom).
 */
import { isIgnorableCode, isSpaceCode } from './normalize';

/** Elements whose text is never shown. */
const SKIPPED = new Set(['script', 'style', 'noscript', 'template', 'head', 'title']);

/** Elements laid out as blocks (or breaking lines) by default: their edges separate words. */
const BLOCKS = new Set([
  'address',
  'article',
  'aside',
  'blockquote',
  'br',
  'caption',
  'dd',
  'details',
  'dialog',
  'div',
  'dl',
  'dt',
  'fieldset',
  'figcaption',
  'figure',
  'footer',
  'form',
  'h1',
  'h2',
  'h3',
  'h4',
  'h5',
  'h6',
  'header',
  'hgroup',
  'hr',
  'li',
  'main',
  'menu',
  'nav',
  'ol',
  'p',
  'pre',
  'section',
  'summary',
  'table',
  'tbody',
  'td',
  'tfoot',
  'th',
  'thead',
  'tr',
  'ul',
  'legend',
  'option',
  'body',
  'html',
]);

const ELEMENT_NODE = 1;
const TEXT_NODE = 3;
const CDATA_SECTION_NODE = 4;

/** Normalized text of a root, with the way back to the DOM. */
export interface TextIndex {
  readonly root: Element;
  /** The normalized visible text. */
  readonly text: string;
  /**
   * A DOM Range covering `text.slice(start, end)`: from the first character's
   * text node to just after the last character. Requires `0 <= start < end <= text.length`.
   */
  toRange(start: number, end: number): Range;
  /**
   * The normalized offsets a Range covers, trimmed of surrounding spaces.
   * @return null if the range holds no visible text under the root
   */
  offsetsOf(range: Range): { start: number; end: number } | null;
}

/**
 * Walks `root` once and indexes its visible text. The index describes the
 * DOM as it was: build a new one after the page (or a highlight painter)
 * changes the text nodes.
 */
export function buildTextIndex(root: Element): TextIndex {
  const nodes: Text[] = [];
  // For every normalized character: index into `nodes` and offset in that node.
  const charNode: number[] = [];
  const charOffset: number[] = [];
  const pieces: string[] = [];
  let length = 0;
  let pendingSpace = false;
  let spaceNode = -1; // source of the pending space; -1 for a block edge with no whitespace
  let spaceOffset = 0;

  const blockEdge = () => {
    if (length > 0 && !pendingSpace) (pendingSpace = true), (spaceNode = -1);
  };

  const addText = (node: Text) => {
    const data = node.data;
    const ni = nodes.push(node) - 1;
    let runStart = 0;
    for (let i = 0; i < data.length; i++) {
      const code = data.charCodeAt(i);
      const space = isSpaceCode(code);
      if (space || isIgnorableCode(code)) {
        if (i > runStart) pieces.push(data.slice(runStart, i));
        runStart = i + 1;
        if (space && length > 0) {
          if (!pendingSpace) (pendingSpace = true), (spaceNode = ni), (spaceOffset = i);
          else if (spaceNode === -1) (spaceNode = ni), (spaceOffset = i);
        }
        continue;
      }
      if (pendingSpace) {
        if (i > runStart) pieces.push(data.slice(runStart, i));
        runStart = i;
        pieces.push(' ');
        charNode.push(spaceNode === -1 ? ni : spaceNode);
        charOffset.push(spaceNode === -1 ? i : spaceOffset);
        length++;
        pendingSpace = false;
      }
      charNode.push(ni);
      charOffset.push(i);
      length++;
    }
    if (data.length > runStart) pieces.push(data.slice(runStart));
  };

  // Depth-first walk without recursion or TreeWalker callbacks (both cost on long pages).
  let node: Node | null = root.firstChild;
  while (node) {
    let descend = false;
    if (node.nodeType === TEXT_NODE || node.nodeType === CDATA_SECTION_NODE) {
      addText(node as Text);
    } else if (node.nodeType === ELEMENT_NODE) {
      const el = node as Element;
      if (!SKIPPED.has(el.localName) && !el.hasAttribute('hidden')) {
        if (BLOCKS.has(el.localName)) blockEdge();
        descend = el.firstChild !== null;
      }
    }
    if (descend) {
      node = node.firstChild;
      continue;
    }
    while (node && node !== root && !node.nextSibling) {
      node = node.parentNode;
      if (node && node !== root && node.nodeType === ELEMENT_NODE && BLOCKS.has((node as Element).localName))
        blockEdge();
    }
    node = node && node !== root ? node.nextSibling : null;
  }

  const text = pieces.join('');
  const nodeIndex = new Map<Node, number>();
  nodes.forEach((n, i) => {
    nodeIndex.set(n, i);
  });
  const doc = root.ownerDocument;

  /** First normalized index whose source is at or after (node `ni`, `offset`). */
  const lowerBound = (ni: number, offset: number): number => {
    let lo = 0;
    let hi = length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      const n = charNode[mid]!;
      if (n < ni || (n === ni && charOffset[mid]! < offset)) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  };

  /** Index of the first indexed text node at or after a DOM point (nodes.length if none). */
  const firstNodeFrom = (container: Node, offset: number): number => {
    const point = doc.createRange();
    point.setStart(container, offset);
    let lo = 0;
    let hi = nodes.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (point.comparePoint(nodes[mid]!, 0) < 0) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  };

  const toTextOffset = (container: Node, offset: number): number => {
    const ni = nodeIndex.get(container);
    if (ni !== undefined) return lowerBound(ni, offset);
    const next = firstNodeFrom(container, offset);
    return next === nodes.length ? length : lowerBound(next, 0);
  };

  return {
    root,
    text,
    toRange(start, end) {
      const range = doc.createRange();
      range.setStart(nodes[charNode[start]!]!, charOffset[start]!);
      range.setEnd(nodes[charNode[end - 1]!]!, charOffset[end - 1]! + 1);
      return range;
    },
    offsetsOf(range) {
      let start = toTextOffset(range.startContainer, range.startOffset);
      let end = toTextOffset(range.endContainer, range.endOffset);
      while (start < end && text.charCodeAt(start) === 0x20) start++;
      while (end > start && text.charCodeAt(end - 1) === 0x20) end--;
      return start < end ? { start, end } : null;
    },
  };
}
