/**
 * `panel:focus` from the background: the user clicked a highlight on the page. When
 * it is in the panel's tab, `onFocus` opens its card (`panel-focus-message.ts` checks
 * who sent it: content scripts reach extension pages too).
 */
import { useEffect, useRef } from 'react';
import { panelMessenger } from '@/utils/messaging/panel-protocol';

// The check needs the message schemas (zod): loaded once the panel has painted, not before it.
let check: Promise<typeof import('@/utils/sidepanel/panel-focus-message')> | null = null;
const loadCheck = () => (check ??= import('@/utils/sidepanel/panel-focus-message'));

export function usePanelFocus(tabId: number | null, onFocus: (id: string) => void): void {
  const latest = useRef(onFocus);
  latest.current = onFocus;
  useEffect(() => {
    if (tabId === null) return;
    // One handler per message type in a page: it is replaced whenever the tab changes.
    const self = { id: browser.runtime.id, origin: browser.runtime.getURL('/') };
    const idle = setTimeout(() => void loadCheck(), 500);
    const stop = panelMessenger.onMessage('panel:focus', async ({ data, sender }) => {
      const { panelFocusTarget } = await loadCheck();
      const id = panelFocusTarget(data, sender, self, tabId);
      if (id !== null) latest.current(id);
    });
    return () => {
      clearTimeout(idle);
      stop();
    };
  }, [tabId]);
}
