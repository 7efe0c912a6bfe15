/**
 * When a view reports its reading position: at most one report per interval while the
 * reader scrolls (the last place a scroll settled on is never lost: a report is
 * scheduled, not dropped), one more at once when the page is hidden or left, and none
 * when nothing moved (opening an article and closing it must not overwrite its stored
 * place with the top). The position is measured when the report is due, from the
 * layout; what the scroll event said is never read (a page can dispatch its own).
 * Clock, timers and layout come in as `ReporterDeps`, so Node tests drive it.
 */
import { samePosition, type ReadingPosition } from './reading-position';

/** At most one report per this many ms while scrolling (the contract's limit). */
export const REPORT_INTERVAL_MS = 2000;
/** A burst of scroll events settles this long before the first report of a scroll. */
export const SETTLE_MS = 300;

export interface ReporterDeps<Timer> {
  /** Reads the position from the view's layout now; null when it has no text. */
  measure(): ReadingPosition | null;
  send(position: ReadingPosition): void;
  now(): number;
  setTimer(run: () => void, ms: number): Timer;
  clearTimer(timer: Timer): void;
}

export interface ProgressReporter {
  /** The view scrolled (a trusted event): a report becomes due. */
  scrolled(): void;
  /** The page is being hidden or left: report now if the view moved since the last report. */
  flush(): void;
  /** Forgets the position reported last (a restore moved the view there without a report). */
  settledAt(position: ReadingPosition | null): void;
  stop(): void;
}

export function createProgressReporter<Timer>(
  deps: ReporterDeps<Timer>,
  interval = REPORT_INTERVAL_MS,
): ProgressReporter {
  let moved = false;
  let lastSentAt = Number.NEGATIVE_INFINITY;
  let last: ReadingPosition | null = null;
  let timer: Timer | null = null;
  let stopped = false;

  function report(): void {
    timer = null;
    if (stopped || !moved) return;
    moved = false;
    const position = deps.measure();
    if (!position || samePosition(position, last)) return;
    last = position;
    lastSentAt = deps.now();
    deps.send(position);
  }

  return {
    scrolled() {
      if (stopped) return;
      moved = true;
      if (timer !== null) return;
      const wait = Math.max(SETTLE_MS, lastSentAt + interval - deps.now());
      timer = deps.setTimer(report, wait);
    },
    flush() {
      if (timer !== null) deps.clearTimer(timer);
      report();
    },
    settledAt(position) {
      last = position;
    },
    stop() {
      if (timer !== null) deps.clearTimer(timer);
      timer = null;
      stopped = true;
    },
  };
}
