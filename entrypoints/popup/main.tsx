import { createRoot } from 'react-dom/client';
import { PopupApp } from '@/components/popup/PopupApp';
import '@/components/popup/popup.css';

/** The tab the popup is about: the active one, or `?tab=<id>` when opened as a page (tests, the library). */
async function targetTabId(): Promise<number | null> {
  const fromQuery = Number(new URLSearchParams(location.search).get('tab'));
  if (Number.isInteger(fromQuery) && fromQuery > 0) return fromQuery;
  const [tab] = await browser.tabs.query({ active: true, currentWindow: true });
  return tab?.id ?? null;
}

void targetTabId().then((tabId) => createRoot(document.getElementById('root')!).render(<PopupApp tabId={tabId} />));
