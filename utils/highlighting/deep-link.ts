/**
 * Links that open a page scrolled to a passage, using URL text fragments
 * (`#:~:text=prefix-,start,end,-suffix`, https://wicg.github.io/scroll-to-text-fragment/),
 * which Chromium and Firefox 131+ follow natively, so the link works even for
 * someone without Margin.
 */
import type { TextQuoteSelector } from '@/utils/anchoring/selectors';

/** Words of context kept on each side: enough to pick the right repeat, short enough to survive edits. */
const CONTEXT_WORDS = 3;
/** Quotes longer than this are linked by their first and last words (a text-fragment range). */
const RANGE_WORDS = 10;

function encodePart(text: string): string {
  // '-', '&' and ',' are the directive's syntax; encodeURIComponent leaves '-' alone.
  return encodeURIComponent(text).replace(/-/g, '%2D');
}

function words(text: string): string[] {
  return text.replace(/\s+/g, ' ').trim().split(' ').filter(Boolean);
}

/**
 * @param pageUrl - the page's address (any existing fragment is replaced)
 * @return the address with a text directive for the quote
 */
export function deepLink(pageUrl: string, quote: TextQuoteSelector): string {
  const url = new URL(pageUrl);
  url.hash = '';
  const exact = words(quote.exact);
  const prefix = words(quote.prefix ?? '').slice(-CONTEXT_WORDS).join(' ');
  const suffix = words(quote.suffix ?? '').slice(0, CONTEXT_WORDS).join(' ');
  const target =
    exact.length > RANGE_WORDS
      ? `${encodePart(exact.slice(0, 4).join(' '))},${encodePart(exact.slice(-4).join(' '))}`
      : encodePart(exact.join(' '));
  const parts = [prefix && `${encodePart(prefix)}-`, target, suffix && `-${encodePart(suffix)}`].filter(Boolean);
  return `${url.href}#:~:text=${parts.join(',')}`;
}
