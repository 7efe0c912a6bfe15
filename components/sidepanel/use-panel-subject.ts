/**
 * What the panel shows for its tab: the page's article (asked of the background,
 * which learnt the page from its highlighter: `tab:page`), the article of Margin's
 * offline reader open in the tab (its id is in the reader's address), or nothing
 * (a page Margin cannot run on). Read again whenever `version` changes.
 * The article filed under the tab's address is read from the database meanwhile, so the
 * cards can paint before the background's answer (which confirms or corrects it) arrives.
 */
import { useCallback, useEffect, useRef, useState } from 'react';
import { findArticleByUrl, type MarginDb } from '@/utils/db';
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

/** The address of our own page in a tab: the browser may hide it from `tabs.get`, but the window is ours to read. */
function ownPageUrl(tabId: number): string | undefined {
  const [view] = browser.extension.getViews?.({ type: 'tab', tabId }) ?? [];
  return view?.location.href;
}

/** What the panel knows of a page before the background answers: its address and title. */
function pageFromTab(url: string, title: string | undefined): PageInfo {
  return { pageUrl: url, canonicalUrl: null, title: title ?? url, author: null, site: null, published: null, lang: null };
}

/**
 * @param early - called with the article filed under the tab's own address, read here
 *   while the background asks the page (`tab:page` is a round trip through the tab), so
 *   the first paint need not wait for it; the background's answer then confirms or corrects it
 */
async function readSubject(db: MarginDb, tabId: number, early: (subject: PanelSubject) => void): Promise<PanelSubject> {
  const tab = await browser.tabs.get(tabId).catch(() => null);
  const url = tab?.url ?? ownPageUrl(tabId);
  const target = panelTarget(url, browser.runtime.getURL('/'));
  if (target.kind === 'offline') return { kind: 'offline', tabId, articleId: target.articleId };
  // The background may still remember the page this tab showed before it went to a browser page.
  if (target.kind === 'unsupported' || !url) return { kind: 'none', tabId };
  const answer = marginMessenger.sendMessage('tab:page', { tabId }).catch(() => ({ page: null, articleId: null }));
  void findArticleByUrl(db, url)
    .then((article) => article && early({ kind: 'page', tabId, page: pageFromTab(url, tab?.title), articleId: article.id }))
    .catch(() => undefined);
  const { page, articleId } = await answer;
  // No page: the highlighter does not run there or has not started yet (the tab's
  // `complete` update reads it again).
  return page ? { kind: 'page', tabId, page, articleId } : { kind: 'none', tabId };
}

export function usePanelSubject(db: MarginDb, tabId: number | null | undefined, version: number): PanelSubjectState {
  const [subject, setSubject] = useState<PanelSubject>({ kind: 'loading' });
  const asked = useRef(0);

  const refresh = useCallback(async () => {
    const ask = ++asked.current;
    if (tabId === undefined) return;
    let settled = false;
    // A newer question (the user switched tabs meanwhile) wins; the final answer beats the early one.
    const early = (s: PanelSubject) => ask === asked.current && !settled && setSubject(s);
    const next = tabId === null ? ({ kind: 'none', tabId: null } as const) : await readSubject(db, tabId, early);
    settled = true;
    if (ask === asked.current) setSubject(next);
  }, [db, tabId]);

  useEffect(() => void refresh(), [refresh, version]);
  return { subject, refresh };
}
