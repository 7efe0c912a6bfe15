/**
 * Articles that a page ships only inside `<noscript>`: some blogs and CMSs
 * write the post there and copy it into the page with a script (Blogger's
 * themes), or serve a whole script-free version of the page in it. Where the
 * document was parsed without scripting (the CLI, saved pages), that is the
 * only copy of the text, and Readability throws `<noscript>` away. In a live
 * tab the browser parses `<noscript>` as raw text and the script has shown the
 * article already, so this changes nothing there.
 */
import { byTag, normalizedText } from './dom-helpers';

/** A paragraph this long is prose, not a "please enable JavaScript" notice. */
const PROSE_PARAGRAPH_CHARS = 80;
/** A `<noscript>` holding at least this much text with a prose paragraph is an article's copy. */
const MIN_PROSE_CHARS = 200;

/** Characters in prose paragraphs of `root`: inside `<noscript>` elements or outside them. */
function proseChars(root: Element, inNoscript: boolean): number {
  let sum = 0;
  for (const p of byTag(root, 'p')) {
    if (!!p.parentElement?.closest('noscript') !== inNoscript) continue;
    const length = normalizedText(p).length;
    if (length >= PROSE_PARAGRAPH_CHARS) sum += length;
  }
  return sum;
}

/**
 * Replaces each `<noscript>` that holds more prose than the page shows
 * outside them by its content, in place, so Readability can find the article
 * in it. A page that shows its article keeps its `<noscript>` notices (a
 * consent text, "please enable JavaScript") out of the way.
 * @param doc - the page's copy about to be extracted
 */
export function revealNoscriptProse(doc: Document): void {
  const body = doc.body;
  if (!body) return;
  let shown: number | null = null;
  for (const noscript of byTag(body, 'noscript')) {
    // Parsed with scripting on, `<noscript>` holds raw text (no elements): nothing to reveal.
    if (!noscript.isConnected || noscript.childElementCount === 0) continue;
    const prose = proseChars(noscript, true);
    if (prose === 0 || normalizedText(noscript).length < MIN_PROSE_CHARS) continue;
    shown ??= proseChars(body, false);
    if (prose > shown) noscript.replaceWith(...Array.from(noscript.childNodes));
  }
}
