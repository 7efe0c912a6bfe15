/**
 * A photo shipped twice: news sites put a second, larger copy of each image
 * with its caption and credit next to the first, for a lightbox the site's
 * stylesheet hides (NPR's "enlarge" markup, galleries' zoom layers). Without
 * the stylesheet the reader showed every photo, caption and credit twice.
 *
 * The signal is structural and language-independent: the same image (the same
 * descriptive `alt`, or the same address) twice within one small group, where
 * the second copy's part of the group adds no text of its own. Only then are
 * the group's repeated texts (the caption and credit again) removed too.
 */
import { byTag, normalizedText } from './dom-helpers';

/** An `alt` at least this long describes one photo; shorter ones ("photo", "image") are shared by many. */
const DESCRIPTIVE_ALT = 15;
/** A group of one photo and its texts is small; above this it is a gallery or the article itself. */
const MAX_GROUP_CHARS = 2000;
/** ...and a small part of the article: on a short post the group would otherwise be the whole post. */
const MAX_GROUP_SHARE = 0.25;

/** What makes two `<img>` the same photo, or null when nothing reliable does. */
function imageKey(img: Element): string | null {
  const alt = (img.getAttribute('alt') ?? '').replace(/\s+/g, ' ').trim();
  if (alt.length >= DESCRIPTIVE_ALT) return `alt:${alt.toLowerCase()}`;
  const src = (img.getAttribute('src') ?? '').trim();
  return src && !src.startsWith('data:') ? `src:${src.split(/[?#]/)[0]}` : null;
}

/** The nearest element containing both. */
function commonAncestor(a: Element, b: Element): Element | null {
  for (let el: Element | null = a.parentElement; el; el = el.parentElement) if (el.contains(b)) return el;
  return null;
}

/** The child of `group` on the path down to `el`. */
function childOnPath(group: Element, el: Element): Element {
  let node = el;
  while (node.parentElement && node.parentElement !== group) node = node.parentElement;
  return node;
}

/**
 * True when the copy and everything after it in `group` show only text shown
 * before it: a lightbox copy repeats the caption and credit, a second photo
 * with a caption of its own ("After the storm") does not.
 */
function onlyRepeats(group: Element, copy: Element): boolean {
  let before = '';
  for (let el = group.firstElementChild; el && el !== copy; el = el.nextElementSibling)
    before += ` ${normalizedText(el)}`;
  const doc = group.ownerDocument;
  for (let el: Element | null = copy; el; el = el.nextElementSibling) {
    const walker = doc.createTreeWalker(el, 4 /* NodeFilter.SHOW_TEXT */);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      const text = normalizedText(node);
      if (text && !before.includes(text)) return false;
    }
  }
  return true;
}

/**
 * Removes, among `group`'s children from `from` on, every element whose whole
 * text is the whole text of an element before it (the caption and credit
 * repeated for the photo's second copy), then the wrappers left empty.
 */
function removeRepeatedTexts(group: Element, from: Element | null): void {
  const shown = new Set<string>();
  const record = (el: Element): void => {
    const text = normalizedText(el);
    if (!text) return;
    shown.add(text);
    for (let child = el.firstElementChild; child; child = child.nextElementSibling) record(child);
  };
  const prune = (el: Element): void => {
    for (let child = el.firstElementChild; child; ) {
      const next = child.nextElementSibling;
      if (shown.has(normalizedText(child))) child.remove();
      else prune(child);
      child = next;
    }
  };
  for (let el = group.firstElementChild; el && el !== from; el = el.nextElementSibling) record(el);
  for (let el = from; el; ) {
    const next = el.nextElementSibling;
    if (shown.has(normalizedText(el))) el.remove();
    else {
      prune(el);
      removeEmptyShells(el);
      if (!MEDIA.has(el.tagName) && !el.firstElementChild && !normalizedText(el)) el.remove();
    }
    el = next;
  }
}

const MEDIA = new Set(['IMG', 'PICTURE', 'VIDEO', 'AUDIO', 'IFRAME', 'SVG', 'CANVAS', 'BR', 'HR']);

/** Removes the wrappers the removals above left with no text and no media (bottom-up). */
function removeEmptyShells(el: Element): void {
  for (let child = el.firstElementChild; child; ) {
    const next = child.nextElementSibling;
    removeEmptyShells(child);
    if (!MEDIA.has(child.tagName) && !child.firstElementChild && !normalizedText(child)) child.remove();
    child = next;
  }
}

/** Removes the second copy of a photo, and its repeated caption and credit, from `article`. */
export function removeRepeatedMedia(article: Element): void {
  const seen = new Map<string, Element>();
  let articleChars = -1;
  for (const img of byTag(article, 'img')) {
    if (!article.contains(img)) continue;
    const key = imageKey(img);
    if (!key) continue;
    const first = seen.get(key);
    if (!first || !article.contains(first)) {
      seen.set(key, img);
      continue;
    }
    const group = commonAncestor(first, img);
    if (!group || group === article) continue;
    const groupChars = normalizedText(group).length;
    if (articleChars < 0) articleChars = normalizedText(article).length;
    if (groupChars > MAX_GROUP_CHARS || groupChars > MAX_GROUP_SHARE * articleChars) continue;
    const copy = childOnPath(group, img);
    if (copy.contains(first)) continue;
    if (!onlyRepeats(group, copy)) continue;
    const after = copy.nextElementSibling;
    copy.remove();
    removeRepeatedTexts(group, after);
  }
}
