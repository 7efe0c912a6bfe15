/**
 * Finding a stored quote in a (normalized) text: strings and offsets only, no
 * DOM. Strategies run cheapest first:
 *
 * 1. position — the stored offset still holds the quote and its exact context
 *    (or the offset where its neighbours moved to does: position-drift.ts);
 * 2. exact — every verbatim occurrence of the quote; one whose context is
 *    (nearly) verbatim too, about where expected, is the answer;
 * 3. fuzzy — the quote or its surroundings changed: candidates from
 *    fuzzy-candidates.ts, in stages from cheap and likely to expensive and rare.
 *
 * Every candidate is scored (score-match.ts); the cheapest trusted one wins.
 * When the passage is gone the answer is null, not the nearest look-alike.
 */
import {
  bracketCandidates,
  globalCandidates,
  occurrences,
  probes,
  windowCandidates,
} from './fuzzy-candidates';
import {
  isClearWinner,
  isTrustworthy,
  maxQuoteErrors,
  scoreCandidate,
  type QuoteContext,
  type ScoredCandidate,
} from './score-match';
import type { AnchorStrategy } from './selectors';

/** What was stored with the quote, and where it is expected. */
export interface MatchContext extends QuoteContext {
  /** The stored start (TextPositionSelector): tried first, verbatim. */
  position?: number;
}

/** Where a quote was found. */
export interface QuoteMatch {
  start: number;
  end: number;
  /** Text agreement with the stored quote and context, 0–1. */
  confidence: number;
  strategy: AnchorStrategy;
}

/**
 * Error budget of the approximate searches: half the quote (plus a little for
 * short quotes, where one long replacement word is half), at most 256, and
 * never more than a trusted candidate may have (`maxQuoteErrors`, plus
 * `SEARCH_SLACK`). Cost is O(budget / 32 · window) per search, so a larger
 * budget would only buy slower searches for answers thrown away.
 */
const MAX_ERRORS = 256;
/**
 * Errors searched for beyond what a trusted candidate may have: the search
 * scores the quote alone, and re-placing its ends against the context can
 * cost the quote a few more.
 */
const SEARCH_SLACK = 8;
/**
 * Edits by which the best of several look-alikes must beat the others to be
 * trusted. (In bench/anchor.ts, 4 keeps three deleted reference-list entries
 * off their siblings at no cost; 8 keeps two more but loses edited passages
 * that are still there.)
 */
const AMBIGUITY_MARGIN = 4;
/** Verbatim occurrences scored in full; the rest are ranked by exact context only. */
const MAX_SCORED_OCCURRENCES = 16;

/**
 * Finds the best trusted place for `quote` in `text`.
 * @param text - normalized document text
 * @param quote - normalized quote (`TextQuoteSelector.exact`)
 * @param stored - stored prefix, suffix and position; `hint`, if given, is
 *        where the quote is expected now (see position-drift.ts)
 * @return null if the quote is empty or no candidate is trustworthy
 */
export function matchQuote(text: string, quote: string, stored: MatchContext = {}): QuoteMatch | null {
  if (!quote) return null;
  const { position } = stored;
  if (position !== undefined && positionHolds(text, quote, stored, position)) {
    return { start: position, end: position + quote.length, confidence: 1, strategy: 'position' };
  }
  const context: QuoteContext = { prefix: stored.prefix, suffix: stored.suffix, hint: stored.hint ?? position };
  const { hint } = context;
  if (hint !== undefined && hint !== position && positionHolds(text, quote, stored, hint)) {
    // Where its neighbours moved to: as good as a verbatim search, and O(quote).
    return { start: hint, end: hint + quote.length, confidence: 1, strategy: 'exact' };
  }
  const exact = scoreOccurrences(text, quote, context);
  const bestExact = cheapest(exact, quote, context);
  const found = bestExact && isClearWinner(bestExact) ? bestExact : searchEdited(text, quote, context, exact);
  return found && { start: found.start, end: found.end, confidence: found.confidence, strategy: found.errors === 0 ? 'exact' : 'fuzzy' };
}

/**
 * The quote or its surroundings changed. A verbatim copy elsewhere (a
 * near-identical list entry, a pull quote) competes with the edited
 * original, so the verbatim occurrences stay in the race at every stage.
 * Stages stop once they have a trusted answer (the first, only one whose
 * context is intact too).
 */
function searchEdited(text: string, quote: string, context: QuoteContext, exact: ScoredCandidate[]): ScoredCandidate | null {
  const { found, pool } = searchStages(text, quote, context, exact);
  return found && unambiguous(found, pool, quote, context) ? found : null;
}

/**
 * Whether no other trusted candidate comes close to `found`. When the passage
 * is gone from a templated list (references, metadata) its siblings are all
 * about as good; when it was edited in place it is clearly better than they.
 */
function unambiguous(found: ScoredCandidate, pool: ScoredCandidate[], quote: string, context: QuoteContext): boolean {
  return !pool.some(
    (c) => (c.end <= found.start || c.start >= found.end) && c.cost - found.cost < AMBIGUITY_MARGIN && isTrustworthy(c, quote, context),
  );
}

function searchStages(
  text: string,
  quote: string,
  context: QuoteContext,
  exact: ScoredCandidate[],
): { found: ScoredCandidate | null; pool: ScoredCandidate[] } {
  const budget = Math.min(MAX_ERRORS, quote.length - 1, Math.ceil(quote.length / 2) + 4, maxQuoteErrors(quote, context) + SEARCH_SLACK);
  const pool = [...exact];
  const best = () => cheapest(pool, quote, context);

  // 1. An edit inside the quote: the text between a verbatim prefix and suffix.
  pool.push(...bracketCandidates(text, quote, context, budget));
  let found = best();
  if (found && found.prefixErrors + found.suffixErrors === 0) return { found, pool };
  // 2. Near where the context or the position says the passage is.
  const pieces = probes(quote, context);
  const near = windowCandidates(text, quote, context, budget, pieces.filter((p) => !p.inQuote), true);
  pool.push(...near.candidates);
  if ((found = best())) return { found, pool };
  // 3. Moved and edited: wherever an intact piece of the quote itself is.
  const far = windowCandidates(text, quote, context, budget, pieces.filter((p) => p.inQuote), false);
  pool.push(...far.candidates);
  if ((found = best()) || near.located || far.located || exact.length > 0) return { found, pool };
  // 4. Nothing to go on: the whole text.
  pool.push(...globalCandidates(text, quote, context, budget));
  return { found: best(), pool };
}

/** The lowest-cost trustworthy candidate, or null. */
function cheapest(candidates: ScoredCandidate[], quote: string, context: QuoteContext): ScoredCandidate | null {
  let top: ScoredCandidate | null = null;
  for (const c of candidates) {
    if ((!top || c.cost < top.cost) && isTrustworthy(c, quote, context)) top = c;
  }
  return top;
}

/** The quote is at `at`, with the stored prefix and suffix verbatim around it. */
function positionHolds(text: string, quote: string, { prefix = '', suffix = '' }: QuoteContext, at: number): boolean {
  return (
    at >= 0 &&
    text.startsWith(quote, at) &&
    text.slice(Math.max(0, at - prefix.length), at) === prefix &&
    text.startsWith(suffix, at + quote.length)
  );
}

/** Every verbatim occurrence; when there are many, the most promising are scored. */
function scoreOccurrences(text: string, quote: string, context: QuoteContext): ScoredCandidate[] {
  const hits = occurrences(text, quote, Infinity);
  if (hits.length > MAX_SCORED_OCCURRENCES) {
    const prefix = context.prefix ?? '';
    const suffix = context.suffix ?? '';
    const hint = context.hint ?? 0;
    const key = (at: number) =>
      sharedBefore(text, at, prefix) + sharedAfter(text, at + quote.length, suffix) - Math.abs(at - hint) / (text.length + 1);
    hits.sort((a, b) => key(b) - key(a));
    hits.length = MAX_SCORED_OCCURRENCES;
  }
  return hits.map((at) => scoreCandidate(text, quote, context, at, at + quote.length, 0));
}

/** Characters of `prefix` that end exactly at `at`, counted backwards. */
function sharedBefore(text: string, at: number, prefix: string): number {
  let k = 0;
  while (k < prefix.length && at - k > 0 && text.charCodeAt(at - 1 - k) === prefix.charCodeAt(prefix.length - 1 - k)) k++;
  return k;
}

/** Characters of `suffix` that start exactly at `at`. */
function sharedAfter(text: string, at: number, suffix: string): number {
  let k = 0;
  while (k < suffix.length && at + k < text.length && text.charCodeAt(at + k) === suffix.charCodeAt(k)) k++;
  return k;
}
