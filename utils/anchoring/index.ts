/**
 * Anchoring highlights: describe a selection as W3C selectors, and place
 * stored selectors back on a page or in the reader view, even after the
 * article was edited or re-rendered. Pure DOM code, no browser globals.
 */
export { anchor, anchorAll, anchorWithConfidence, createAnchorer, type Anchorer } from './anchor';
export { CONTEXT_LENGTH, describe, describeSpan, describeWithIndex } from './describe';
export { matchQuote, type MatchContext, type QuoteMatch } from './match-quote';
export { normalizeText } from './normalize';
export {
  LOW_CONFIDENCE,
  findSelector,
  type AnchorResult,
  type AnchorStrategy,
  type Selector,
  type TextPositionSelector,
  type TextQuoteSelector,
} from './selectors';
export { buildTextIndex, type TextIndex } from './text-index';
