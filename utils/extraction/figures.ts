/**
 * Figures and captions. Many CMSs (WordPress's `wp-caption`, news templates)
 * mark an image and its caption up as plain `<div>`s. Rewriting them as
 * `<figure>`/`<figcaption>` lets the reader view style the caption with its
 * image (and a screen reader announce it as such). Runs on the extracted
 * article, where classes are still present and the tree is small.
 */
import { byTag, normalizedText } from './dom-helpers';

const CAPTION_CLASS = /(?:^|[\s_-])(?:wp-caption-text|caption|image-caption|img-caption|photo-caption|media-caption|figure-caption|caption-text)(?:$|[\s_-])/i;
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

/**
 * Turns "image + caption" wrappers into `<figure>` + `<figcaption>`: a caption
 * element (by class) whose parent holds exactly one image and little else.
 */
export function normalizeFigures(root: Element): void {
  // Start from images (few) rather than from every element with a class.
  for (const img of byTag(root, 'img')) {
    let box = img.parentElement;
    // The image may sit in a link, a <picture> or a paragraph of its own inside the box.
    while (box && /^(?:A|PICTURE|SPAN|P)$/.test(box.tagName)) box = box.parentElement;
    if (!box || box === root || box.tagName !== 'DIV' || !root.contains(img) || box.closest('figure')) continue;
    const caption = Array.from(box.children).find((el) => CAPTION_CLASS.test(el.getAttribute('class') ?? ''));
    if (!caption || !/^(?:DIV|P|SPAN|SMALL)$/.test(caption.tagName) || caption.querySelector('img, p, div')) continue;
    if (byTag(box, 'img').length !== 1 || normalizedText(box).length > MAX_FIGURE_TEXT || box.querySelector('h1, h2, h3, h4, p p')) continue;
    retag(caption, 'figcaption');
    retag(box, 'figure');
  }
}

/** After extraction: drops `<figure>`s left with neither media nor caption text. */
export function removeEmptyFigures(root: Element): void {
  for (const figure of [...root.querySelectorAll('figure')]) {
    if (!figure.querySelector('img, picture, video, audio, table, pre, a') && !normalizedText(figure)) figure.remove();
  }
}
