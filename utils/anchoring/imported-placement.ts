/**
 * An imported highlight (Pocket, Omnivore, Readwise…) arrives with its quote only.
 * The first visit that finds it on the page describes where (the text around it and
 * its offset), so later visits anchor it like a highlight made here. The page's
 * content script sends that description; the background keeps it only if it is the
 * imported quote, found: a compromised page could otherwise move a highlight
 * anywhere, or make its quote say something else.
 */
import { boundedDistance } from './edit-distance';
import { normalizeText } from './normalize';
import { maxQuoteErrors } from './score-match';
import { findSelector, type Selector, type TextQuoteSelector } from './selectors';

/**
 * The selectors to store for an imported highlight placed at `found`, or null when
 * `found` does not quote it (within the errors a fuzzy match may have).
 * @param quote - the quote as imported
 * @param found - the description of where it was found: a TextQuoteSelector with its context, a TextPositionSelector
 */
export function importedPlacement(quote: string, found: readonly Selector[]): Selector[] | null {
  const at = findSelector(found, 'TextQuoteSelector');
  const position = findSelector(found, 'TextPositionSelector');
  if (!at || !position || position.end - position.start !== at.exact.length) return null;
  const want = normalizeText(quote);
  const got = normalizeText(at.exact);
  if (!want || !got) return null;
  const budget = maxQuoteErrors(want, {});
  if (boundedDistance(want, got, budget) > budget) return null;
  const quoteSelector: TextQuoteSelector = { type: 'TextQuoteSelector', exact: at.exact };
  if (at.prefix !== undefined) quoteSelector.prefix = at.prefix;
  if (at.suffix !== undefined) quoteSelector.suffix = at.suffix;
  return [quoteSelector, { type: 'TextPositionSelector', start: position.start, end: position.end }];
}
