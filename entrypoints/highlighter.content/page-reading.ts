/**
 * Reading progress on the live page: once the page's article is known (`page:open`),
 * asks the background where the reader was and, the first time this article is opened
 * in the tab, moves there; then reports the position while the page scrolls. Only for
 * articles on the reading list (the background answers null for the others, and then
 * nothing is sent). Paused while the reader view covers the page: the reader reports
 * its own position then.
 */
import type { ContentScriptContext } from 'wxt/utils/content-script-context';
import { pageReadingChannel } from '@/components/reading/reading-channels';
import type { ReadingView } from '@/components/reading/reading-view';
import { trackReading, type ReadingTracker } from '@/components/reading/track-reading';

/** After the reader view closes, the page scrolls back to where it was: not a move of the reader's. */
const RESUME_AFTER_READER_MS = 1000;

const pageView: ReadingView = {
  textRoot: () => document.body,
  top: () => 0,
  scrollBy: (dy) => window.scrollBy({ top: dy, behavior: 'instant' as ScrollBehavior }),
  scrollOffset: () => window.scrollY,
  atEnd: () => window.scrollY > 0 && window.scrollY + window.innerHeight >= document.documentElement.scrollHeight - 2,
};

export interface PageReading {
  /** The page's article after a `page:open` when it is on the reading list (null: none, or not listed): follow it. */
  articleKnown(articleId: string | null): void;
  /** The page was just saved for later: follow it from here (no move). */
  listed(articleId: string): void;
  /** The reader view opened over the page. */
  pause(): void;
  /** The reader view closed. */
  resume(): void;
}

export function createPageReading(ctx: ContentScriptContext): PageReading {
  let tracker: ReadingTracker | null = null;
  let articleId: string | null = null;
  let paused = false;
  /** Whether the background said the followed article is on the reading list (null: asking). */
  let listedNow: boolean | null = null;
  /** Articles already moved to in this tab: a repaint or a return to the article does not move the page again. */
  const restored = new Set<string>();

  function follow(restore: boolean): void {
    tracker?.stop();
    tracker = null;
    if (!articleId || paused) return;
    const first = restore && !restored.has(articleId);
    restored.add(articleId);
    const mine = trackReading({
      view: pageView,
      channel: pageReadingChannel(),
      scroller: window,
      win: window,
      restore: first && { scrolled: () => window.scrollY > 0, fragment: location.hash.length > 1 },
      signal: ctx.signal,
    });
    tracker = mine;
    listedNow = null;
    void mine.ready.then((listed) => tracker === mine && (listedNow = listed));
  }

  return {
    articleKnown(id) {
      // The same article again (a repaint): ask again only if it was not listed, it may be now.
      if (id === articleId && (paused || (tracker && listedNow !== false))) return;
      articleId = id;
      follow(true);
    },
    listed(id) {
      articleId = id;
      restored.add(id);
      follow(false);
    },
    pause() {
      paused = true;
      tracker?.stop();
      tracker = null;
    },
    resume() {
      paused = false;
      ctx.setTimeout(() => !paused && !tracker && follow(false), RESUME_AFTER_READER_MS);
    },
  };
}
