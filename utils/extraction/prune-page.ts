/**
 * Removes, before Readability walks the page, elements that can never be part
 * of the article: navigation, inline SVG (icons and sprites; the sanitizer
 * drops SVG anyway), `<template>`, `<canvas>`, print-only copies, and frames that are not
 * allow-listed embeds (ads, trackers). Readability would score and discard
 * them itself; removing them first makes it about a tenth faster.
 * Form controls are left in place: Readability counts them to recognise
 * sign-up boxes, and the sanitizer removes them.
 */
import { collapsedToggleTargets, revealIfCollapsedSection } from './collapsed-sections';
import { EMBED_URL_PATTERN } from './embeds';
import { MAX_REMOVABLE_PROSE_PARAGRAPHS, measureProse } from './prose-share';

const NEVER_CONTENT = new Set(['nav', 'svg', 'template', 'canvas']);
/**
 * Classes of the CSS frameworks and CMSs that show an element only when
 * printing (Bootstrap 3's `visible-print-*`, Foundation's `show-for-print`).
 * A browser never shows them on screen; without the page's CSS the reader
 * would. Matched as whole class names.
 */
const PRINT_ONLY_CLASS =
  /(?:^|\s)(?:print-only|printonly|only-print|visible-print|visible-print-block|visible-print-inline|visible-print-inline-block|show-for-print|show-for-print-only)(?=\s|$)/;

/**
 * True when Readability would drop `el` as invisible (its `_isProbablyVisible`
 * test, or an `aria-modal` dialog): it does so on every pass, whatever its
 * flags, so removing it first changes nothing in Readability's result but
 * spares it walking, scoring and re-parsing the hidden subtree (menus, modals,
 * sprites). The attribute tests come first, on the element's attribute
 * `names` (one read on jsdom instead of one per attribute tested); the style
 * object, costly on jsdom, is only read when the attribute mentions `none` or `hidden`.
 * `aria-hidden` stays: the header rules read the page before Readability, and
 * pages hide separators that way (Medium's "3 min read · Mar 21" dot) — without
 * them the meta line is not recognised and lands in the article.
 */
function hiddenFromReadability(el: Element, names: readonly string[]): boolean {
  if (names.includes('hidden')) return true;
  if (
    names.includes('aria-modal') &&
    el.getAttribute('aria-modal') === 'true' &&
    names.includes('role') &&
    el.getAttribute('role') === 'dialog'
  )
    return true;
  const style = names.includes('style') ? el.getAttribute('style') : null;
  if (!style || !/none|hidden/i.test(style)) return false;
  const css = (el as HTMLElement).style as CSSStyleDeclaration | undefined;
  return !!css && (css.display === 'none' || css.visibility === 'hidden');
}

/** Removes never-content elements from `doc`, in place. */
export function prunePage(doc: Document): void {
  const root = doc.documentElement;
  if (!root) return;
  // One walk over the page: a tag or class lookup per kind would walk it a dozen times (slow on jsdom).
  const never: Element[] = [];
  const printOnly: Element[] = [];
  const frames: Element[] = [];
  let el: Element | null = root.firstElementChild;
  while (el) {
    const name = el.localName;
    // Most elements have no attributes: then only the tag matters (each attribute read is costly on
    // jsdom, so the names are read once and only attributes present are read).
    const names = el.hasAttributes() ? el.getAttributeNames() : null;
    let descend = true;
    if (NEVER_CONTENT.has(name) || (names && name !== 'body' && name !== 'head' && hiddenFromReadability(el, names))) {
      never.push(el);
      descend = false;
    } else {
      if (name === 'iframe') frames.push(el);
      const cls = names?.includes('class') ? el.getAttribute('class') : null;
      if (cls && PRINT_ONLY_CLASS.test(cls)) printOnly.push(el);
    }
    let next: Element | null = descend ? el.firstElementChild : null;
    for (let cursor: Element | null = el; !next && cursor && cursor !== root; cursor = cursor.parentElement)
      next = cursor.nextElementSibling;
    el = next;
  }
  let toggleTargets: Map<string, Element> | undefined;
  const toggles = () => (toggleTargets ??= collapsedToggleTargets(doc));
  for (const node of never)
    if (NEVER_CONTENT.has(node.localName) || !revealIfCollapsedSection(node, toggles)) node.remove();
  for (const node of printOnly) {
    // Print plugins also mark the article body itself ("entry-content print-only"): prose is never a print-only copy.
    if (node.isConnected && measureProse(node).paragraphs < MAX_REMOVABLE_PROSE_PARAGRAPHS) node.remove();
  }
  for (const frame of frames)
    if (frame.isConnected && !EMBED_URL_PATTERN.test(frame.getAttribute('src') ?? '')) frame.remove();
}
