/**
 * The reading list's keyboard, as in mail and feed readers: `j`/ArrowDown and
 * `k`/ArrowUp move between rows, `Enter` or `o` opens the article, `e` marks it read
 * (archive), `f` stars or unstars it, `u` puts it back to unread, `#` or `Delete`
 * takes it off the list. A key typed into a field (the filters) is text, never a
 * shortcut; Enter on a button or link inside a row presses it.
 */

/**
 * What a key went to, as far as shortcuts care: a row, a button or link inside a row
 * (`control`), a field, a control elsewhere on the page (`outside`: the import panel's,
 * whose keys are its own), or nothing in particular (`other`: the page itself).
 */
export type ReadingKeyTarget = 'row' | 'field' | 'control' | 'outside' | 'other';

export interface ReadingKey {
  key: string;
  target: ReadingKeyTarget;
  /** Ctrl, Alt or Meta held: the browser's or the system's shortcut, not ours. */
  modified: boolean;
}

export interface RowCursor {
  /** Row ids in list order. */
  ids: readonly string[];
  /** The row the keyboard is on, if any. */
  focused: string | null;
}

export type ReadingKeyAction =
  | { type: 'move'; id: string }
  | { type: 'open'; id: string }
  | { type: 'archive'; id: string }
  | { type: 'favourite'; id: string }
  | { type: 'unread'; id: string }
  | { type: 'remove'; id: string };

const NEXT = new Set(['j', 'ArrowDown']);
const PREVIOUS = new Set(['k', 'ArrowUp']);
const ON_ROW: Readonly<Record<string, ReadingKeyAction['type']>> = {
  o: 'open',
  e: 'archive',
  f: 'favourite',
  u: 'unread',
  '#': 'remove',
  Delete: 'remove',
};

/**
 * @return what the key does, or null when it is not a shortcut here (the browser keeps
 *   its default: typing, pressing a button, scrolling)
 */
export function readingKeyAction(input: ReadingKey, cursor: RowCursor): ReadingKeyAction | null {
  if (input.modified || input.target === 'field' || input.target === 'outside') return null;
  const { ids, focused } = cursor;
  if (ids.length === 0) return null;
  const at = focused === null ? -1 : ids.indexOf(focused);
  if (NEXT.has(input.key)) return { type: 'move', id: ids[at < 0 ? 0 : Math.min(at + 1, ids.length - 1)]! };
  if (PREVIOUS.has(input.key)) return { type: 'move', id: ids[at < 0 ? ids.length - 1 : Math.max(at - 1, 0)]! };
  if (at < 0) return null;
  const id = ids[at]!;
  // Enter on a row's own button or link presses that; on the row it opens the article.
  if (input.key === 'Enter') return input.target === 'control' ? null : { type: 'open', id };
  const type = ON_ROW[input.key];
  return type ? ({ type, id } as ReadingKeyAction) : null;
}

/**
 * The row to focus after the focused one left the list (archived while only unread is
 * shown, removed): the next one, else the one before, else none.
 * @param before - row ids before the change
 * @param after - row ids now
 */
export function focusAfterChange(before: readonly string[], after: readonly string[], focused: string | null) {
  if (focused === null || after.includes(focused)) return focused;
  const at = before.indexOf(focused);
  const kept = new Set(after);
  for (let i = at + 1; i < before.length; i++) if (kept.has(before[i]!)) return before[i]!;
  for (let i = at - 1; i >= 0; i--) if (kept.has(before[i]!)) return before[i]!;
  return null;
}
