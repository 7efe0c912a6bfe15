/**
 * Candidate places for a quote that is no longer verbatim where expected:
 * strings and offsets only. Filter, then verify: verbatim pieces of the
 * stored text (`probes`) say where to look, and approximate matching
 * (`approx-string-match`, Myers' bit-parallel algorithm) runs only in small
 * windows there; the whole text is searched only when no piece was found.
 */
import approxSearch from 'approx-string-match';
import { alignmentCosts, anchoredAlignment, anchoredDistance, boundedDistance } from './edit-distance';
import { isTrustworthy, isWordBreak, scoreCandidate, type QuoteContext, type ScoredCandidate } from './score-match';

/** Length of the verbatim pieces (of context or quote) looked up to locate the passage. */
const PROBE_LENGTH = 12;
/** Pieces of the quote looked up at most (spread evenly over it). */
const MAX_QUOTE_PROBES = 12;
/** A piece found more often than this locates nothing and is ignored. */
const MAX_PROBE_HITS = 8;
/** Characters at each end of a bracketed gap that, if they match the quote's, rule out words inserted at that end. */
const EDGE = 3;
/** Approximate matches refined and scored per search, closest first. */
const MAX_REFINED = 4;

/** Start offsets of `piece` in `text`; stops after `limit + 1` (so callers can tell "too many"). */
export function occurrences(text: string, piece: string, limit: number): number[] {
  const hits: number[] = [];
  for (let at = text.indexOf(piece); at !== -1; at = text.indexOf(piece, at + 1)) {
    if (hits.push(at) > limit) break;
  }
  return hits;
}

/** A verbatim piece of the stored text and where the quote starts relative to it. */
export interface Probe {
  piece: string;
  /** A piece of the quote (rather than of its context). */
  inQuote: boolean;
  /** Quote start = occurrence of `piece` + `shift`. */
  shift: number;
}

/**
 * Pieces of the stored text to look up verbatim. If the quote kept all but k
 * of its characters, one of k + 1 disjoint pieces of it is intact
 * (pigeonhole), so this finds edited quotes without searching the whole text.
 */
export function probes(quote: string, { prefix = '', suffix = '' }: QuoteContext): Probe[] {
  const out: Probe[] = [];
  const add = (piece: string, shift: number, inQuote = false) => {
    if (piece.trim().length >= 4) out.push({ piece, shift, inQuote });
  };
  add(prefix.slice(-PROBE_LENGTH), Math.min(prefix.length, PROBE_LENGTH));
  if (prefix.length >= 2 * PROBE_LENGTH) add(prefix.slice(0, PROBE_LENGTH), prefix.length);
  add(suffix.slice(0, PROBE_LENGTH), -quote.length);
  if (suffix.length >= 2 * PROBE_LENGTH) add(suffix.slice(-PROBE_LENGTH), -quote.length - suffix.length + PROBE_LENGTH);
  const pieces = Math.min(MAX_QUOTE_PROBES, Math.floor(quote.length / PROBE_LENGTH));
  for (let i = 0; i < pieces; i++) {
    const at = Math.round((i * (quote.length - PROBE_LENGTH)) / Math.max(1, pieces - 1));
    add(quote.slice(at, at + PROBE_LENGTH), -at, true);
  }
  return out;
}

/**
 * Approximate matches in small windows around the places the probes (and,
 * if asked, the position hint) say the quote starts.
 * @return the candidates, and whether any probe was found at all
 */
export function windowCandidates(
  text: string,
  quote: string,
  context: QuoteContext,
  budget: number,
  pieces: Probe[],
  aroundHint: boolean,
): { candidates: ScoredCandidate[]; located: boolean } {
  const starts: number[] = [];
  if (aroundHint && context.hint !== undefined) starts.push(context.hint);
  let located = false;
  for (const probe of pieces) {
    const hits = occurrences(text, probe.piece, MAX_PROBE_HITS);
    if (hits.length === 0 || hits.length > MAX_PROBE_HITS) continue;
    located = true;
    for (const at of hits) starts.push(at + probe.shift);
  }
  const raw: RawMatch[] = [];
  const slack = budget + 2 * PROBE_LENGTH;
  for (const [from, to] of mergeWindows(
    starts.map((s) => [s - slack, s + quote.length + slack]),
    text.length,
  )) {
    for (const m of dedupe(approxSearch(text.slice(from, to), quote, budget))) {
      raw.push({ start: from + m.start, end: from + m.end, errors: m.errors });
    }
  }
  // Refining costs a few edit distances each: only the closest matches get it.
  raw.sort((a, b) => a.errors - b.errors);
  const candidates = raw.slice(0, MAX_REFINED).map((m) => refine(text, quote, context, m, budget));
  return { candidates, located };
}

/**
 * The text between an intact end of the prefix and an intact start of the
 * suffix, when that gap is about as long as the quote: an edit inside the
 * quote, with both of its ends known exactly.
 */
export function bracketCandidates(
  text: string,
  quote: string,
  context: QuoteContext,
  budget: number,
): ScoredCandidate[] {
  const { prefix, suffix } = context;
  if (!prefix || !suffix || prefix.length < PROBE_LENGTH || suffix.length < PROBE_LENGTH) return [];
  const head = prefix.slice(-PROBE_LENGTH);
  const tail = suffix.slice(0, PROBE_LENGTH);
  const reach = quote.length + budget;
  const pairs = new Set<string>();
  const out: ScoredCandidate[] = [];
  const consider = (start: number, end: number) => {
    const key = `${start}:${end}`;
    if (end <= start || Math.abs(end - start - quote.length) > budget || pairs.has(key)) return;
    pairs.add(key);
    const errors = boundedDistance(quote, text.slice(start, end), budget);
    if (errors > budget) return;
    const whole = scoreCandidate(text, quote, context, start, end, errors);
    out.push(whole);
    if (errors === 0 || !isTrustworthy(whole, quote, context)) return;
    if (text.startsWith(quote.slice(0, EDGE), start) && text.startsWith(quote.slice(-EDGE), end - EDGE)) return;
    // Words inserted right at an edge of the gap may belong to the context
    // rather than the quote: also offer the gap trimmed to where the quote
    // aligns best from either end (scoring prefers the quote's own edges).
    const fromStart = anchoredAlignment(quote, text, start, 1, end - start);
    if (start + fromStart.length < end)
      out.push(scoreCandidate(text, quote, context, start, start + fromStart.length, fromStart.errors));
    const fromEnd = anchoredAlignment(quote, text, end, -1, end - start);
    if (end - fromEnd.length > start)
      out.push(scoreCandidate(text, quote, context, end - fromEnd.length, end, fromEnd.errors));
  };
  // The suffix's start is looked up in the whole text, the prefix's end only
  // within reach before each hit: a common prefix end like "Retrieved 20 " is
  // still found in front of the rarer suffix. The other way round only when
  // the suffix's start is the common one.
  const suffixHits = occurrences(text, tail, MAX_PROBE_HITS);
  if (suffixHits.length <= MAX_PROBE_HITS) {
    for (const end of suffixHits) {
      const from = Math.max(0, end - reach - head.length);
      for (const at of occurrences(text.slice(from, end), head, MAX_PROBE_HITS)) consider(from + at + head.length, end);
    }
  } else {
    for (const at of occurrences(text, head, MAX_PROBE_HITS).slice(0, MAX_PROBE_HITS)) {
      const start = at + head.length;
      for (const end of occurrences(text.slice(start, start + reach + tail.length), tail, MAX_PROBE_HITS))
        consider(start, start + end);
    }
  }
  return out;
}

/** Approximate matches anywhere in the text; only the lowest-error ones come back. */
export function globalCandidates(
  text: string,
  quote: string,
  context: QuoteContext,
  budget: number,
): ScoredCandidate[] {
  return dedupe(approxSearch(text, quote, budget))
    .slice(0, MAX_REFINED)
    .map((m) => refine(text, quote, context, m, budget));
}

function mergeWindows(windows: [number, number][], length: number): [number, number][] {
  windows.sort((a, b) => a[0] - b[0]);
  const merged: [number, number][] = [];
  for (const [a, b] of windows) {
    const from = Math.max(0, a);
    const to = Math.min(length, b);
    if (to <= from) continue;
    const last = merged[merged.length - 1];
    if (last && from <= last[1]) last[1] = Math.max(last[1], to);
    else merged.push([from, to]);
  }
  return merged;
}

interface RawMatch {
  start: number;
  end: number;
  errors: number;
}

/** One match per cluster: the search reports every end position with the lowest error count. */
function dedupe(matches: RawMatch[]): RawMatch[] {
  const out: RawMatch[] = [];
  for (const m of matches) {
    const last = out[out.length - 1];
    if (last && m.start < last.end) continue;
    out.push(m);
  }
  return out;
}

/**
 * Re-places the ends of an approximate match where quote and context agree
 * best. The search reports the end exactly but, among equally cheap
 * alignments, the longest one; with a word inserted near the start, a
 * substitution-heavy alignment that skips the quote's first word can even be
 * cheaper for the quote alone. So the start is chosen again, the quote's edits
 * (for every start, in one pass) plus the prefix's, then the end likewise with
 * the suffix. Ties go to ends that break words the way the stored ones did.
 */
function refine(text: string, quote: string, context: QuoteContext, m: RawMatch, budget: number): ScoredCandidate {
  const prefix = context.prefix ?? '';
  const suffix = context.suffix ?? '';
  const startBreaks = isWordBreak(prefix.charCodeAt(prefix.length - 1), quote.charCodeAt(0));
  const endBreaks = isWordBreak(quote.charCodeAt(quote.length - 1), suffix.charCodeAt(0));

  const pick = (
    costs: Int32Array,
    position: (length: number) => number,
    affix: string,
    direction: 1 | -1,
    breaks: boolean,
  ) => {
    // Lengths in order of the quote's own cost; the context is only scored
    // where it could still make a difference.
    const lengths = [];
    for (let len = Math.max(1, quote.length - budget); len < costs.length; len++) lengths.push(len);
    lengths.sort((a, b) => costs[a]! - costs[b]!);
    let best = { at: position(lengths[0] ?? 1), errors: costs[lengths[0] ?? 1] ?? quote.length, cost: Infinity };
    for (const len of lengths) {
      if (costs[len]! >= best.cost) break;
      const at = position(len);
      const edgeBreaks = isWordBreak(text.charCodeAt(at - 1), text.charCodeAt(at));
      const cost =
        costs[len]! + (affix ? anchoredDistance(affix, text, at, direction) : 0) + (edgeBreaks === breaks ? 0 : 0.5);
      if (cost < best.cost) best = { at, errors: costs[len]!, cost };
    }
    return best;
  };
  const reach = quote.length + budget;
  const start = pick(alignmentCosts(quote, text, m.end, -1, reach), (len) => m.end - len, prefix, -1, startBreaks).at;
  const end = pick(alignmentCosts(quote, text, start, 1, reach), (len) => start + len, suffix, 1, endBreaks);
  return scoreCandidate(text, quote, context, start, end.at, end.errors);
}
