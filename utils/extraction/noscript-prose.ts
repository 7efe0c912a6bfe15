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
/** How much of the first paragraph is compared with the text shown outside `<noscript>`. */
const SAMPLE_CHARS = 80;

/** Text of `root` outside any `<noscript>`, scripts and styles: what the page shows without them. */
function shownText(root: Element): string {
  const parts: string[] = [];
  const walk = (el: Element): void => {
    for (let child = el.firstChild; child; child = child.nextSibling) {
      if (child.nodeType === 3) parts.push(child.nodeValue ?? '');
      else if (child.nodeType === 1 && !/^(?:NOSCRIPT|SCRIPT|STYLE|TEMPLATE)$/.test((child as Element).tagName))
        walk(child as Element);
    }
  };
  walk(root);
  return parts.join(' ').replace(/\s+/g, ' ');
}

/**
 * Replaces each `<noscript>` that holds prose not shown elsewhere on the page
 * by its content, in place, so Readability can find the article in it.
 * @param doc - the page's copy about to be extracted
 */
export function revealNoscriptProse(doc: Document): void {
  const body = doc.body;
  if (!body) return;
  let shown: string | null = null;
  for (const noscript of byTag(body, 'noscript')) {
    // Parsed with scripting on, `<noscript>` holds raw text (no elements): nothing to reveal.
    if (!noscript.isConnected || noscript.childElementCount === 0) continue;
    const first = byTag(noscript, 'p').find((p) => normalizedText(p).length >= PROSE_PARAGRAPH_CHARS);
    if (!first || normalizedText(noscript).length < MIN_PROSE_CHARS) continue;
    shown ??= shownText(body);
    // The page shows this text already (a script-free copy of what is on screen): keep one copy.
    if (shown.includes(normalizedText(first).slice(0, SAMPLE_CHARS))) continue;
    noscript.replaceWith(...Array.from(noscript.childNodes));
  }
}
