/**
 * Describing a selection as W3C selectors: the quote with its context and
 * its offsets, all in the normalized visible text (see `text-index.ts`).
 */
import type { Selector, TextPositionSelector, TextQuoteSelector } from './selectors';
import { buildTextIndex, type TextIndex } from './text-index';

/** Characters of context stored on each side of a quote. */
export const CONTEXT_LENGTH = 32;

/**
 * Selectors for `text.slice(start, end)` of a normalized text (pure).
 * @return a TextQuoteSelector and a TextPositionSelector, in that order
 */
export function describeSpan(text: string, start: number, end: number): [TextQuoteSelector, TextPositionSelector] {
  return [
    {
      type: 'TextQuoteSelector',
      exact: text.slice(start, end),
      prefix: text.slice(Math.max(0, start - CONTEXT_LENGTH), start),
      suffix: text.slice(end, end + CONTEXT_LENGTH),
    },
    { type: 'TextPositionSelector', start, end },
  ];
}

/**
 * Selectors for a Range, against an index already built for its root.
 * @return [] if the range holds no visible text under the root
 */
export function describeWithIndex(index: TextIndex, range: Range): Selector[] {
  const span = index.offsetsOf(range);
  return span ? describeSpan(index.text, span.start, span.end) : [];
}

/**
 * Describes the part of `range` under `root` as W3C selectors. Leading and
 * trailing whitespace is not part of the quote; whitespace inside it is one
 * space per run, as displayed.
 * @return [] if the range holds no visible text under the root
 */
export function describe(root: Element, range: Range): Selector[] {
  return describeWithIndex(buildTextIndex(root), range);
}
