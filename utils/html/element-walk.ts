/**
 * DOM walking shared by extraction and the sanitizer, with no extension or page
 * APIs: both run on a live page and in Node (jsdom).
 */

/**
 * All elements under `root` (not `root` itself), in document order. Walks
 * sibling pointers instead of `querySelectorAll('*')` or `getElementsByTagName`:
 * on jsdom every indexed read of those collections goes through a proxy.
 */
export function descendants(root: Element): Element[] {
  const out: Element[] = [];
  let el = root.firstElementChild;
  while (el) {
    out.push(el);
    let next: Element | null = el.firstElementChild;
    let cursor: Element | null = el;
    while (!next && cursor && cursor !== root) {
      next = cursor.nextElementSibling;
      if (!next) cursor = cursor.parentElement;
    }
    el = next;
  }
  return out;
}
