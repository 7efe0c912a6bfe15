/**
 * Anchoring stored selectors to a Range: the DOM side of `match-quote.ts`.
 * An `Anchorer` indexes its root's text once and reuses it for every
 * highlight of a batch (a page load, a reader view render), which is what
 * makes a thousand highlights cheap: each is then a string search.
 */
import { describeWithIndex } from './describe';
import { matchQuote } from './match-quote';
import { normalizeText } from './normalize';
import { PositionDrift } from './position-drift';
import { findSelector, type AnchorResult, type Selector } from './selectors';
import { buildTextIndex, type TextIndex } from './text-index';

/** Anchors and describes against one root, indexed once. */
export interface Anchorer {
  readonly root: Element;
  /** The normalized visible text the selectors refer to. */
  readonly text: string;
  /**
   * Places one highlight.
   * @return null if it has no quote or the passage is no longer there
   */
  anchor(selectors: readonly Selector[]): AnchorResult | null;
  /** Selectors for a Range under the root (see `describe`). */
  describe(range: Range): Selector[];
}

/**
 * Indexes `root` for a batch of highlights. The index reflects the DOM at
 * this moment: anchor every highlight first, then paint them (painting splits
 * text nodes), and create a new anchorer after the page changes.
 */
export function createAnchorer(root: Element): Anchorer {
  const index = buildTextIndex(root);
  const drift = new PositionDrift();
  return {
    root,
    text: index.text,
    anchor: (selectors) => anchorInIndex(index, selectors, drift),
    describe: (range) => describeWithIndex(index, range),
  };
}

/**
 * Places a highlight and says how sure it is.
 * @param root - the element the selectors were described against (or its re-render)
 * @return null if the passage is gone (never a guess)
 */
export function anchorWithConfidence(root: Element, selectors: readonly Selector[]): AnchorResult | null {
  return anchorInIndex(buildTextIndex(root), selectors, new PositionDrift());
}

/**
 * Places a highlight.
 * @return null if the passage is gone; use `anchorWithConfidence` to flag doubtful matches
 */
export function anchor(root: Element, selectors: readonly Selector[]): Range | null {
  return anchorWithConfidence(root, selectors)?.range ?? null;
}

/** Places many highlights with one text index; results in input order. */
export function anchorAll(root: Element, selectorsList: readonly (readonly Selector[])[]): (AnchorResult | null)[] {
  const anchorer = createAnchorer(root);
  return selectorsList.map((selectors) => anchorer.anchor(selectors));
}

function anchorInIndex(index: TextIndex, selectors: readonly Selector[], drift: PositionDrift): AnchorResult | null {
  const quote = findSelector(selectors, 'TextQuoteSelector');
  const position = findSelector(selectors, 'TextPositionSelector');
  // Offsets alone are never trusted: without the quote there is nothing to verify them against.
  if (!quote) return null;
  const exact = normalizeText(quote.exact);
  const prefix = quote.prefix === undefined ? undefined : normalizeLeft(quote.prefix);
  const suffix = quote.suffix === undefined ? undefined : normalizeRight(quote.suffix);
  const stored = position?.start;
  const hint = stored === undefined ? undefined : drift.predict(stored);
  const match = matchQuote(index.text, exact, { prefix, suffix, position: stored, hint });
  if (!match) return null;
  // Only certain placements teach where the neighbourhood moved.
  if (stored !== undefined && match.confidence === 1) drift.record(stored, match.start);
  return { range: index.toRange(match.start, match.end), confidence: match.confidence, strategy: match.strategy };
}

/** Normalizes a prefix, keeping a trailing space (it says the quote starts a word). */
function normalizeLeft(prefix: string): string {
  const n = normalizeText(prefix);
  return n && /\s$/.test(prefix) ? `${n} ` : n;
}

/** Normalizes a suffix, keeping a leading space. */
function normalizeRight(suffix: string): string {
  const n = normalizeText(suffix);
  return n && /^\s/.test(suffix) ? ` ${n}` : n;
}
