/**
 * Which tab the side panel shows as the user moves around: the active tab of the
 * panel's window, read again when that tab navigates (a new address, also in-app, or
 * a new title) — unless the panel is bound to one tab (`?tab=<id>`), when only that
 * tab's own changes count. A side panel belongs to one window (Chrome's `side_panel`,
 * Firefox's sidebar alike), so another window's tab switches are not its business.
 */

/** What the browser told the panel (`tabs.onActivated`, `tabs.onUpdated`, `tabs.onRemoved`). */
export type TabEvent =
  | { type: 'activated'; tabId: number; windowId: number }
  | { type: 'updated'; tabId: number; change: { url?: string; title?: string; status?: string } }
  | { type: 'removed'; tabId: number };

export interface FollowState {
  /** The tab shown, null before the first answer or after it closed. */
  tabId: number | null;
  /** The panel's window; null when unknown (then every activation counts). */
  windowId: number | null;
  /** Bound to one tab: activations elsewhere are ignored. */
  bound: boolean;
}

/** `show`: switch to this tab; `reload`: the same tab shows something new; null: nothing to do. */
export type FollowAction = { type: 'show'; tabId: number | null } | { type: 'reload' } | null;

/** @return what the panel should do about `event` */
export function followTab(state: FollowState, event: TabEvent): FollowAction {
  switch (event.type) {
    case 'activated':
      if (state.bound || event.tabId === state.tabId) return null;
      if (state.windowId !== null && event.windowId !== state.windowId) return null;
      return { type: 'show', tabId: event.tabId };
    case 'updated': {
      if (event.tabId !== state.tabId) return null;
      const { url, title, status } = event.change;
      // `complete` after a load: the highlighter has answered by then, so the page is known.
      return url !== undefined || title !== undefined || status === 'complete' ? { type: 'reload' } : null;
    }
    case 'removed':
      return event.tabId === state.tabId ? { type: 'show', tabId: null } : null;
  }
}
