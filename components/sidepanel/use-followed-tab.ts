/**
 * The tab the side panel is beside: the bound one (`?tab=<id>`), or the active tab of
 * the panel's window, followed as the user switches tabs. `version` goes up when the
 * shown tab navigates (also in-app) or changes its title, so what it shows is read again.
 */
import { useEffect, useRef, useState } from 'react';
import { followTab, type FollowState, type TabEvent } from '@/utils/sidepanel/follow-tab';

export interface FollowedTab {
  /** undefined while the first answer is awaited. */
  tabId: number | null | undefined;
  version: number;
}

/** The tab the panel's start found beside it (`panel-start.ts`); windowId is known when following. */
export interface FoundTab {
  tabId: number | null;
  windowId: number | null;
}

/**
 * @param found - the tab and window already found: shown from the first render
 */
export function useFollowedTab(bound: number | null, found?: FoundTab): FollowedTab {
  const [shown, setShown] = useState<FollowedTab>({ tabId: found ? found.tabId : (bound ?? undefined), version: 0 });
  const state = useRef<FollowState>({
    tabId: found ? found.tabId : bound,
    windowId: found?.windowId ?? null,
    bound: bound !== null,
  });

  // biome-ignore lint/correctness/useExhaustiveDependencies: the listeners live as long as the panel; `found` only seeds the first render
  useEffect(() => {
    let live = true;
    const apply = (event: TabEvent) => {
      const action = followTab(state.current, event);
      if (!action) return;
      if (action.type === 'show') state.current = { ...state.current, tabId: action.tabId };
      setShown((s) => ({ tabId: state.current.tabId, version: s.version + 1 }));
    };
    const onActivated = (info: { tabId: number; windowId: number }) => apply({ type: 'activated', ...info });
    const onUpdated = (tabId: number, change: { url?: string; title?: string; status?: string }) =>
      apply({ type: 'updated', tabId, change: { url: change.url, title: change.title, status: change.status } });
    const onRemoved = (tabId: number) => apply({ type: 'removed', tabId });
    browser.tabs.onActivated.addListener(onActivated);
    browser.tabs.onUpdated.addListener(onUpdated);
    browser.tabs.onRemoved.addListener(onRemoved);

    if (bound === null) {
      // The panel's own window: its active tab is the page beside it. Asked again when the
      // start found it already: the user may have switched tabs before these listeners were on.
      void Promise.all([browser.windows.getCurrent(), browser.tabs.query({ active: true, currentWindow: true })])
        .then(([win, [tab]]) => {
          if (!live) return;
          const unchanged = found && state.current.tabId === (tab?.id ?? null);
          state.current = { ...state.current, windowId: win.id ?? null, tabId: tab?.id ?? null };
          if (!unchanged) setShown((s) => ({ tabId: state.current.tabId, version: s.version + 1 }));
        })
        .catch(() => live && !found && setShown((s) => ({ tabId: null, version: s.version + 1 })));
    }
    return () => {
      live = false;
      browser.tabs.onActivated.removeListener(onActivated);
      browser.tabs.onUpdated.removeListener(onUpdated);
      browser.tabs.onRemoved.removeListener(onRemoved);
    };
    // `found` counts only at the first render: later, the tab events say where the panel is.
  }, [bound]);

  return shown;
}
