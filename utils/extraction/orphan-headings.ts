/**
 * Headings that introduce nothing: a heading followed directly by another
 * heading of the same or a higher rank, or by the end of the article. They are
 * what is left of a box the clean-up removed ("Read also", "Authors:", "More
 * on this topic") and read as a stray line. Purely structural, so it works in
 * any language; a heading over a picture, a table or any text is kept.
 */
import { isElement, isText } from './dom-helpers';

const HEADING = /^H([1-6])$/;
/** What counts as something under a heading besides text. */
const MEDIA = new Set(['IMG', 'PICTURE', 'VIDEO', 'AUDIO', 'IFRAME', 'TABLE', 'PRE', 'svg', 'SVG', 'math', 'MATH']);
const SKIPPED = new Set(['SCRIPT', 'STYLE', 'TEMPLATE', 'NOSCRIPT']);

/** Headings longer than this are statements (a timeline's entries), not a box's title. */
const MAX_LABEL_CHARS = 80;

/**
 * A heading that may be a box's title: short, and not a sentence ending in a
 * full stop (a timeline's "He sets up a fake profile. It backs his story." is
 * text, even as the last heading of the article).
 */
export function isLabel(text: string): boolean {
  const t = text.replace(/\s+/g, ' ').trim();
  return t !== '' && t.length <= MAX_LABEL_CHARS && !/\p{L}{2}[.。]$/u.test(t);
}

/** A heading (with its level) or a piece of content, in document order. */
type Item = { heading: Element; level: number } | { heading: null; level: 0 };

function outline(root: Element): Item[] {
  const items: Item[] = [];
  const content = (): void => {
    // Consecutive content counts once.
    if (items.length === 0 || items[items.length - 1]!.heading) items.push({ heading: null, level: 0 });
  };
  const walk = (node: Node): void => {
    if (isText(node)) {
      if (/\S/.test(node.data)) content();
      return;
    }
    if (!isElement(node) || SKIPPED.has(node.tagName)) return;
    const heading = HEADING.exec(node.tagName);
    if (heading) {
      // An empty heading (an anchor) is no heading; one holding a picture is content.
      if (node.querySelector('img, picture, svg')) content();
      else if (isLabel(node.textContent ?? '')) items.push({ heading: node, level: Number(heading[1]) });
      else if (/\S/.test(node.textContent ?? '')) content();
      return;
    }
    if (MEDIA.has(node.tagName)) {
      content();
      return;
    }
    for (let child = node.firstChild; child; child = child.nextSibling) walk(child);
  };
  walk(root);
  return items;
}

/**
 * Removes the headings of empty sections, in place; from the end, so a run of
 * them ("More" over "Related" with nothing under either) goes at once.
 * @param root - the cleaned-up article element
 */
export function removeOrphanHeadings(root: Element): void {
  const items = outline(root);
  // The level of the next heading still standing (0: content, Infinity: the end).
  let next = Number.POSITIVE_INFINITY;
  for (let i = items.length - 1; i >= 0; i--) {
    const item = items[i]!;
    if (!item.heading) {
      next = 0;
      continue;
    }
    if (next !== 0 && (next === Number.POSITIVE_INFINITY || next <= item.level)) {
      item.heading.remove();
      continue;
    }
    next = item.level;
  }
}
