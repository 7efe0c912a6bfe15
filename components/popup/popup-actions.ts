/**
 * What the popup's buttons do and say, apart from React and the browser: the count
 * line, Save for offline and Reader view. The messages and the window come in as
 * `PopupDeps`, so Node tests drive them.
 */
import type { HighlightRecord } from '@/utils/db/schema';
import { isMarginError, type MarginError } from '@/utils/messaging/margin-protocol';
import type { ReaderToggleResult } from '@/utils/messaging/reader-protocol';

/** Highlights shown on the page, and those kept although their passage was not found. */
export function highlightCounts(highlights: readonly Pick<HighlightRecord, 'anchor'>[]): {
  placed: number;
  notFound: number;
} {
  return {
    placed: highlights.filter((h) => h.anchor === 'anchored' || h.anchor === 'weak').length,
    notFound: highlights.filter((h) => h.anchor === 'orphaned').length,
  };
}

/** The browser calls the popup's actions make. */
export interface PopupDeps {
  saveOffline: (tabId: number) => Promise<{ savedAt: number } | MarginError>;
  toggleReader: (tabId: number) => Promise<ReaderToggleResult>;
  /** Reads the tab's article again (its offline copy changed). */
  refresh: () => Promise<void>;
  /** Closes the popup, unless it was opened as a page of its own. */
  close: () => void;
  showMessage: (text: string) => void;
}

/** The popup's actions on the tab it was opened over; with no tab they do nothing. */
export function popupActions(tabId: number | null, deps: PopupDeps) {
  return {
    async saveOffline(): Promise<void> {
      if (tabId === null) return;
      deps.showMessage('Saving…');
      const result = await deps.saveOffline(tabId);
      deps.showMessage(isMarginError(result) ? result.error : 'Saved for offline reading.');
      await deps.refresh();
    },
    async openReader(): Promise<void> {
      if (tabId === null) return;
      const result = await deps.toggleReader(tabId);
      if (result.state === 'error') deps.showMessage(result.message);
      else if (result.state === 'no-article') deps.showMessage('Margin found no article on this page.');
      else deps.close();
    },
  };
}
