/**
 * Removes the author's avatar that bylines put next to the name. Readability
 * keeps it when the byline sits inside the article container, and it then
 * shows up as a stray picture above the text.
 */
import { byTag, normalizedText } from './dom-helpers';

// Avatars are small; a content image of the author (a portrait in an interview) is not.
const MAX_AVATAR_PX = 120;

function declaredSize(img: Element): number {
  // No declared size means unknown, never small.
  const px = (name: string) => {
    const value = Number.parseFloat(img.getAttribute(name) ?? '');
    return Number.isFinite(value) ? value : Infinity;
  };
  return Math.max(px('width'), px('height'));
}

/** An element with no text and no picture (once the avatar is gone). */
function isEmptyBox(el: Element): boolean {
  return normalizedText(el) === '' && !el.querySelector('img, picture, video, svg, iframe, table, pre');
}

/**
 * @param article - Readability's article element
 * @param byline - the author's name as found in the page metadata
 */
export function removeAuthorAvatars(article: Element, byline: string | null): void {
  const author = (byline ?? '').trim().toLowerCase();
  if (!author) return;
  for (const img of byTag(article, 'img')) {
    const alt = (img.getAttribute('alt') ?? '').trim().toLowerCase();
    if (!alt || !(author.includes(alt) || alt.includes(author)) || declaredSize(img) > MAX_AVATAR_PX) continue;
    let parent = img.parentElement;
    img.remove();
    // Take the link and wrappers that held only the avatar with it.
    while (parent && parent !== article && isEmptyBox(parent)) {
      const next = parent.parentElement;
      parent.remove();
      parent = next;
    }
  }
}
