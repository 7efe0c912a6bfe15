/**
 * The side panel's keyboard: `j`/ArrowDown and `k`/ArrowUp move between cards (the
 * page follows), `Enter` on a card edits it, `Esc` leaves editing. A key typed into a
 * field (a note, the tags, the page note) is text, never a shortcut; Enter on a
 * button inside a card presses that button.
 */

/** What a key went to, as far as shortcuts care. */
export type KeyTarget = 'card' | 'field' | 'control' | 'other';

export interface PanelKey {
  key: string;
  target: KeyTarget;
  /** Ctrl, Alt or Meta held: the browser's or the system's shortcut, not ours. */
  modified: boolean;
}

export interface CardCursor {
  /** Card ids in card order (`orderCards`). */
  ids: readonly string[];
  /** The card the keyboard is on, if any. */
  focused: string | null;
  /** The card open for editing, if any. */
  editing: string | null;
}

export type PanelKeyAction =
  /** Focus this card (and leave any editing); the page scrolls to its highlight. */
  { type: 'move'; id: string } | { type: 'edit'; id: string } | { type: 'leave'; id: string };

const NEXT = new Set(['j', 'ArrowDown']);
const PREVIOUS = new Set(['k', 'ArrowUp']);

/**
 * @return what the key does, or null when it is not a shortcut here (the browser
 *   keeps its default: typing, pressing a button, scrolling)
 */
export function panelKeyAction(input: PanelKey, cursor: CardCursor): PanelKeyAction | null {
  if (input.modified) return null;
  if (input.key === 'Escape') return cursor.editing ? { type: 'leave', id: cursor.editing } : null;
  if (input.target === 'field') return null;
  const { ids, focused } = cursor;
  if (ids.length === 0) return null;
  const at = focused === null ? -1 : ids.indexOf(focused);
  if (NEXT.has(input.key)) {
    // Nothing focused yet (or the focused card was deleted): start at the top.
    const next = at < 0 ? 0 : Math.min(at + 1, ids.length - 1);
    return { type: 'move', id: ids[next]! };
  }
  if (PREVIOUS.has(input.key)) {
    const previous = at < 0 ? ids.length - 1 : Math.max(at - 1, 0);
    return { type: 'move', id: ids[previous]! };
  }
  if (input.key === 'Enter' && input.target === 'card' && at >= 0 && cursor.editing !== focused) {
    return { type: 'edit', id: focused! };
  }
  return null;
}
