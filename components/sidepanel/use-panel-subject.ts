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
  return {
    pageUrl: url,
    canonicalUrl: null,
    title: title ?? url,
    author: null,
    site: null,
    published: null,
    lang: null,
  };
}

/** What the panel already knows of its tab (following the active tab, the query for it answered with it). */
export interface KnownTab {
  url?: string;
  title?: string;
}

/**
 * @param early - called with the article filed under the tab's own address, read here
 *   while the background asks the page (`tab:page` is a round trip through the tab), so
 *   the first paint need not wait for it; the background's answer then confirms or corrects it
 * @param known - the tab as already read (its address and title), saving a `tabs.get`
 */
export async function readSubject(
  db: MarginDb,
  tabId: number,
  early: (subject: PanelSubject) => void,
  known?: KnownTab,
): Promise<PanelSubject> {
  const tab = known?.url ? known : await browser.tabs.get(tabId).catch(() => null);
  const url = tab?.url ?? ownPageUrl(tabId);
  const target = panelTarget(url, browser.runtime.getURL('/'));
  if (target.kind === 'offline') return { kind: 'offline', tabId, articleId: target.articleId };
  // The background may still remember the page this tab showed before it went to a browser page.
  if (target.kind === 'unsupported' || !url) return { kind: 'none', tabId };
  const answer = marginMessenger.sendMessage('tab:page', { tabId }).catch(() => ({ page: null, articleId: null }));
  void findArticleByUrl(db, url)
    .then(
      (article) => article && early({ kind: 'page', tabId, page: pageFromTab(url, tab?.title), articleId: article.id }),
    )
    .catch(() => undefined);
  const { page, articleId } = await answer;
  // No page: the highlighter does not run there or has not started yet (the tab's
  // `complete` update reads it again).
  return page ? { kind: 'page', tabId, page, articleId } : { kind: 'none', tabId };
}

/** The subject the panel's start already found (`panel-start.ts`), and the background's answer if it is still to come. */
export interface HandedSubject {
  subject: Exclude<PanelSubject, { kind: 'loading' }>;
  final: Promise<PanelSubject> | null;
}

/**
 * @param handed - what the panel's start found for `tabId`: shown from the first render,
 *   and only the background's answer still awaited (the tab is not asked about twice)
 */
export function usePanelSubject(
  db: MarginDb,
  tabId: number | null | undefined,
  version: number,
  handed?: HandedSubject,
): PanelSubjectState {
  const [subject, setSubject] = useState<PanelSubject>(handed?.subject ?? { kind: 'loading' });
  const asked = useRef(0);
  const pending = useRef(handed ?? null);

  const refresh = useCallback(async () => {
    const ask = ++asked.current;
    if (tabId === undefined) return;
    const start = pending.current;
    pending.current = null;
    if (start && start.subject.tabId === tabId) {
      const next = start.final && (await start.final);
      if (next && ask === asked.current) setSubject(next);
      return;
    }
    let settled = false;
    // A newer question (the user switched tabs meanwhile) wins; the final answer beats the early one.
    const early = (s: PanelSubject) => ask === asked.current && !settled && setSubject(s);
    const next = tabId === null ? ({ kind: 'none', tabId: null } as const) : await readSubject(db, tabId, early);
    settled = true;
    if (ask === asked.current) setSubject(next);
  }, [db, tabId]);

  // biome-ignore lint/correctness/useExhaustiveDependencies: version is the trigger: a change elsewhere reads the subject again
  useEffect(() => void refresh(), [refresh, version]);
  return { subject, refresh };
}
