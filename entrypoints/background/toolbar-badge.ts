/**
 * The number on Margin's toolbar button, by the user's setting (`badge-settings.ts`):
 * the highlights on the page in each tab (the annotation service says how many as each
 * tab opens its page), the unread articles on the reading list (one number for every
 * tab, kept live with the database: an import in the library or a sync changes it too),
 * or nothing. A tab's own text (the reader's "!") still wins over the shared number.
 */
import { liveQuery, type Subscription } from 'dexie';
import type { MarginDb } from '@/utils/db';
import { badgeText, type BadgeCount } from '@/utils/settings/badge-settings';
import { loadBadgeSettings, watchBadgeSettings } from '@/utils/settings/badge-settings-store';

const BADGE_COLOUR = '#6e40c9';

/** The toolbar button is `action` in MV3 and `browserAction` in Firefox's MV2 build. */
function toolbarAction() {
  return browser.action ?? browser.browserAction;
}

const quietly = (done: Promise<unknown> | undefined) => void done?.catch(() => undefined);

export interface ToolbarBadge {
  /** The page in `tabId` has `count` highlights (shown when the badge counts them). */
  pageCount(tabId: number, count: number): void;
  forgetTab(tabId: number): void;
}

/**
 * @param unread - how many articles are unread on the reading list, read in a live query
 */
export function startToolbarBadge(db: Promise<MarginDb>, unread: (db: MarginDb) => Promise<number>): ToolbarBadge {
  const action = toolbarAction();
  const pageCounts = new Map<number, number>();
  let mode: BadgeCount = 'page-highlights';
  let watching: Subscription | null = null;

  const setTab = (tabId: number, text: string | null) =>
    // null drops the tab's own text, so the shared one shows (both browsers).
    quietly(action.setBadgeText({ tabId, text: text as string }));
  const setShared = (text: string) => quietly(action.setBadgeText({ text }));

  function apply(next: BadgeCount): void {
    mode = next;
    watching?.unsubscribe();
    watching = null;
    quietly(action.setBadgeBackgroundColor?.({ color: BADGE_COLOUR }));
    if (next === 'page-highlights') {
      setShared('');
      for (const [tabId, count] of pageCounts) setTab(tabId, badgeText(count));
      return;
    }
    for (const tabId of pageCounts.keys()) setTab(tabId, null);
    setShared('');
    if (next === 'unread') {
      void db.then((opened) => {
        if (mode !== 'unread' || watching) return;
        watching = liveQuery(() => unread(opened)).subscribe({
          next: (count) => mode === 'unread' && setShared(badgeText(count)),
          error: (error: unknown) => console.warn('Margin: counting unread articles failed', error),
        });
      });
    }
  }

  void loadBadgeSettings().then((s) => apply(s.badgeCount));
  watchBadgeSettings((s) => apply(s.badgeCount));

  return {
    pageCount(tabId, count) {
      pageCounts.set(tabId, count);
      if (mode !== 'page-highlights') return;
      setTab(tabId, badgeText(count));
      quietly(action.setBadgeBackgroundColor?.({ tabId, color: BADGE_COLOUR }));
    },
    forgetTab(tabId) {
      pageCounts.delete(tabId);
    },
  };
}
