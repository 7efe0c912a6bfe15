/**
 * Finding a stored quote in a (normalized) text: strings and offsets only, no
 * DOM. Strategies run cheapest first:
 *
 * 1. position — the stored offset still holds the quote and its exact context
 *    (or the offset where its neighbours moved to does: position-drift.ts);
 * 2. exact — every verbatim occurrence of the quote; one whose context is
 *    (nearly) verbatim too, where expected, is the answer;
 * 3. fuzzy — the quote or its surroundings changed: candidates from
 *    fuzzy-candidates.ts, in stages from cheap and likely to expensive and rare.
 *
 * Every candidate is scored (score-match.ts); the cheapest trusted one wins.
 * When the passage is gone the answer is null, not the nearest look-alike.
 * Templated content (tag blocks rendered twice, repeated HTTP examples,
 * reference and category lists, navboxes) gives a deleted or edited passage
 * a twin that matches as well as it did, so the winner is also refused when
 * - another plausible candidate is nearly as cheap, or nearer where the
 *   passage is expected (`unambiguous`);
 * - the passage's own place is still there, closed up, nearer where it is
 *   expected (`passageRemoved`);
 * - it differs from the quote in more places than a small edit
 *   (`editedTooOften`);
 * and a verbatim copy of a quote that occurs several times needs more than
 * one side of its context (score-match.ts).
 */
import { changedPlaces } from './edit-distance';
import { bracketCandidates, globalCandidates, occurrences, probes, windowCandidates } from './fuzzy-candidates';
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
/**
 * Characters by which another trusted candidate must be nearer the expected
 * position than the cheapest one for position to count as disagreeing with
 * the text (`unambiguous`): less is a word or two inserted before it.
 */
const POSITION_TOLERANCE = 32;
/**
 * Characters of stored context each side needs for `passageRemoved`, and
 * the far ends of prefix and suffix it looks up. (With 12,
 * "… identifiers Wikipedia a…" recurs in a list of categories:
 * bench/anchor.ts.)
 */
const HOLE_PIECE = 16;
/** Far ends of the prefix found more often than this locate nothing. */
const MAX_HOLE_HITS = 8;
/**
 * Separate places (runs of changed words) in which an edited quote may
 * differ from the stored one, plus one per this many words of quote. (In
 * bench/anchor.ts an edited passage still there differs in at most 3; a
 * deleted list entry's next siblings in 4.)
 */
const MAX_CHANGED_PLACES = 3;
const WORDS_PER_EXTRA_PLACE = 30;
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
  const hint = stored.hint ?? position;
  if (hint !== undefined && hint !== position && positionHolds(text, quote, stored, hint)) {
    // Where its neighbours moved to: as good as a verbatim search, and O(quote).
    return { start: hint, end: hint + quote.length, confidence: 1, strategy: 'exact' };
  }
  const hits = occurrences(text, quote, Infinity);
  const context: QuoteContext = { prefix: stored.prefix, suffix: stored.suffix, hint, quoteRepeats: hits.length > 1 };
  const exact = scoreOccurrences(text, quote, context, hits);
  const bestExact = cheapest(exact, quote, context);
  // A verbatim copy away from where the passage is expected may be a copy
  // of what the passage said before it was edited: look there too.
  const found =
    bestExact && isClearWinner(bestExact) && isNear(bestExact, hint)
      ? bestExact
      : searchEdited(text, quote, context, exact);
  if (!found || passageRemoved(text, context, found) || editedTooOften(text, quote, found)) return null;
  return {
    start: found.start,
    end: found.end,
    confidence: found.confidence,
    strategy: found.errors === 0 ? 'exact' : 'fuzzy',
  };
}

/**
 * The quote or its surroundings changed. A verbatim copy elsewhere (a
 * near-identical list entry, a pull quote) competes with the edited
 * original, so the verbatim occurrences stay in the race at every stage.
 * Stages stop once they have a trusted answer (the first, only one whose
 * context is intact too).
 */
function searchEdited(
  text: string,
  quote: string,
  context: QuoteContext,
  exact: ScoredCandidate[],
): ScoredCandidate | null {
  const { found, pool } = searchStages(text, quote, context, exact);
  return found && unambiguous(found, pool, quote, context) ? found : null;
}

/** Whether a candidate is where the passage is expected (or nothing is expected). */
function isNear(c: ScoredCandidate, hint: number | undefined): boolean {
  return hint === undefined || Math.abs(c.start - hint) <= POSITION_TOLERANCE;
}

/**
 * Whether `found` beats every other trusted candidate on every count. When
 * the passage is gone from a templated list (references, metadata) its
 * siblings are all about as good; when it was edited in place it is clearly
 * better than they. And when text and position disagree — the cheapest
 * candidate is elsewhere, another one plausible as an edit sits nearer where
 * the passage is expected — it is the edited passage against a copy of its
 * old wording (a repeated tag block, a second HTTP example, a sibling
 * reference): there is no telling which, so neither is placed.
 */
function unambiguous(found: ScoredCandidate, pool: ScoredCandidate[], quote: string, context: QuoteContext): boolean {
  const { hint } = context;
  const away = (c: ScoredCandidate) => (hint === undefined ? 0 : Math.abs(c.start - hint));
  return !pool.some(
    (c) =>
      (c.end <= found.start || c.start >= found.end) &&
      (c.cost - found.cost < AMBIGUITY_MARGIN || away(c) + POSITION_TOLERANCE < away(found)) &&
      isTrustworthy(c, quote, context),
  );
}

/**
 * Whether the found text differs from the quote in more separate places
 * than a small edit makes: a word or two changed is a revision; every
 * other entry of a list changed is the next entries of a templated list
 * (categories, tags) where a deleted passage used to be.
 */
function editedTooOften(text: string, quote: string, found: ScoredCandidate): boolean {
  if (found.errors === 0) return false;
  const words = quote.split(' ').length;
  return (
    changedPlaces(quote, text.slice(found.start, found.end)) >
    MAX_CHANGED_PLACES + Math.floor(words / WORDS_PER_EXTRA_PLACE)
  );
}

/**
 * Whether the passage's own place is still there, empty, nearer where the
 * passage is expected than `found`: the passage was deleted from between
 * its neighbours, and `found` is a copy of it (templated content: the same
 * tag block rendered twice, a navbox repeating a list, a second HTTP
 * example). The place is where the stored prefix runs straight into the
 * stored suffix, or at least the start of the prefix into the end of the
 * suffix (the quote went, and with it whatever of its context shared its
 * paragraph). Both sides need enough stored context not to be a chance
 * repetition; and a place farther away proves nothing, because templates
 * repeat the context pair too ("…5apps.com Authorization: Bearer…" in
 * every HTTP example). Without a position, a verbatim closed-up context
 * anywhere counts.
 */
function passageRemoved(text: string, context: QuoteContext, found: { start: number; end: number }): boolean {
  const { prefix = '', suffix = '', hint } = context;
  if (prefix.length < HOLE_PIECE || suffix.length < HOLE_PIECE) return false;
  // Only places nearer the expected position than `found` count: search there.
  const reach = hint === undefined ? text.length : Math.abs(found.start - hint) - POSITION_TOLERANCE;
  if (reach <= 0) return false;
  const from = hint === undefined ? 0 : Math.max(0, hint - reach - prefix.length);
  const near = text.slice(from, hint === undefined ? text.length : hint + reach + suffix.length);
  const apart = (start: number, end: number) => end + from <= found.start || start + from >= found.end;
  // A space on both sides of the quote collapses into one when it is removed.
  const closed = prefix.endsWith(' ') && suffix.startsWith(' ') ? prefix + suffix.slice(1) : prefix + suffix;
  for (let at = near.indexOf(closed); at !== -1; at = near.indexOf(closed, at + 1)) {
    if (apart(at, at + closed.length)) return true;
  }
  if (hint === undefined) return false;
  const heads = occurrences(near, prefix.slice(0, HOLE_PIECE), MAX_HOLE_HITS);
  if (heads.length > MAX_HOLE_HITS) return false;
  const tail = suffix.slice(-HOLE_PIECE);
  const front = suffix.slice(0, -HOLE_PIECE);
  for (const at of heads) {
    let kept = HOLE_PIECE;
    while (kept < prefix.length && near.charCodeAt(at + kept) === prefix.charCodeAt(kept)) kept++;
    const gap = at + kept;
    // Next: what is left of the suffix's start (give or take a space), then its end.
    for (let to = gap; to <= gap + front.length + 1; to++) {
      if (!near.startsWith(tail, to)) continue;
      const between = near.slice(gap, to);
      if ((front.endsWith(between) || front.endsWith(between.slice(1))) && apart(at, to + HOLE_PIECE)) return true;
    }
  }
  return false;
}

function searchStages(
  text: string,
  quote: string,
  context: QuoteContext,
  exact: ScoredCandidate[],
): { found: ScoredCandidate | null; pool: ScoredCandidate[] } {
  const budget = Math.min(
    MAX_ERRORS,
    quote.length - 1,
    Math.ceil(quote.length / 2) + 4,
    maxQuoteErrors(quote, context) + SEARCH_SLACK,
  );
  const pool = [...exact];
  const best = () => cheapest(pool, quote, context);

  // 1. An edit inside the quote: the text between a verbatim prefix and suffix.
  pool.push(...bracketCandidates(text, quote, context, budget));
  let found = best();
  if (found && found.prefixErrors + found.suffixErrors === 0 && isNear(found, context.hint)) return { found, pool };
  // 2. Near where the context or the position says the passage is.
  const pieces = probes(quote, context);
  const near = windowCandidates(
    text,
    quote,
    context,
    budget,
    pieces.filter((p) => !p.inQuote),
    true,
  );
  pool.push(...near.candidates);
  if ((found = best())) return { found, pool };
  // 3. Moved and edited: wherever an intact piece of the quote itself is.
  const far = windowCandidates(
    text,
    quote,
    context,
    budget,
    pieces.filter((p) => p.inQuote),
    false,
  );
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
function scoreOccurrences(text: string, quote: string, context: QuoteContext, hits: number[]): ScoredCandidate[] {
  if (hits.length > MAX_SCORED_OCCURRENCES) {
    const prefix = context.prefix ?? '';
    const suffix = context.suffix ?? '';
    const hint = context.hint ?? 0;
    const key = (at: number) =>
      sharedBefore(text, at, prefix) +
      sharedAfter(text, at + quote.length, suffix) -
      Math.abs(at - hint) / (text.length + 1);
    hits.sort((a, b) => key(b) - key(a));
    hits.length = MAX_SCORED_OCCURRENCES;
  }
  return hits.map((at) => scoreCandidate(text, quote, context, at, at + quote.length, 0));
}

/** Characters of `prefix` that end exactly at `at`, counted backwards. */
function sharedBefore(text: string, at: number, prefix: string): number {
  let k = 0;
  while (k < prefix.length && at - k > 0 && text.charCodeAt(at - 1 - k) === prefix.charCodeAt(prefix.length - 1 - k))
    k++;
  return k;
}

/** Characters of `suffix` that start exactly at `at`. */
function sharedAfter(text: string, at: number, suffix: string): number {
  let k = 0;
  while (k < suffix.length && at + k < text.length && text.charCodeAt(at + k) === suffix.charCodeAt(k)) k++;
  return k;
}
