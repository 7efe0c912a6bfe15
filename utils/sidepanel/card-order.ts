/**
 * The order of the side panel's cards and the state each shows. Placed highlights
 * come first, in page order; then the ones not found at the last visit (their stored
 * position is where they used to be, so they cannot be interleaved truthfully); then
 * the ones the user kept as notes. Keyboard navigation walks this same order.
 */
import type { AnchorStatus, HighlightRecord } from '@/utils/db/schema';

/** What a card says about where its highlight is on the page. */
export type CardState = 'placed' | 'low-confidence' | 'orphan' | 'note';

const STATE: Record<AnchorStatus, CardState> = {
  anchored: 'placed',
  weak: 'low-confidence',
  orphaned: 'orphan',
  detached: 'note',
  // Not looked for yet: listed with the ones not found until a visit places it.
  unplaced: 'orphan',
};

const GROUP: Record<CardState, number> = { placed: 0, 'low-confidence': 0, orphan: 1, note: 2 };

/** The words a card shows for its state. */
export const CARD_STATE_LABEL: Record<CardState, string> = {
  placed: 'placed',
  'low-confidence': 'low confidence',
  orphan: 'not found on the page',
  note: 'kept as a note',
};

export function cardState(anchor: AnchorStatus): CardState {
  return STATE[anchor];
}

/** Whether a card's highlight can be shown on the page (revealed). */
export function isOnPage(state: CardState): boolean {
  return GROUP[state] === 0;
}

/**
 * @param highlights - live highlights of one article, in any order
 * @return them in card order: placed in page order, then orphans, then kept notes
 *   (each group by position, then creation time, then id, so the order is stable)
 */
export function orderCards<T extends Pick<HighlightRecord, 'id' | 'anchor' | 'position' | 'createdAt'>>(
  highlights: readonly T[],
): T[] {
  return [...highlights].sort(
    (a, b) =>
      GROUP[STATE[a.anchor]] - GROUP[STATE[b.anchor]] ||
      a.position - b.position ||
      a.createdAt - b.createdAt ||
      (a.id < b.id ? -1 : a.id > b.id ? 1 : 0),
  );
}
