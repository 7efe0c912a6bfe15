/**
 * How many cards the side panel renders in its first frame, and when a card looks the
 * same as before. The first frame holds only the cards that fit on the screen (and a
 * few more): rendering all of a long page's cards at once would delay the ones the user
 * sees for ones below the fold. The rest follow right after that frame is painted, and
 * a card the user moves to or opens before then is rendered at once, with all before it.
 */

/** No card is shorter than this (one line of quote, the state line, padding and the gap between cards), px. */
export const MIN_CARD_HEIGHT = 48;

/**
 * @param viewportHeight - the panel's height, px
 * @return how many cards fill it at the least, and two more (a partly visible last one, and room to scroll a little)
 */
export function firstScreenCount(viewportHeight: number): number {
  const height = Number.isFinite(viewportHeight) && viewportHeight > 0 ? viewportHeight : 1000;
  return Math.ceil(height / MIN_CARD_HEIGHT) + 2;
}

/**
 * @param ids - every card, in card order
 * @param firstScreen - `firstScreenCount` of the panel
 * @param complete - whether the first frame was painted and every card may render
 * @param wanted - cards that must be in the page now (focused, being edited), if any
 * @return how many cards, from the first, to render
 */
export function cardsToRender(
  ids: readonly string[],
  firstScreen: number,
  complete: boolean,
  wanted: readonly (string | null)[],
): number {
  if (complete) return ids.length;
  let count = Math.min(ids.length, firstScreen);
  for (const id of wanted) {
    if (id === null) continue;
    const at = ids.indexOf(id);
    if (at >= count) count = at + 1;
  }
  return count;
}
