/**
 * Links that open a page scrolled to a passage, using URL text fragments
 * (`#:~:text=prefix-,start,end,-suffix`, https://wicg.github.io/scroll-to-text-fragment/),
 * which Chromium, Safari 18.4+ and Firefox 131+ follow natively, so the link works
 * even for someone without Margin.
 *
 * What the spec's matching asks of each term, and how the link meets it:
 * - every term is percent-decoded as UTF-8, and `-`, `&` and `,` are the directive's
 *   own syntax, so they (and anything outside its explicit characters) are escaped;
 * - a prefix must start on a word boundary and a suffix must end on one, so a word
 *   cut in half by the stored context's length limit is left out;
 * - a term is matched within one block of the page, so the context is kept short.
 */
import { CONTEXT_LENGTH } from '@/utils/anchoring/describe';
import type { TextQuoteSelector } from '@/utils/anchoring/selectors';

/** Words of context kept on each side: enough to pick the right repeat, short enough to survive edits. */
const CONTEXT_WORDS = 3;
/** Quotes longer than this are linked by their first and last words (a text-fragment range). */
const RANGE_WORDS = 10;
/** Words kept at each end of a long quote. */
const RANGE_END_WORDS = 4;

/**
 * One term of a text directive, percent-encoded. encodeURIComponent leaves only
 * `A–Z a–z 0–9 - _ . ! ~ * ' ( )` unescaped; all but `-` are the spec's explicit
 * characters, so escaping `-` too makes every term valid. A lone surrogate (a
 * context cut through an emoji) would make encodeURIComponent throw: it becomes
 * U+FFFD, which simply fails to match.
 */
function encodeTerm(text: string): string {
  return encodeURIComponent(text.toWellFormed()).replace(/-/g, '%2D');
}

function words(text: string): string[] {
  return text.replace(/\s+/g, ' ').trim().split(' ').filter(Boolean);
}

/**
 * The last words of a prefix. Context is stored cut to `CONTEXT_LENGTH` characters,
 * so when it is that long and does not begin with a space, its first word may be
 * the tail of a longer one, which the spec would not match.
 */
function prefixWords(prefix: string): string[] {
  const all = words(prefix);
  if (prefix.length >= CONTEXT_LENGTH && !/^\s/.test(prefix)) all.shift();
  return all.slice(-CONTEXT_WORDS);
}

/** The first words of a suffix; its last word may be cut, as in `prefixWords`. */
function suffixWords(suffix: string): string[] {
  const all = words(suffix);
  if (suffix.length >= CONTEXT_LENGTH && !/\s$/.test(suffix)) all.pop();
  return all.slice(0, CONTEXT_WORDS);
}

/**
 * The page address without a text directive it may already carry. The page's own
 * fragment stays: a hash route (`#/post/1`) names the page, and a section anchor
 * is where the browser scrolls if the passage is no longer there.
 */
function baseHref(pageUrl: string): string {
  const url = new URL(pageUrl);
  const directive = url.hash.indexOf(':~:');
  if (directive !== -1) url.hash = url.hash.slice(0, directive);
  return url.hash === '' ? url.href.replace(/#$/, '') + '#' : url.href;
}

/**
 * @param pageUrl - the page's address (a text directive it already has is replaced)
 * @return the address with a text directive for the quote
 * @throws TypeError if `pageUrl` is not an absolute URL
 */
export function deepLink(pageUrl: string, quote: TextQuoteSelector): string {
  const exact = words(quote.exact);
  const prefix = prefixWords(quote.prefix ?? '').join(' ');
  const suffix = suffixWords(quote.suffix ?? '').join(' ');
  const target =
    exact.length > RANGE_WORDS
      ? `${encodeTerm(exact.slice(0, RANGE_END_WORDS).join(' '))},${encodeTerm(exact.slice(-RANGE_END_WORDS).join(' '))}`
      : encodeTerm(exact.join(' '));
  const parts = [prefix && `${encodeTerm(prefix)}-`, target, suffix && `-${encodeTerm(suffix)}`].filter(Boolean);
  return `${baseHref(pageUrl)}:~:text=${parts.join(',')}`;
}
