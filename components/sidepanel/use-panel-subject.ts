/**
 * What the panel shows for its tab: the page's article (asked of the background,
 * which learnt the page from its highlighter: `tab:page`), the article of Margin's
 * offline reader open in the tab (its id is in the reader's address), or nothing
 * (a page Margin cannot run on). Read again whenever `version` changes.
 */
import { useCallback, useEffect, useRef, useState } from 'react';
import { marginMessenger, type PageInfo } from '@/utils/messaging/margin-protocol';
import { panelTarget } from '@/utils/sidepanel/panel-target';

export type PanelSubject =
  | { kind: 'loading' }
  | { kind: 'none'; tabId: number | null }
  | { kind: 'page'; tabId: number; page: PageInfo; articleId: string | null }
  | { kind: 'offline'; tabId: number; articleId: string };

export interface PanelSubjectState {
  subject: PanelSubject;
  /** Reads the tab again (after a write that may have filed the article: the first page note). */
  refresh(): Promise<void>;
}

/** The tab's address; for our own pages the browser may hide it from `tabs.get`, but their window is ours to read. */
async function tabUrl(tabId: number): Promise<string | undefined> {
  const tab = await browser.tabs.get(tabId).catch(() => null);
  if (tab?.url) return tab.url;
  const [view] = browser.extension.getViews?.({ type: 'tab', tabId }) ?? [];
  return view?.location.href;
}

async function readSubject(tabId: number): Promise<PanelSubject> {
  const target = panelTarget(await tabUrl(tabId), browser.runtime.getURL('/'));
  if (target.kind === 'offline') return { kind: 'offline', tabId, articleId: target.articleId };
  // The background may still remember the page this tab showed before it went to a browser page.
  if (target.kind === 'unsupported') return { kind: 'none', tabId };
  const { page, articleId } = await marginMessenger
    .sendMessage('tab:page', { tabId })
    .catch(() => ({ page: null, articleId: null }));
  // No page: the highlighter does not run there (browser pages, stores) or has not started yet
  // (the tab's `complete` update reads it again).
  return page ? { kind: 'page', tabId, page, articleId } : { kind: 'none', tabId };
}

export function usePanelSubject(tabId: number | null | undefined, version: number): PanelSubjectState {
  const [subject, setSubject] = useState<PanelSubject>({ kind: 'loading' });
  const asked = useRef(0);

  const refresh = useCallback(async () => {
    const ask = ++asked.current;
    if (tabId === undefined) return;
    const next = tabId === null ? ({ kind: 'none', tabId: null } as const) : await readSubject(tabId);
    // A newer question (the user switched tabs meanwhile) wins.
    if (ask === asked.current) setSubject(next);
  }, [tabId]);

  useEffect(() => void refresh(), [refresh, version]);
  return { subject, refresh };
}
