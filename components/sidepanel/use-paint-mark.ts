/**
 * Stamps an element once, when the first frame showing `ready` content reached the
 * screen: `data-paint-ms` (ms since the page's navigation started: opening the panel)
 * and `data-painted-cards` (how many cards that frame held), for `npm run bench`.
 * A task queued from a frame callback runs after that frame is painted.
 */
import { useLayoutEffect, useRef, type RefObject } from 'react';

export function usePaintMark(target: RefObject<HTMLElement | null>, ready: boolean, cards: number): void {
  const done = useRef(false);
  useLayoutEffect(() => {
    if (!ready || done.current) return;
    done.current = true;
    requestAnimationFrame(() =>
      setTimeout(() => {
        target.current?.setAttribute('data-paint-ms', performance.now().toFixed(1));
        target.current?.setAttribute('data-painted-cards', String(cards));
      }),
    );
  }, [ready, cards, target]);
}
