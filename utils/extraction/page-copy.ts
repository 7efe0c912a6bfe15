/**
 * The copy of the live page that extraction reads (Readability mutates what it
 * is given). A `cloneNode` copy has no style: what the page's stylesheets hide
 * (a lightbox copy of every photo, the mobile duplicate of a table, closed
 * menus and dialogs) would all come back in the reader. So the browser is asked
 * which elements it does not render, and their copies are marked `hidden` —
 * on the copy only: the page's own DOM is never touched (its scripts would see
 * it). `hidden` then takes the path every hidden element takes
 * (`prune-page.ts`), including being opened again when the page marks it as a
 * collapsed section (`collapsed-sections.ts`).
 *
 * Only elements the browser does not lay out at all (`display: none`, found by
 * `checkVisibility()`): text merely made invisible (`visibility`, opacity) is
 * often text a script reveals as the reader scrolls.
 */
import { MAX_REMOVABLE_PROSE_PARAGRAPHS, measureProse } from './prose-share';

/**
 * Elements with no box by design (a picture's `<source>`s, an `<audio>` without
 * controls, table columns), or whose unrendered content extraction reads on
 * purpose (`<noscript>`, a closed `<details>`): neither checked nor walked.
 */
const SKIP = new Set([
  'SCRIPT',
  'STYLE',
  'NOSCRIPT',
  'TEMPLATE',
  'LINK',
  'META',
  'BASE',
  'TITLE',
  'DETAILS',
  'SOURCE',
  'TRACK',
  'PARAM',
  'AUDIO',
  'MAP',
  'AREA',
  'COL',
  'COLGROUP',
  'OPTION',
  'OPTGROUP',
  'DATALIST',
  'SLOT',
  'svg',
  'SVG',
  'math',
  'MATH',
]);

/**
 * Marks `hidden`, in `copy` (a `cloneNode(true)` of `live` made in the same
 * task, so the two trees match node for node), the elements `isRendered` says
 * the browser does not render. An element holding two prose paragraphs or
 * more is left alone: hiding that much text is a collapsed article, not chrome.
 * @return how many elements were marked
 */
export function markUnrendered(live: Element, copy: Element, isRendered: (el: Element) => boolean): number {
  let marked = 0;
  let a = live.firstElementChild;
  let b = copy.firstElementChild;
  while (a && b) {
    if (a.tagName !== b.tagName) return marked; // the trees differ: stop rather than mark the wrong element
    if (!SKIP.has(a.tagName) && !b.hasAttribute('hidden')) {
      if (!isRendered(a)) {
        if (measureProse(b).paragraphs < MAX_REMOVABLE_PROSE_PARAGRAPHS) {
          b.setAttribute('hidden', '');
          marked++;
        }
      } else marked += markUnrendered(a, b, isRendered);
    }
    a = a.nextElementSibling;
    b = b.nextElementSibling;
  }
  return marked;
}

/**
 * Whether the browser lays `el` out: false for `display: none` on it or an
 * ancestor. `display: contents` has no box of its own but shows its children.
 */
export function browserRenders(el: Element): boolean {
  if (typeof el.checkVisibility !== 'function' || el.checkVisibility()) return true;
  return el.ownerDocument.defaultView?.getComputedStyle(el).display === 'contents';
}

/**
 * A disposable copy of the page for `extractArticle`, with what the browser
 * does not render marked `hidden`.
 * @param isRendered - `browserRenders` in the browser; tests pass their own
 */
export function copyPageForExtraction(doc: Document, isRendered: (el: Element) => boolean = browserRenders): Document {
  const copy = doc.cloneNode(true) as Document;
  if (doc.body && copy.body) markUnrendered(doc.body, copy.body, isRendered);
  return copy;
}
