/**
 * Collapsed sections: text a page hides until the reader opens it (a sources
 * list behind a "Quellen" toggle, a "continue reading" rest, a FAQ's answers).
 * Hidden elements are dropped before Readability (`prune-page.ts`), which lost
 * the reference list and left its toggle alone in the article ("• Quellen").
 *
 * Told apart from hidden chrome (menus, dialogs, cookie banners) by structure,
 * in any language: the page itself marks the element as openable —
 * `hidden="until-found"` (the browser's own "find in page" opens it), or a
 * collapsed toggle (`aria-expanded="false"`) names it in `aria-controls` or
 * sits right before it — and it reads as text, not as a list of links.
 */
import { byTag, linkDensity, normalizedText } from './dom-helpers';

/** A collapsed section holds at least this much text: a label or an empty panel is no loss. */
const MIN_CHARS = 80;
/** Above this share of linked text the panel is a menu, not content. */
const MAX_LINK_DENSITY = 0.5;

/** True when `el` is a collapsed toggle (a control that says it is closed) that names no other panel. */
function isCollapsedToggleOf(el: Element | null, panel: Element): boolean {
  if (!el || el.getAttribute('aria-expanded') !== 'false') return false;
  const controls = el.getAttribute('aria-controls');
  return !controls || (!!panel.id && controls.split(/\s+/).includes(panel.id));
}

/**
 * Whether `el`, hidden, is a section the reader can open rather than chrome:
 * then it is shown (its hiding attributes removed) and true is returned.
 * @param toggles - collapsed toggles by the ids their `aria-controls` name, computed once per page on first use
 */
export function revealIfCollapsedSection(el: Element, toggles: () => ReadonlyMap<string, Element>): boolean {
  const before = el.previousElementSibling;
  const beside = isCollapsedToggleOf(before, el) ? before : null;
  // Cheap tests first: most hidden elements are neither marked openable nor text.
  if (!beside && !el.id && el.getAttribute('hidden') !== 'until-found') return false;
  if (el.getAttribute('role') === 'dialog') return false;
  const text = normalizedText(el);
  if (text.length < MIN_CHARS || linkDensity(el, text.length) > MAX_LINK_DENSITY) return false;
  // A form behind a button is a sign-up box, not the article's text.
  if (el.getElementsByTagName('input').length) return false;
  const toggle = beside ?? (el.id ? toggles().get(el.id) : undefined);
  if (!toggle && el.getAttribute('hidden') !== 'until-found') return false;
  el.removeAttribute('hidden');
  if (el.getAttribute('aria-hidden') === 'true') el.removeAttribute('aria-hidden');
  const style = (el as HTMLElement).style as CSSStyleDeclaration | undefined;
  if (style?.display === 'none') style.removeProperty('display');
  if (style?.visibility === 'hidden') style.removeProperty('visibility');
  if (toggle) keepToggleLabel(toggle);
  return true;
}

/** Leading bullets, arrows and plus signs of a toggle's label: drawn state, not words. */
const STATE_MARKS = /^[\s\p{S}\p{P}]+(?=\p{L}|\p{N})/u;

/**
 * A toggle button's label names the section it opens ("Quellen", a FAQ's
 * question); buttons are dropped with the page's controls, so its text is
 * kept as a label of its own.
 */
function keepToggleLabel(toggle: Element): void {
  if (toggle.localName !== 'button' || !toggle.isConnected) return;
  const label = normalizedText(toggle).replace(STATE_MARKS, '');
  if (!label) return;
  const doc = toggle.ownerDocument;
  const p = doc.createElement('p');
  p.appendChild(doc.createElement('strong')).textContent = label;
  toggle.replaceWith(p);
}

/**
 * The page's collapsed toggles by the ids they open (`aria-controls` lists ids
 * separated by spaces). Disclosure toggles are buttons (WAI-ARIA's disclosure
 * pattern); reading the buttons by tag avoids jsdom's selector engine, whose
 * first query on a page costs milliseconds.
 */
export function collapsedToggleTargets(doc: Document): Map<string, Element> {
  const targets = new Map<string, Element>();
  for (const toggle of byTag(doc, 'button')) {
    if (toggle.getAttribute('aria-expanded') !== 'false') continue;
    for (const id of (toggle.getAttribute('aria-controls') ?? '').split(/\s+/)) if (id) targets.set(id, toggle);
  }
  return targets;
}
