/**
 * W3C Web Annotation selectors (https://www.w3.org/TR/annotation-model/#selectors)
 * that Margin stores with each highlight, and the result types of anchoring.
 * No DOM code here: storage, sync and export import this module alone.
 *
 * Text conventions shared by every selector (see `normalize.ts`): the text of
 * a root is its visible text (no `<script>`, `<style>`, `<noscript>`,
 * `<template>`, `<head>`), block boundaries count as whitespace, every run of
 * whitespace is one space, and offsets count UTF-16 code units of that text.
 * The same passage therefore has the same quote on the live page and in the
 * reader view, whatever either's markup and indentation.
 */

/** The quoted passage with up to ~32 characters of context on each side. */
export interface TextQuoteSelector {
  type: 'TextQuoteSelector';
  exact: string;
  prefix?: string;
  suffix?: string;
}

/** Offsets of the passage in the root's normalized text: `[start, end)`. */
export interface TextPositionSelector {
  type: 'TextPositionSelector';
  start: number;
  end: number;
}

/** Every selector Margin writes; readers switch on `type`. */
export type Selector = TextQuoteSelector | TextPositionSelector;

/**
 * How a highlight was placed, cheapest first:
 * - `position`: the stored offsets still hold the quote and its context;
 * - `exact`: the quote was found verbatim (context chose between repeats);
 * - `fuzzy`: the text around the passage or the passage itself was edited.
 */
export type AnchorStrategy = 'position' | 'exact' | 'fuzzy';

/** A placed highlight. */
export interface AnchorResult {
  range: Range;
  /**
   * 0–1: how much of the stored quote the found text keeps, lowered by up to
   * a quarter when the context on both sides changed. 1 means the quote is
   * verbatim with at least one side of its context; see `LOW_CONFIDENCE`.
   */
  confidence: number;
  strategy: AnchorStrategy;
}

/**
 * Results under this confidence are placed but should be shown as doubtful:
 * the passage changed by about a word in ten or more, or it was found
 * verbatim but with everything around it changed.
 */
export const LOW_CONFIDENCE = 0.9;

/** Finds the first selector of a given type in a stored list. */
export function findSelector<T extends Selector['type']>(
  selectors: readonly Selector[],
  type: T,
): Extract<Selector, { type: T }> | undefined {
  return selectors.find((s): s is Extract<Selector, { type: T }> => s.type === type);
}
