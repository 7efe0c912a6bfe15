/**
 * Reading progress in one view of an article: on open, asks where the reader was
 * (`reading:position`; null when the article is not on the reading list, and then
 * nothing more happens) and moves there; then reports the position while the reader
 * scrolls (`reading-position-reporter.ts`: ≤ 1 report per 2 s, one more when the page
 * is hidden or left). Only trusted scroll events count, and even those only say
 * "look again": the position is read from the layout. Plain DOM, no React.
 */
import { shouldRestore, type ReadingPosition } from '@/utils/reading-list/reading-position';
import { createProgressReporter } from '@/utils/reading-list/reading-position-reporter';
import { measurePosition, restorePosition, type ReadingView } from './reading-view';

/** How a view asks for and reports its article's position (messages to the background). */
export interface ReadingChannel {
  /** The stored position; null when the article is not on the reading list. */
  position(): Promise<ReadingPosition | null>;
  report(position: ReadingPosition): void;
}

export interface TrackReadingOptions {
  view: ReadingView;
  channel: ReadingChannel;
  /** What scrolls: `window` for a page, the reader's scrolling element. */
  scroller: EventTarget;
  /** The window the view is in: its `pagehide`, its document's `visibilitychange`. */
  win: Window;
  /** Whether to move to the stored place now (a view just opened), and whether the view was already moved. */
  restore: false | { scrolled(): boolean; fragment: boolean };
  /** Stops everything (the content script's context, the component's unmount). */
  signal: AbortSignal;
}

export interface ReadingTracker {
  /** Resolves once the position was asked for (and restored): whether the article is listed. */
  ready: Promise<boolean>;
  /** Reports a move not yet reported, then stops (the reader view closes). */
  stop(): void;
}

export function trackReading({ view, channel, scroller, win, restore, signal }: TrackReadingOptions): ReadingTracker {
  const stopped = new AbortController();
  const done = AbortSignal.any ? AbortSignal.any([signal, stopped.signal]) : signal;
  const reporter = createProgressReporter({
    measure: () => measurePosition(view),
    send: (position) => channel.report(position),
    now: () => Date.now(),
    setTimer: (run, ms) => win.setTimeout(run, ms),
    clearTimer: (timer) => win.clearTimeout(timer),
  });

  function restoreTo(position: ReadingPosition): void {
    restorePosition(view, position);
    // The restore's own scroll is where the reader already was: not a move to report.
    reporter.settledAt(measurePosition(view));
  }

  async function start(): Promise<boolean> {
    const position = await channel.position().catch(() => null);
    if (!position || done.aborted) return false;
    if (restore && shouldRestore(position, { scrolled: restore.scrolled(), fragment: restore.fragment })) {
      restoreTo(position);
      // Images still loading push the text down: once they are in, move again, unless the reader moved since.
      if (win.document.readyState !== 'complete') {
        const restoredAt = view.scrollOffset();
        win.addEventListener('load', () => view.scrollOffset() === restoredAt && restoreTo(position), {
          once: true,
          signal: done,
        });
      }
    }
    const options = { capture: true, passive: true, signal: done };
    scroller.addEventListener('scroll', (e) => e.isTrusted && reporter.scrolled(), options);
    win.addEventListener('pagehide', () => reporter.flush(), { signal: done });
    win.document.addEventListener(
      'visibilitychange',
      () => win.document.visibilityState === 'hidden' && reporter.flush(),
      { signal: done },
    );
    return true;
  }

  signal.addEventListener('abort', () => reporter.stop(), { once: true });
  return {
    ready: start(),
    stop() {
      reporter.flush();
      reporter.stop();
      stopped.abort();
    },
  };
}
