import { afterEach, beforeEach, describe, expect, test, vi } from 'vitest';
import type { ReadingPosition } from './reading-position';
import { createProgressReporter, REPORT_INTERVAL_MS, SETTLE_MS } from './reading-position-reporter';

/** A view whose scroll position the test sets; the reporter measures it when a report is due. */
function setup() {
  let at: ReadingPosition | null = { progress: 0, resumeQuote: null };
  const sent: ReadingPosition[] = [];
  const reporter = createProgressReporter({
    measure: () => at,
    send: (p) => sent.push(p),
    now: () => Date.now(),
    setTimer: (run, ms) => setTimeout(run, ms),
    clearTimer: (t) => clearTimeout(t),
  });
  const scrollTo = (progress: number) => {
    at = { progress, resumeQuote: `quote at ${progress}` };
    reporter.scrolled();
  };
  return { reporter, sent, scrollTo, setEmpty: () => (at = null) };
}

beforeEach(() => vi.useFakeTimers());
afterEach(() => vi.useRealTimers());

describe('progress reports', () => {
  test('a scroll is reported once it settles, with where the view is then', () => {
    const { sent, scrollTo } = setup();
    scrollTo(0.1);
    scrollTo(0.2);
    expect(sent).toEqual([]);
    vi.advanceTimersByTime(SETTLE_MS);
    expect(sent).toEqual([{ progress: 0.2, resumeQuote: 'quote at 0.2' }]);
  });

  test('scrolling without pause sends at most one report per interval, and the last place last', () => {
    const { sent, scrollTo } = setup();
    // 10 s of scrolling, an event every 16 ms.
    for (let t = 0; t < 10_000; t += 16) {
      scrollTo(t / 10_000);
      vi.advanceTimersByTime(16);
    }
    vi.advanceTimersByTime(REPORT_INTERVAL_MS);
    expect(sent.length).toBeLessThanOrEqual(10_000 / REPORT_INTERVAL_MS + 1);
    expect(sent.length).toBeGreaterThanOrEqual(4);
    expect(sent.at(-1)?.progress).toBeCloseTo(0.9984, 3);
  });

  test('leaving the page reports at once, without waiting for the interval', () => {
    const { reporter, sent, scrollTo } = setup();
    scrollTo(0.3);
    vi.advanceTimersByTime(SETTLE_MS);
    scrollTo(0.6);
    reporter.flush();
    expect(sent.map((p) => p.progress)).toEqual([0.3, 0.6]);
    vi.advanceTimersByTime(REPORT_INTERVAL_MS * 2);
    expect(sent).toHaveLength(2);
  });

  test('opening an article and leaving without scrolling reports nothing (the stored place stays)', () => {
    const { reporter, sent } = setup();
    reporter.flush();
    vi.advanceTimersByTime(REPORT_INTERVAL_MS * 2);
    expect(sent).toEqual([]);
  });

  test('a scroll back to the place already reported (or restored) sends nothing', () => {
    const { reporter, sent, scrollTo } = setup();
    reporter.settledAt({ progress: 0.5, resumeQuote: 'quote at 0.5' });
    scrollTo(0.5);
    vi.advanceTimersByTime(REPORT_INTERVAL_MS);
    expect(sent).toEqual([]);
  });

  test('a view without text reports nothing; a stopped reporter neither', () => {
    const { reporter, sent, scrollTo, setEmpty } = setup();
    setEmpty();
    reporter.scrolled();
    vi.advanceTimersByTime(REPORT_INTERVAL_MS);
    scrollTo(0.4);
    reporter.stop();
    vi.advanceTimersByTime(REPORT_INTERVAL_MS);
    reporter.flush();
    expect(sent).toEqual([]);
  });
});
