/**
 * Tidies the boxes around images that Readability leaves behind: a `<picture>`
 * whose `<img>` was replaced renders nothing, and a figure's image wrapped in a
 * `<p>` (Readability turns the wrapper `<div>` into one) is not a paragraph.
 */
import { byTag, normalizedText } from './dom-helpers';

/** @param article - Readability's article element, after lazy images were resolved */
export function tidyImageWrappers(article: Element): void {
  for (const picture of byTag(article, 'picture')) {
    if (!picture.querySelector('img')) picture.remove();
  }
  for (const figure of byTag(article, 'figure')) {
    for (const p of byTag(figure, 'p')) {
      if (normalizedText(p) === '' && p.querySelector('img, picture')) p.replaceWith(...p.childNodes);
    }
  }
}
