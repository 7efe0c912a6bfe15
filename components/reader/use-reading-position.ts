/**
 * The reader's reading position (the reader view on a page, and the offline copy): once
 * the article is laid out, moves to where the reader was and reports while it scrolls
 * (`components/reading/track-reading.ts`). The reader's own box scrolls (`.mr-root`),
 * under its sticky toolbar; the article's text is its body.
 */
import { useEffect, useLayoutEffect, useRef, type RefObject } from 'react';
import type { ReadingView } from '@/components/reading/reading-view';
import { trackReading, type ReadingChannel, type ReadingTracker } from '@/components/reading/track-reading';

function readerView(scroller: HTMLElement, body: HTMLElement): ReadingView {
  return {
    textRoot: () => body,
    // Text under the sticky toolbar is not being read.
    top: () =>
      scroller.querySelector('.mr-toolbar')?.getBoundingClientRect().bottom ?? scroller.getBoundingClientRect().top,
    scrollBy: (dy) => scroller.scrollBy({ top: dy, behavior: 'instant' as ScrollBehavior }),
    scrollOffset: () => scroller.scrollTop,
    atEnd: () => scroller.scrollTop > 0 && scroller.scrollTop + scroller.clientHeight >= scroller.scrollHeight - 2,
  };
}

export function useReadingPosition(
  scrollerRef: RefObject<HTMLElement | null>,
  bodyRef: RefObject<HTMLElement | null>,
  channel: ReadingChannel | undefined,
): void {
  const tracker = useRef<ReadingTracker | null>(null);
  // Closing the reader is leaving the article: its last place is reported then, while the
  // article is still laid out (a layout effect's cleanup runs before React removes the DOM;
  // a passive one after, when there is nothing left to measure).
  useLayoutEffect(
    () => () => {
      tracker.current?.stop();
      tracker.current = null;
    },
    [],
  );
  useEffect(() => {
    const scroller = scrollerRef.current;
    const body = bodyRef.current;
    if (!channel || !scroller || !body) return;
    const win = scroller.ownerDocument.defaultView ?? window;
    const abort = new AbortController();
    // Two frames: the line measure and the fonts settle before the text is placed.
    const frame = win.requestAnimationFrame(() =>
      win.requestAnimationFrame(() => {
        if (abort.signal.aborted) return;
        tracker.current = trackReading({
          view: readerView(scroller, body),
          channel,
          scroller,
          win,
          restore: { scrolled: () => scroller.scrollTop > 0, fragment: false },
          signal: abort.signal,
        });
      }),
    );
    return () => {
      win.cancelAnimationFrame(frame);
      abort.abort();
    };
  }, [scrollerRef, bodyRef, channel]);
}
