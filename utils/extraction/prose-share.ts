/**
 * How much of an article's prose an element holds. Clean-up rules (class
 * words, related lists, datelines…) are guesses about chrome; a guess that
 * matches an element holding a large share of the article's running text is
 * wrong on this page: share bars, pitches and link lists hold none. Removing
 * such an element is how the reader silently showed the first paragraph of a
 * 9,000-character article, so a rule that matches it is overruled here.
 *
 * Structural and language-independent: a prose paragraph is a block with a
 * paragraph's length of text that is mostly not links (CJK characters count
 * three times, as in the article gate).
 */
import { weightedLength } from './article-gate';
import { leafBlocks, linkDensity, normalizedText } from './dom-helpers';

/** A block of at least this (weighted) length, mostly not links, is a paragraph of prose. */
export const PROSE_PARAGRAPH_CHARS = 100;
/** Above this share of linked text a block is navigation or a teaser, not prose. */
const PROSE_MAX_LINK_DENSITY = 0.3;
/** An element holding more than this share of the article's prose is never chrome. */
export const MAX_REMOVABLE_PROSE_SHARE = 0.25;
/** An element holding at least this many prose paragraphs is never chrome. */
export const MAX_REMOVABLE_PROSE_PARAGRAPHS = 2;

/** The prose in an element: its prose paragraphs and their (weighted) length. */
export interface Prose {
  paragraphs: number;
  chars: number;
}

/** Measures the prose paragraphs inside `el` (or `el` itself when it is one block of text). */
export function measureProse(el: Element): Prose {
  let paragraphs = 0;
  let chars = 0;
  const blocks = leafBlocks(el);
  for (const block of blocks.length > 0 ? blocks : [el]) {
    const text = normalizedText(block);
    const length = weightedLength(text);
    if (length >= PROSE_PARAGRAPH_CHARS && linkDensity(block, text.length) < PROSE_MAX_LINK_DENSITY) {
      paragraphs++;
      chars += length;
    }
  }
  return { paragraphs, chars };
}

/**
 * A guard for clean-up rules, measured once on the whole article.
 * @param root - the article as Readability returned it, before any clean-up
 * @return `holdsProse(el)`: true when removing `el` would take a large share of
 *   the article's prose (more than a quarter of it, or two paragraphs or more)
 */
export function proseGuard(root: Element): (el: Element) => boolean {
  const total = measureProse(root);
  return (el) => {
    const prose = measureProse(el);
    if (prose.paragraphs === 0) return false;
    return prose.paragraphs >= MAX_REMOVABLE_PROSE_PARAGRAPHS || prose.chars > total.chars * MAX_REMOVABLE_PROSE_SHARE;
  };
}
