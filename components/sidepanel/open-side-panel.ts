/**
 * Opens Margin's side panel beside a tab: Chrome/Edge's `sidePanel.open`, Firefox's
 * `sidebarAction.open`. Both need the user's gesture: call this straight from a click
 * handler, with nothing awaited before it.
 */

interface ChromeSidePanel {
  open(options: { tabId?: number; windowId?: number }): Promise<void>;
}
interface FirefoxSidebarAction {
  open(): Promise<void>;
}

/** The browser's side panel API, whichever this browser has; null when it has neither. */
function panelApi(): { open(tabId: number): Promise<void> } | null {
  const g = globalThis as {
    chrome?: { sidePanel?: ChromeSidePanel };
    browser?: { sidebarAction?: FirefoxSidebarAction };
  };
  const sidebar = g.browser?.sidebarAction;
  if (sidebar) return { open: () => sidebar.open() };
  const sidePanel = g.chrome?.sidePanel;
  // With `side_panel.default_path` set, opening for the tab shows the window's panel, which follows tab switches.
  if (sidePanel) return { open: (tabId) => sidePanel.open({ tabId }) };
  return null;
}

/** Whether this browser can show Margin beside the page. */
export function canOpenSidePanel(): boolean {
  return panelApi() !== null;
}

/** @return rejects with a message a person can read when the browser refused */
export function openSidePanel(tabId: number): Promise<void> {
  const api = panelApi();
  if (!api) return Promise.reject(new Error('This browser has no side panel for extensions.'));
  return api.open(tabId);
}
