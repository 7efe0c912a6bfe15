/**
 * Figures and captions. Many CMSs (WordPress's `wp-caption`, news templates)
 * mark an image and its caption up as plain `<div>`s. Rewriting them as
 * `<figure>`/`<figcaption>` lets the reader view style the caption with its
 * image (and a screen reader announce it as such). Runs on the extracted
 * article, where classes are still present and the tree is small.
 */
import { CHROME_LINE } from './chrome-patterns';
import { byTag, closestTag, descendants, hasDescendantTag, normalizedLength, normalizedText } from './dom-helpers';

const FIGURE = new Set(['FIGURE']);
/** What makes a figure worth keeping besides caption text. */
const FIGURE_CONTENT = new Set(['IMG', 'PICTURE', 'VIDEO', 'AUDIO', 'TABLE', 'PRE', 'A']);

const CAPTION_CLASS =
  /(?:^|[\s_-])(?:wp-caption-text|caption|image-caption|img-caption|photo-caption|media-caption|figure-caption|caption-text)(?:$|[\s_-])/i;
/** Class words of a caption or of a photo credit. */
const CAPTION_OR_CREDIT_CLASS =
  /(?:^|[\s_-])(?:\w*caption\w*|credits?|copyright|photographer|attribution)(?:$|[\s_-])/i;
/** Images smaller than this (declared size) are icons, which may repeat. */
const ICON_SIZE = 48;
/** Containers bigger than this are article sections, not one picture. */
const MAX_FIGURE_TEXT = 600;

/** Moves `el`'s children and id into a new element named `tag`, and swaps them. */
function retag(el: Element, tag: string): Element {
  const replacement = el.ownerDocument.createElement(tag);
  while (el.firstChild) replacement.appendChild(el.firstChild);
  const id = el.getAttribute('id');
  if (id) replacement.setAttribute('id', id);
  el.replaceWith(replacement);
  return replacement;
}

/** True when `el` is a figure, a caption or credit, or sits in one (a few levels up at most). */
function inCaptionContext(el: Element, root: Element): boolean {
  let box: Element | null = el;
  for (let depth = 0; box && box !== root && depth < 5; depth++, box = box.parentElement) {
    if (
      box.tagName === 'FIGURE' ||
      box.tagName === 'FIGCAPTION' ||
      CAPTION_OR_CREDIT_CLASS.test(box.getAttribute('class') ?? '')
    )
      return true;
  }
  return false;
}

/** Class words of a caption's controls: developers name them in English whatever the page's language. */
const CONTROL_CLASS =
  /(?:^|[\s_-])(?:toggle|hide|show|expand|collapse|zoom|enlarge|lightbox|close|btn|button)(?:$|[\s_-])/i;

/** An interface control by its markup: a button, or an element that shows or hides another. */
const isControl = (el: Element): boolean =>
  el.tagName === 'BUTTON' ||
  el.getAttribute('role') === 'button' ||
  el.hasAttribute('aria-expanded') ||
  el.hasAttribute('aria-controls') ||
  CONTROL_CLASS.test(el.getAttribute('class') ?? '');

/**
 * Removes the controls of a caption ("hide caption", "toggle caption",
 * "Enlarge this image", "Bildunterschrift ausblenden"): inline elements of a
 * figure or caption whose whole text is a short interface label, known by
 * its words or, in any language, by its markup (a button, a toggle). The
 * block-level label rule in chrome removal cannot see them, as they sit
 * inside the caption's paragraph.
 */
function removeCaptionControls(root: Element): void {
  for (const el of descendants(root)) {
    if (!/^(?:B|SPAN|A|SMALL|I|EM|STRONG|DIV|P|BUTTON)$/.test(el.tagName) || !root.contains(el)) continue;
    // The caption test first: it looks a few parents up, while the text of a big DIV is costly on jsdom.
    if (!inCaptionContext(el, root)) continue;
    const text = normalizedText(el);
    if (!text || text.length >= 40) continue;
    // A link by its class alone may be the photo's own link ("lightbox"): only a link that says so or is a button.
    const control =
      el.tagName === 'A' ? el.getAttribute('role') === 'button' || el.hasAttribute('aria-controls') : isControl(el);
    if (CHROME_LINE.test(text) || (control && !el.querySelector('img, picture, video'))) el.remove();
  }
}

/** An image's address without query or fragment (sizes and crops of one photo differ only there). */
function imageKey(img: Element): string | null {
  const src = img.getAttribute('src')?.trim();
  if (!src || /^data:/i.test(src)) return null;
  const size = Math.min(Number(img.getAttribute('width') ?? Infinity), Number(img.getAttribute('height') ?? Infinity));
  if (size < ICON_SIZE) return null;
  return src.split(/[?#]/)[0]!;
}

/**
 * Shows each photo and each caption once. Pages ship a second copy of a
 * figure for their lightbox or "enlarge" view (hidden until clicked), which a
 * reader view would show in full: the repeated image is removed with the
 * wrappers around it that hold nothing but captions already shown, and a
 * caption repeating an earlier one is removed on its own. Icons may repeat.
 */
function removeRepeatedFigures(root: Element): void {
  const seenImages = new Set<string>();
  /** Caption text → the element that first showed it. */
  const seenCaptions = new Map<string, Element>();
  /** The images and captions being kept: a wrapper holding one of them is not a copy. */
  const shown: Element[] = [];
  const isCopy = (box: Element): boolean => {
    if (shown.some((el) => box.contains(el))) return false;
    if (byTag(box, 'img').some((img) => !seenImages.has(imageKey(img) ?? ''))) return false;
    // Whatever text the box has must be captions already shown.
    let rest = normalizedText(box);
    for (const caption of seenCaptions.keys()) if (rest) rest = rest.split(caption).join(' ').trim();
    return rest === '';
  };
  for (const el of descendants(root)) {
    if (!root.contains(el)) continue;
    if (el.tagName === 'IMG') {
      const key = imageKey(el);
      if (!key) continue;
      if (!seenImages.has(key)) {
        seenImages.add(key);
        shown.push(el);
        continue;
      }
      let target: Element = el;
      while (target.parentElement && target.parentElement !== root && isCopy(target.parentElement))
        target = target.parentElement;
      target.remove();
    } else if (el.tagName === 'FIGCAPTION' || CAPTION_OR_CREDIT_CLASS.test(el.getAttribute('class') ?? '')) {
      const text = normalizedText(el);
      const first = seenCaptions.get(text);
      // A credit repeated under another photo ("Photo: Jane Doe for Coastal Notes") belongs to that photo.
      const ownPhoto = byTag(closestTag(el, FIGURE) ?? el.parentElement ?? el, 'img').some(
        (img) => shown.includes(img) && !first?.parentElement?.contains(img),
      );
      if (text.length >= 20 && first && !first.contains(el) && !ownPhoto) {
        el.remove();
      } else if (text && !first) {
        seenCaptions.set(text, el);
        shown.push(el);
      }
    }
  }
}

/** Inline elements a caption's credit or second part comes in, shown on its own by the site's CSS. */
const CAPTION_PART = /^(?:SPAN|SMALL|CITE)$/;

/**
 * Keeps the parts of a caption apart: "…more common.<span>Zhejiang Daily /
 * AP</span>" is laid out by the site as a caption and a credit, but in the
 * reader (and its text) they ran together as "common.Zhejiang Daily". A space
 * goes between a part and the text it touches.
 */
function separateCaptionParts(root: Element): void {
  for (const caption of byTag(root, 'figcaption')) {
    for (const part of Array.from(caption.children)) {
      if (!CAPTION_PART.test(part.tagName)) continue;
      const before = part.previousSibling;
      const previous = before?.nodeType === 3 ? (before.nodeValue ?? '') : (before?.textContent ?? '');
      // Touching: the text before ends in a letter, digit or closing punctuation, the part starts with a letter or digit.
      if (/[\p{L}\p{N}.!?)\]»”"']$/u.test(previous) && /^[\p{L}\p{N}(©]/u.test(part.textContent ?? ''))
        part.before(caption.ownerDocument.createTextNode(' '));
    }
  }
}

/**
 * Figures, once each: removes caption controls and repeated copies of a
 * figure, then turns "image + caption" wrappers into `<figure>` +
 * `<figcaption>`: a caption element (by class) whose parent holds exactly one
 * image and little else.
 */
export function normalizeFigures(root: Element): void {
  removeCaptionControls(root);
  removeRepeatedFigures(root);
  // Start from images (few) rather than from every element with a class.
  for (const img of byTag(root, 'img')) {
    let box = img.parentElement;
    // The image may sit in a link, a <picture> or a paragraph of its own inside the box.
    while (box && /^(?:A|PICTURE|SPAN|P)$/.test(box.tagName)) box = box.parentElement;
    if (!box || box === root || box.tagName !== 'DIV' || !root.contains(img) || closestTag(box, FIGURE)) continue;
    // A sibling walk: `Array.from(children)` goes through jsdom's collection proxy, which is slow.
    let caption: Element | null = box.firstElementChild;
    while (caption && !CAPTION_CLASS.test(caption.getAttribute('class') ?? '')) caption = caption.nextElementSibling;
    if (!caption || !/^(?:DIV|P|SPAN|SMALL)$/.test(caption.tagName) || caption.querySelector('img, p, div')) continue;
    if (
      byTag(box, 'img').length !== 1 ||
      normalizedLength(box) > MAX_FIGURE_TEXT ||
      box.querySelector('h1, h2, h3, h4, p p')
    )
      continue;
    retag(caption, 'figcaption');
    retag(box, 'figure');
  }
  separateCaptionParts(root);
}

/** After extraction: drops `<figure>`s left with neither media nor caption text. */
export function removeEmptyFigures(root: Element): void {
  for (const figure of byTag(root, 'figure')) {
    if (!hasDescendantTag(figure, FIGURE_CONTENT) && !normalizedText(figure)) figure.remove();
  }
}
