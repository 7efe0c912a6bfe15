/**
 * `panel:focus` from the background: the user clicked a highlight on the page. When
 * it is in the panel's tab, `onFocus` opens its card.
 */
import { useEffect, useRef } from 'react';
import { panelMessenger } from '@/utils/messaging/panel-protocol';

export function usePanelFocus(tabId: number | null, onFocus: (id: string) => void): void {
  const latest = useRef(onFocus);
  latest.current = onFocus;
  useEffect(() => {
    if (tabId === null) return;
    // One handler per message type in a page: it is replaced whenever the tab changes.
    return panelMessenger.onMessage('panel:focus', ({ data }) => {
      if (data.tabId === tabId) latest.current(data.id);
    });
  }, [tabId]);
}
