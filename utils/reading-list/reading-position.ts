/**
 * Where the reader is in an article, as text rather than pixels: the same article is
 * laid out differently on the live page, in the reader view and in the offline copy,
 * but its words are the same. A position is the fraction of the article's text above
 * the top of the viewport (`progress`) and up to 80 characters of text found there
 * (`resumeQuote`); restoring finds the quote in the view's text (the anchoring
 * module's quote matching, which refuses ambiguous matches) and falls back to the
 * fraction. Strings and offsets only: the DOM side is `components/reading/`.
 */
import { matchQuote } from '@/utils/anchoring/match-quote';
import { normalizeText } from '@/utils/anchoring/normalize';

/** The longest `resumeQuote` stored (the contract's cap). */
export const RESUME_QUOTE_MAX = 80;
/**
 * Below this fraction the reader is still at the start: nothing to restore. The same
 * threshold turns an unread article into one being read (`reading-state.ts`).
 */
export const RESTORE_MIN_PROGRESS = 0.02;
/** Fewer characters than this (a lone word at the very end) would match too much: no quote. */
const MIN_QUOTE_LENGTH = 12;
/** How far back a quote may start to begin with a whole word. */
const WORD_START_LOOKBACK = 40;

/** A reading position as the background stores it and answers `reading:position`. */
export interface ReadingPosition {
  /** 0..1: the article's text above the top of the viewport. */
  progress: number;
  /** Text at the top of the viewport (normalized, ≤ 80 characters); null when there was none. */
  resumeQuote: string | null;
}

/**
 * The fraction of a text before `offset`, rounded to 1/10,000 (a report that differs by
 * less is the same place).
 * @return 0 for an empty text; clamped to 0..1
 */
export function progressAtOffset(offset: number, length: number): number {
  if (!(length > 0) || !Number.isFinite(offset)) return 0;
  const fraction = Math.min(1, Math.max(0, offset / length));
  return Math.round(fraction * 10_000) / 10_000;
}

/**
 * The text offset a fraction points at.
 * @return an integer in 0..length
 */
export function offsetAtProgress(progress: number, length: number): number {
  if (!(length > 0) || !Number.isFinite(progress)) return 0;
  return Math.min(length, Math.max(0, Math.round(progress * length)));
}

const isSpace = (c: string | undefined) => c === undefined || /\s/u.test(c);

/**
 * The quote to resume at: the text from `offset`, started at the beginning of the word
 * `offset` falls in and cut after the last whole word that fits in `max` characters.
 * @param text - the view's normalized text (`buildTextIndex(root).text`)
 * @param offset - the first character at the top of the viewport
 * @return null when there is too little text left to find the place by
 */
export function resumeQuoteAt(text: string, offset: number, max = RESUME_QUOTE_MAX): string | null {
  let start = Math.min(text.length, Math.max(0, Math.floor(offset)));
  const floor = Math.max(0, start - WORD_START_LOOKBACK);
  if (!isSpace(text[start])) while (start > floor && !isSpace(text[start - 1])) start--;
  while (start < text.length && isSpace(text[start])) start++;
  let quote = text.slice(start, start + max);
  // Cut inside a word: end at the space before it, when that leaves a quote worth having.
  if (start + max < text.length && !isSpace(text[start + max])) {
    const lastSpace = quote.lastIndexOf(' ');
    if (lastSpace >= MIN_QUOTE_LENGTH) quote = quote.slice(0, lastSpace);
  }
  quote = quote.trim();
  return quote.length >= MIN_QUOTE_LENGTH ? quote : null;
}

/**
 * Whether a view just opened should move to the stored position.
 * @param position - the stored one (`reading:position`); null when the article is not listed
 * @param view.scrolled - the view is already away from its top (the user, the browser's
 *   own restore on back/forward, or a link to a passage moved it): that wins
 * @param view.fragment - the address names a place (`#id`, `#:~:text=`): that wins too
 */
export function shouldRestore(
  position: ReadingPosition | null,
  view: { scrolled: boolean; fragment: boolean },
): position is ReadingPosition {
  if (!position || view.scrolled || view.fragment) return false;
  return position.progress >= RESTORE_MIN_PROGRESS;
}

/** Where to scroll a view to, as an offset in its text, and how it was found. */
export interface RestoreTarget {
  offset: number;
  by: 'quote' | 'progress';
}

/**
 * The text offset to bring to the top of the view: where the quote is, else the stored
 * fraction of this view's text. A verbatim copy is taken first (the nearest the stored
 * fraction among repeats): the fraction is only a hint, since each view's text differs
 * (the live page has its menus and comments, the reader view a header). A quote not
 * there verbatim (the page was edited since) is searched for approximately by the
 * anchoring module, which refuses an ambiguous match.
 * @param text - the view's normalized text
 * @return null for an empty text
 */
export function restoreTarget(text: string, position: ReadingPosition): RestoreTarget | null {
  if (!text.length) return null;
  const hint = offsetAtProgress(position.progress, text.length);
  const quote = position.resumeQuote ? normalizeText(position.resumeQuote) : '';
  if (quote) {
    // The nearest verbatim copy: the first after the hint or the last before it.
    const copies = [text.lastIndexOf(quote, hint), text.indexOf(quote, hint)].filter((at) => at >= 0);
    const nearest = copies.sort((a, b) => Math.abs(a - hint) - Math.abs(b - hint))[0];
    if (nearest !== undefined) return { offset: nearest, by: 'quote' };
    const found = matchQuote(text, quote, { hint });
    if (found) return { offset: found.start, by: 'quote' };
  }
  return { offset: hint, by: 'progress' };
}

/** Whether two positions are the same place (nothing new to report). */
export function samePosition(a: ReadingPosition | null, b: ReadingPosition | null): boolean {
  return a === b || (a !== null && b !== null && a.progress === b.progress && a.resumeQuote === b.resumeQuote);
}
