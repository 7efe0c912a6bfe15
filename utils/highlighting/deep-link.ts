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

// Only the words at the ends of a quote are linked: find them without splitting
// the whole quote (an export links ten thousand, some of them long).
const WORD = /\S+/g;

/** Up to `count` words from the start of `text`. */
function firstWords(text: string, count: number): string[] {
  const out: string[] = [];
  WORD.lastIndex = 0;
  for (let m = WORD.exec(text); m && out.length < count; m = WORD.exec(text)) out.push(m[0]);
  return out;
}

/** What `\s` matches, without a regular expression for the usual ASCII case. */
function isSpace(text: string, i: number): boolean {
  const code = text.charCodeAt(i);
  return code === 32 || (code >= 9 && code <= 13) || (code > 127 && /\s/.test(text[i]!));
}

/** Up to `count` words from the end of `text`, in reading order. */
function lastWords(text: string, count: number): string[] {
  const out: string[] = [];
  let end = text.length;
  while (out.length < count && end > 0) {
    while (end > 0 && isSpace(text, end - 1)) end--;
    let start = end;
    while (start > 0 && !isSpace(text, start - 1)) start--;
    if (start < end) out.unshift(text.slice(start, end));
    end = start;
  }
  return out;
}

/**
 * The last words of a prefix. Context is stored cut to `CONTEXT_LENGTH` characters,
 * so when it is that long and does not begin with a space, its first word may be
 * the tail of a longer one, which the spec would not match.
 */
function prefixWords(prefix: string): string[] {
  const found = lastWords(prefix, CONTEXT_WORDS + 1);
  // More words than kept: the possibly cut first one is not among those kept.
  if (found.length > CONTEXT_WORDS) return found.slice(1);
  if (prefix.length >= CONTEXT_LENGTH && !/^\s/.test(prefix)) found.shift();
  return found;
}

/** The first words of a suffix; its last word may be cut, as in `prefixWords`. */
function suffixWords(suffix: string): string[] {
  const found = firstWords(suffix, CONTEXT_WORDS + 1);
  if (found.length > CONTEXT_WORDS) return found.slice(0, -1);
  if (suffix.length >= CONTEXT_LENGTH && !/\s$/.test(suffix)) found.pop();
  return found;
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
  return deepLinker(pageUrl)(quote);
}

/**
 * `deepLink` for many passages of one page: the address is parsed once (an export
 * links ten thousand passages).
 * @throws TypeError if `pageUrl` is not an absolute URL
 */
export function deepLinker(pageUrl: string): (quote: TextQuoteSelector) => string {
  const base = baseHref(pageUrl);
  return (quote) => `${base}:~:text=${textDirective(quote)}`;
}

/** The value of a `text=` directive: `prefix-,start[,end],-suffix`, each term encoded. */
function textDirective(quote: TextQuoteSelector): string {
  const start = firstWords(quote.exact, RANGE_WORDS + 1);
  const prefix = prefixWords(quote.prefix ?? '').join(' ');
  const suffix = suffixWords(quote.suffix ?? '').join(' ');
  const target =
    start.length > RANGE_WORDS
      ? `${encodeTerm(start.slice(0, RANGE_END_WORDS).join(' '))},${encodeTerm(lastWords(quote.exact, RANGE_END_WORDS).join(' '))}`
      : encodeTerm(start.join(' '));
  return [prefix && `${encodeTerm(prefix)}-`, target, suffix && `-${encodeTerm(suffix)}`].filter(Boolean).join(',');
}
