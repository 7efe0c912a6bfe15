/**
 * The `open-side-panel` command in Chrome: opens the side panel beside the tab the
 * command was pressed in. Firefox has no `sidePanel` API and needs none: it opens its
 * sidebar for the `_execute_sidebar_action` command itself.
 */

/** The part of Chrome's `sidePanel` API this uses. */
export interface SidePanelApi {
  open(options: { tabId: number }): Promise<void>;
}

/**
 * Calls `sidePanel.open` synchronously: Chrome accepts it only during the user's gesture,
 * which does not outlive the command's event (an `await` before it would lose it).
 * @param sidePanel - `browser.sidePanel`; undefined in Firefox or without the permission
 * @param tab - the tab the command names; without one nothing opens (a tab query would need an `await`)
 * @return whether the panel was asked to open
 */
export function openSidePanel(sidePanel: SidePanelApi | undefined, tab: { id?: number } | undefined): boolean {
  if (!sidePanel?.open || tab?.id == null || tab.id < 0) return false;
  sidePanel
    .open({ tabId: tab.id })
    .catch((error: unknown) => console.warn('Margin: the side panel did not open', error));
  return true;
}
