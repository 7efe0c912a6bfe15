/**
 * Scoring a candidate place for a quote, and the rule for trusting it.
 * Pure string code, used by `match-quote.ts`.
 *
 * Three numbers per candidate:
 * - `cost` ranks candidates: the edits between the stored prefix + quote +
 *   suffix and the text around the candidate (every stored character weighs
 *   the same, so a changed word in the quote and one in the context count
 *   alike), plus a penalty for distance from the expected position that
 *   grows to `POSITION_COST` edits: position decides between look-alikes
 *   (reference lists, repeated boilerplate, a verbatim copy of a passage
 *   edited in place) but cannot outweigh more than a couple of words of text.
 * - `evidence` decides trust: characters agreeing beyond chance. Unrelated
 *   English text of equal length still agrees on about half its characters
 *   under edit distance, so each part counts `length − 2 · errors`.
 * - `confidence` is for people (the UI flags low values): the share of the
 *   quote found, times 0.75–1 depending on how intact the better side of its
 *   context is. A verbatim quote with one side of context intact is 1 (a
 *   reader view changes the other side of the first and last paragraphs);
 *   a changed word in a ten-word quote is about 0.9.
 */
import { anchoredDistance } from './edit-distance';

/** What was stored next to the quote, and where it was. */
export interface QuoteContext {
  prefix?: string;
  suffix?: string;
  /** Expected start of the quote in the text (from a TextPositionSelector). */
  hint?: number;
  /**
   * The quote occurs verbatim more than once in the text: then a verbatim
   * copy says nothing about where the passage is, and its context must.
   */
  quoteRepeats?: boolean;
}

export interface ScoredCandidate {
  start: number;
  end: number;
  /** Edits between the stored quote and `text.slice(start, end)`. */
  errors: number;
  prefixErrors: number;
  suffixErrors: number;
  /** Stored sides (0–2) whose context is (nearly) verbatim at the candidate's edges. */
  anchoredSides: number;
  /** Ranking key, lower is better (see module comment). */
  cost: number;
  /** Characters of agreement beyond chance (see module comment). */
  evidence: number;
  /** Text agreement for display, 0–1. */
  confidence: number;
  /** An end cuts a word in two where the stored quote's end was between words. */
  splitsWord: boolean;
}

/** Edits that being far from the stored position costs at most... */
const POSITION_COST = 16;
/** ...approached over about this many characters of distance. */
const POSITION_SCALE = 20_000;
/** Cost per character of length difference from the quote: a tie-breaker. */
const LENGTH_COST = 0.005;
/**
 * Cost of a found text that does not start (end) with the quote's first
 * (last) character: also a tie-breaker. A word inserted right at the edge of
 * a quote is as cheap inside it as outside it; the user selected up to that
 * character, so it stays outside.
 */
const EDGE_COST = 0.3;

/** Share of `confidence` that depends on the context (its better side). */
const CONTEXT_SHARE = 0.25;

/**
 * Characters of evidence a placement needs: about eight words. A short quote
 * ("of the same") found verbatim is not enough on its own, but with one side
 * of its context intact it is from 16 characters on; a quote of 48+
 * characters found verbatim is accepted even if everything around it changed
 * (a moved paragraph, a reader view with the byline elsewhere). Lowered when
 * less than that was stored. (40 placed a few deleted entries of reference
 * lists on a neighbouring entry with the same publisher and date; 56 starts
 * losing passages that are still there: bench/anchor.ts.)
 */
const MIN_EVIDENCE = 48;

/**
 * The error budget of an edited quote. "Small edits" are small in absolute
 * terms: a word or two replaced, inserted or deleted in the quote or next to
 * it, counted over prefix + quote + suffix together. The budget grows with
 * each side whose stored context is (nearly) verbatim right at the
 * candidate's edge: it pins that end down, which an unrelated look-alike
 * rarely does over the whole 32 characters (list entries share templates, so
 * a dozen verbatim characters is not enough). What it does not cover, on purpose: a neighbouring
 * entry of a reference list or a second code example sharing a few lines,
 * or the author's rewrite of the passage (no longer what was highlighted).
 */
const EDIT_ALLOWANCE = 8;
const EDIT_ALLOWANCE_PER_ANCHORED_SIDE = 8;
const EDIT_ALLOWANCE_SHARE = 0.05;
/** See `isClearWinner`. */
const CLEAR_WINNER_COST = 4;
/** A side is "anchored" when its stored context is this close to verbatim (a typo). */
const ANCHORED_MAX_ERRORS = 2;
/** Whatever the allowance, the found text must still be mostly the quote. */
const MIN_SIMILARITY = 0.5;

/**
 * Scores the candidate `[start, end)` for `quote` in `text`.
 * @param errors - edit distance between `quote` and the candidate text
 */
export function scoreCandidate(
  text: string,
  quote: string,
  context: QuoteContext,
  start: number,
  end: number,
  errors: number,
): ScoredCandidate {
  const prefix = context.prefix ?? '';
  const suffix = context.suffix ?? '';
  const prefixErrors = prefix ? anchoredDistance(prefix, text, start, -1) : 0;
  const suffixErrors = suffix ? anchoredDistance(suffix, text, end, 1) : 0;

  const distance = context.hint === undefined ? 0 : Math.abs(start - context.hint);
  const cost =
    errors +
    prefixErrors +
    suffixErrors +
    POSITION_COST * (1 - Math.exp(-distance / POSITION_SCALE)) +
    LENGTH_COST * Math.abs(end - start - quote.length) +
    (text.charCodeAt(start) === quote.charCodeAt(0) ? 0 : EDGE_COST) +
    (text.charCodeAt(end - 1) === quote.charCodeAt(quote.length - 1) ? 0 : EDGE_COST);
  const evidence =
    quote.length -
    2 * errors +
    Math.max(0, prefix.length - 2 * prefixErrors) +
    Math.max(0, suffix.length - 2 * suffixErrors);

  const quoteSimilarity = Math.max(0, 1 - errors / quote.length);
  const contextSimilarity = Math.max(
    prefix ? 1 - prefixErrors / prefix.length : 0,
    suffix ? 1 - suffixErrors / suffix.length : 0,
    prefix || suffix ? 0 : 1,
  );
  const confidence = quoteSimilarity * (1 - CONTEXT_SHARE + CONTEXT_SHARE * contextSimilarity);
  const anchoredSides =
    (prefix && prefixErrors <= ANCHORED_MAX_ERRORS ? 1 : 0) + (suffix && suffixErrors <= ANCHORED_MAX_ERRORS ? 1 : 0);
  const startBreaks = isWordBreak(prefix.charCodeAt(prefix.length - 1), quote.charCodeAt(0));
  const endBreaks = isWordBreak(quote.charCodeAt(quote.length - 1), suffix.charCodeAt(0));
  const splitsWord =
    (startBreaks && !isWordBreak(text.charCodeAt(start - 1), text.charCodeAt(start))) ||
    (endBreaks && !isWordBreak(text.charCodeAt(end - 1), text.charCodeAt(end)));
  return { start, end, errors, prefixErrors, suffixErrors, anchoredSides, cost, evidence, confidence, splitsWord };
}

/**
 * Whether a scored candidate may be placed: enough evidence, ends between
 * the same words, and an edited quote mostly intact and within the edit
 * allowance. A verbatim copy of a quote that occurs more than once needs its
 * context to agree beyond what one side alone can: in a templated list two
 * siblings share a whole side (the entry after the deleted one now follows
 * its look-alike; bench/anchor.ts).
 */
export function isTrustworthy(candidate: ScoredCandidate, quote: string, context: QuoteContext): boolean {
  const stored = quote.length + (context.prefix?.length ?? 0) + (context.suffix?.length ?? 0);
  if (candidate.evidence < Math.min(MIN_EVIDENCE, 0.75 * stored) || candidate.splitsWord) return false;
  const { errors } = candidate;
  if (errors === 0) return !context.quoteRepeats || candidate.evidence - quote.length >= repeatedQuoteEvidence(context);
  const similarity = 1 - errors / Math.max(quote.length, candidate.end - candidate.start);
  const allowance =
    EDIT_ALLOWANCE + EDIT_ALLOWANCE_PER_ANCHORED_SIDE * candidate.anchoredSides + EDIT_ALLOWANCE_SHARE * stored;
  return similarity >= MIN_SIMILARITY && errors + candidate.prefixErrors + candidate.suffixErrors <= allowance;
}

/**
 * Context evidence a verbatim copy of a repeated quote needs: more than
 * either side alone when both were stored, else most of the one there is.
 */
function repeatedQuoteEvidence({ prefix = '', suffix = '' }: QuoteContext): number {
  return prefix && suffix
    ? Math.max(prefix.length, suffix.length) + 1
    : Math.max(1, 0.75 * (prefix.length + suffix.length));
}

/**
 * The most errors a trustworthy candidate can have in its quote (with both
 * sides anchored and verbatim): no search needs a larger error budget.
 */
export function maxQuoteErrors(quote: string, context: QuoteContext): number {
  const stored = quote.length + (context.prefix?.length ?? 0) + (context.suffix?.length ?? 0);
  const sides = (context.prefix ? 1 : 0) + (context.suffix ? 1 : 0);
  return Math.floor(EDIT_ALLOWANCE + EDIT_ALLOWANCE_PER_ANCHORED_SIDE * sides + EDIT_ALLOWANCE_SHARE * stored);
}

/**
 * True for a verbatim quote that costs so little (a few edits in its context,
 * about where expected) that no edited copy elsewhere could plausibly cost
 * less: the search can stop (match-quote.ts also wants it right where
 * expected: a verbatim twin farther off may be the old wording of a passage
 * edited in place). An edited candidate costs at least one edit in
 * its quote, and beating this one would take a copy of the passage with a
 * near-identical context near the same place.
 */
export function isClearWinner(candidate: ScoredCandidate): boolean {
  return candidate.errors === 0 && candidate.cost <= CLEAR_WINNER_COST;
}

/** False only between two letters or digits (NaN, outside the text, is a break). */
export function isWordBreak(before: number, after: number): boolean {
  return !(isWordCode(before) && isWordCode(after));
}

function isWordCode(code: number): boolean {
  if (Number.isNaN(code)) return false;
  if (code < 0x80) return (code >= 48 && code <= 57) || (code >= 65 && code <= 90) || (code >= 97 && code <= 122);
  return /[\p{L}\p{N}]/u.test(String.fromCharCode(code));
}
