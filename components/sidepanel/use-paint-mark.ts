/**
 * Stamps an element once, when the first frame showing `ready` content has reached the
 * screen, for `npm run bench`: `attribute` gets the ms since the page's navigation
 * started (opening the panel). For the panel's first frame, `data-painted-cards` says
 * how many cards that frame held and `data-painted-covers` whether they reached past
 * the bottom of the panel (or were all there are): the frame was the screenful the user
 * sees, not a partial one.
 * A task queued from a frame callback runs after that frame is painted.
 */
import { useLayoutEffect, useRef, type RefObject } from 'react';
import { CARD_ATTRIBUTE } from './use-panel-keys';

export function usePaintMark(target: RefObject<HTMLElement | null>, ready: boolean, attribute = 'data-paint-ms'): void {
  const done = useRef(false);
  useLayoutEffect(() => {
    const el = target.current;
    if (!ready || done.current || !el) return;
    done.current = true;
    const cards = el.querySelectorAll(`[${CARD_ATTRIBUTE}]`);
    const total = el.querySelector('[data-count="cards"]')?.textContent;
    requestAnimationFrame(() =>
      setTimeout(() => {
        el.setAttribute(attribute, performance.now().toFixed(1));
        if (attribute !== 'data-paint-ms') return;
        el.setAttribute('data-painted-cards', String(cards.length));
        // Read after the time is taken: it lays the page out.
        const last = cards[cards.length - 1];
        const covers =
          String(cards.length) === total || (last !== undefined && last.getBoundingClientRect().bottom >= innerHeight);
        el.setAttribute('data-painted-covers', String(covers));
      }),
    );
  }, [ready, target, attribute]);
}
