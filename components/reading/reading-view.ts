/**
 * The DOM side of reading progress, one for every view of an article (the live page,
 * the reader view, the offline copy): which of the article's text is at the top of the
 * viewport, measured from the layout, and moving a text offset to that top. Plain DOM,
 * no React: the highlighter, on every page, uses it.
 */
import { buildTextIndex, type TextIndex } from '@/utils/anchoring/text-index';
import {
  progressAtOffset,
  restoreTarget,
  resumeQuoteAt,
  type ReadingPosition,
  type RestoreTarget,
} from '@/utils/reading-list/reading-position';

/** A view of an article: its text and the box it scrolls in. */
export interface ReadingView {
  /** The element holding the article's text (a page's body, the reader's article body). */
  textRoot(): Element | null;
  /** The top edge of what the reader sees, in client pixels (below a sticky toolbar). */
  top(): number;
  /** Scrolls the view down by `dy` pixels (up when negative), at once. */
  scrollBy(dy: number): void;
  /** How far the view is scrolled now, in pixels. */
  scrollOffset(): number;
  /** Whether the view is scrolled to its very end (nothing more to scroll to). */
  atEnd(): boolean;
}

/** Each text root's index, kept until its text changes: building one costs a walk of the whole text. */
const indexes = new WeakMap<Element, { index: TextIndex | null; observer: MutationObserver }>();

/**
 * The text index of `root`, built again only after its text changed. A long page (2 million
 * characters) takes about half a second to index, and a report is due every 2 s while the
 * reader scrolls; the binary search over the layout takes a millisecond.
 */
function textIndexOf(root: Element): TextIndex {
  let entry = indexes.get(root);
  if (!entry) {
    const created = { index: null as TextIndex | null, observer: new MutationObserver(() => (created.index = null)) };
    created.observer.observe(root, {
      subtree: true,
      childList: true,
      characterData: true,
      attributeFilter: ['hidden'],
    });
    indexes.set(root, created);
    entry = created;
  }
  // A change made in this very task has not reached the observer's callback yet.
  if (entry.observer.takeRecords().length > 0) entry.index = null;
  entry.index ??= buildTextIndex(root);
  return entry.index;
}

/** A character's box, or null when it is not laid out (display: none, collapsed). */
function charBox(index: TextIndex, i: number): DOMRect | null {
  const rect = index.toRange(i, i + 1).getBoundingClientRect();
  return rect.width === 0 && rect.height === 0 ? null : rect;
}

/**
 * The first laid-out character at or after `i`: probing further each time (1, 2, 4…
 * characters on), then back to the first one after the hidden run, so a collapsed menu's
 * text costs a few probes, not one per character.
 * @return null when nothing from `i` on is laid out
 */
function firstLaidOut(index: TextIndex, i: number): { at: number; box: DOMRect } | null {
  const length = index.text.length;
  const here = i < length ? charBox(index, i) : null;
  if (here) return { at: i, box: here };
  let hidden = i;
  for (let step = 1; i + step < length; step *= 2) {
    const box = charBox(index, i + step);
    if (!box) {
      hidden = i + step;
      continue;
    }
    let lo = hidden + 1;
    let hi = i + step;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (charBox(index, mid)) hi = mid;
      else lo = mid + 1;
    }
    return { at: lo, box: charBox(index, lo)! };
  }
  return null;
}

/**
 * The first laid-out character of the text whose line reaches below `top`: a binary search
 * over the text in reading order (a layout where text goes up again, a float or a sidebar,
 * makes it approximate, not wrong by much).
 */
export function offsetAtTop(index: TextIndex, top: number): number {
  let lo = 0;
  let hi = index.text.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    const next = firstLaidOut(index, mid);
    // A line that is half hidden under the top still counts as the one being read.
    if (next && next.box.bottom <= top + 1) lo = next.at + 1;
    else hi = mid;
  }
  return firstLaidOut(index, lo)?.at ?? lo;
}

/**
 * Where the reader is in the view now: the text above the top of the view, or all of it
 * when the view is scrolled to its end.
 * @return null when the view has no text, or is no longer in its document
 */
export function measurePosition(view: ReadingView): ReadingPosition | null {
  const root = view.textRoot();
  // A view already taken down has no layout: it would measure the top of the article.
  if (!root?.isConnected) return null;
  const index = textIndexOf(root);
  if (!index.text.length) return null;
  const offset = offsetAtTop(index, view.top());
  // At the end the last screenful is read too, though its text is below the top: that is all of it.
  const progress = view.atEnd() ? 1 : progressAtOffset(offset, index.text.length);
  return { progress, resumeQuote: resumeQuoteAt(index.text, offset) };
}

/**
 * Scrolls the view so the stored place is at its top: the quote's line when the quote is
 * in this view's text, else the stored fraction of it.
 * @return how it was found, or null when the view has no text
 */
export function restorePosition(view: ReadingView, position: ReadingPosition): RestoreTarget | null {
  const root = view.textRoot();
  if (!root) return null;
  const index = textIndexOf(root);
  const target = restoreTarget(index.text, position);
  if (!target) return null;
  const at = Math.min(target.offset, index.text.length - 1);
  const box = firstLaidOut(index, at)?.box;
  if (box) view.scrollBy(box.top - view.top());
  return target;
}
