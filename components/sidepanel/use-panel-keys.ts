/**
 * Wires the panel's keyboard (`utils/sidepanel/panel-keys.ts`) to the document:
 * works out what a key went to (a card, a field, a button) and hands the action on.
 */
import { useEffect, useRef } from 'react';
import { panelKeyAction, type CardCursor, type KeyTarget, type PanelKeyAction } from '@/utils/sidepanel/panel-keys';

/** Cards carry this attribute; everything else about a key's target is read from the element. */
export const CARD_ATTRIBUTE = 'data-card';

function keyTarget(el: EventTarget | null): KeyTarget {
  if (!(el instanceof HTMLElement)) return 'other';
  if (el.isContentEditable || el.matches('textarea, input, select')) return 'field';
  if (el.hasAttribute(CARD_ATTRIBUTE)) return 'card';
  if (el.matches('button, a[href], [role="radio"], summary')) return 'control';
  return 'other';
}

export function usePanelKeys(cursor: CardCursor, onAction: (action: PanelKeyAction) => void): void {
  const latest = useRef({ cursor, onAction });
  latest.current = { cursor, onAction };
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (e.defaultPrevented || e.isComposing) return;
      const action = panelKeyAction(
        { key: e.key, target: keyTarget(e.target), modified: e.ctrlKey || e.altKey || e.metaKey },
        latest.current.cursor,
      );
      if (!action) return;
      e.preventDefault(); // arrows would also scroll the list
      latest.current.onAction(action);
    };
    document.addEventListener('keydown', onKey);
    return () => document.removeEventListener('keydown', onKey);
  }, []);
}
