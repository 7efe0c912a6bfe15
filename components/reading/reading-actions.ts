/**
 * What "Save for later" and the state buttons do and say, apart from React and the
 * browser (the popup and the side panel share them): the messages, the page's toast
 * and the window come in as `ReadingDeps`, so Node tests drive them.
 */
import type { ReadingStatus } from '@/utils/db/schema';
import { isMarginError, type MarginError, type SavedForLater } from '@/utils/messaging/margin-protocol';

/** The background's answer to `reading:save`. */
export type SaveAnswer = SavedForLater;

/** A change of an article's place on the reading list (`reading:set`); `status: null` removes it. */
export interface ReadingChange {
  status?: ReadingStatus | null;
  favourite?: boolean;
}

export interface ReadingDeps {
  save(tabId: number): Promise<SaveAnswer | MarginError>;
  set(articleId: string, change: ReadingChange): Promise<unknown>;
  /** Tells the page in the tab (a toast, and its highlighter starts following the reading position). */
  announce(tabId: number, answer: SaveAnswer): Promise<void>;
  /** Reads the tab's article again (saving may have filed it). */
  refresh(): Promise<void>;
  showMessage(text: string | null): void;
}

/** What the user reads after saving. */
export function saveMessage(answer: SaveAnswer | MarginError): string {
  if (isMarginError(answer)) return answer.error;
  if (answer.alreadyListed) return 'Already on your reading list.';
  return answer.offline
    ? 'Saved for later, with a copy to read offline.'
    : 'Saved for later. Margin found no article on this page to keep offline: the list opens the page itself.';
}

/** What the user reads after a state button. */
export function changeMessage(change: ReadingChange): string | null {
  if (change.status === null) return 'Removed from your reading list (its highlights and notes stay).';
  if (change.status === 'archived') return 'Marked as read.';
  if (change.status === 'unread') return 'Back to unread.';
  return null;
}

export function readingActions(deps: ReadingDeps) {
  return {
    async saveForLater(tabId: number): Promise<void> {
      deps.showMessage('Saving…');
      const answer = await deps.save(tabId).catch((e: unknown) => ({
        error: `Margin could not save this page: ${e instanceof Error ? e.message : String(e)}`,
      }));
      deps.showMessage(saveMessage(answer));
      if (isMarginError(answer)) return;
      await deps.refresh();
      await deps.announce(tabId, answer).catch(() => undefined);
    },
    async change(articleId: string, change: ReadingChange): Promise<void> {
      const answer = await deps.set(articleId, change).catch((e: unknown) => ({
        error: `Margin could not change the reading list: ${e instanceof Error ? e.message : String(e)}`,
      }));
      deps.showMessage(isMarginError(answer) ? answer.error : changeMessage(change));
    },
  };
}
