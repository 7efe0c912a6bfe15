/**
 * The panel's start, before React renders anything: opens the database, finds the tab
 * beside the panel, what it shows and its cards, all at once and in parallel where the
 * answers allow (the tab's address is needed to find its article, the article to read
 * its cards). Asked from inside React, each step would wait for a render, a commit and
 * the effects after a painted frame; asked here, the first render already holds the
 * page note and the cards.
 *
 * React then takes over what was started: the subject (the background's answer may
 * still be coming), the followed tab, and the live query of the cards, still subscribed.
 */
import { createMarginDb, type MarginDb } from '@/utils/db';
import { openPanelData, type PanelDataSource } from './panel-data';
import type { FoundTab } from './use-followed-tab';
import { readSubject, type HandedSubject, type KnownTab } from './use-panel-subject';

export interface PanelStart {
  db: MarginDb;
  /** `?tab=<id>`: the tab the panel is bound to; null when it follows the active tab. */
  bound: number | null;
  /** The tab found beside the panel; absent when the start gave up waiting. */
  found?: FoundTab;
  subject?: HandedSubject;
  /** The live query of the subject's article, already answered once. */
  data: PanelDataSource | null;
}

/** Past this, the panel renders what it has and its hooks carry on (a tab that never answers must not leave it blank). */
const WAIT_MS = 2000;

async function findTab(bound: number | null): Promise<{ found: FoundTab; known?: KnownTab }> {
  if (bound !== null) return { found: { tabId: bound, windowId: null } };
  // Beside the page: the panel's window and the tab active in it (which comes with its address).
  const [win, [tab]] = await Promise.all([
    browser.windows.getCurrent(),
    browser.tabs.query({ active: true, currentWindow: true }),
  ]);
  return { found: { tabId: tab?.id ?? null, windowId: win.id ?? null }, known: tab };
}

/** The subject to show first: the early guess from the database, or the background's answer if it comes first. */
function firstSubject(db: MarginDb, tabId: number, known: KnownTab | undefined): Promise<HandedSubject> {
  return new Promise((resolve, reject) => {
    let shown = false;
    const final = readSubject(
      db,
      tabId,
      (early) => {
        if (shown) return;
        shown = true;
        resolve({ subject: early as HandedSubject['subject'], final });
      },
      known,
    );
    final.then((subject) => {
      if (shown) return;
      shown = true;
      resolve({ subject: subject as HandedSubject['subject'], final: null });
    }, reject);
  });
}

async function start(db: MarginDb, bound: number | null): Promise<Omit<PanelStart, 'db' | 'bound'>> {
  const { found, known } = await findTab(bound);
  if (found.tabId === null)
    return { found, subject: { subject: { kind: 'none', tabId: null }, final: null }, data: null };
  const subject = await firstSubject(db, found.tabId, known);
  const s = subject.subject;
  const data = openPanelData(db, s.kind === 'page' || s.kind === 'offline' ? s.articleId : null);
  await data.first;
  return { found, subject, data };
}

/**
 * Starts everything the first frame needs.
 * @return when it is all read, or after `WAIT_MS` with what is known by then
 */
export async function startPanel(bound: number | null): Promise<PanelStart> {
  const db = createMarginDb();
  // Opened now, while the tab is being asked about, not at the first query.
  void db.open().catch(() => undefined);
  const started = start(db, bound).catch(() => null);
  const timeout = new Promise<null>((resolve) => setTimeout(() => resolve(null), WAIT_MS));
  const ready = await Promise.race([started, timeout]);
  if (!ready) {
    // Too late for the first frame: whatever it opened is not handed over, so close it when it comes.
    void started.then((late) => late?.data?.close());
    return { db, bound, data: null };
  }
  return { db, bound, ...ready };
}
