/**
 * Side panel open → every card painted, in real Chromium with the built extension:
 * 200 highlights on one page, made through the extension (`highlight:create` from an
 * extension page, then placed by the page's highlighter), and the panel's page opened
 * bound to that tab (`sidepanel.html?tab=<id>`; Playwright cannot open the browser's
 * side panel itself). The panel stamps `data-paint-ms` (ms since its navigation
 * started) on the first frame that holds all its cards.
 *
 * Run alone: `node --import tsx bench/sidepanel-paint.ts` (after `npm run build`).
 */
import { resolve } from 'node:path';
import type { Page } from 'playwright-core';
import { chromiumAvailable, launchChromiumWithExtension, type ChromiumSession } from '../scripts/lib/chromium';
import { seedFromExtensionPage, type SeedHighlight } from '../scripts/lib/seed-highlights';
import { startServer } from '../scripts/serve';
import { median } from './stats';

export interface SidePanelPaintResult {
  highlights: number;
  /** Median over `runs` openings, ms. */
  medianMs: number;
  /** The first opening (the panel's bundle not yet in the browser's caches), ms. */
  firstMs: number;
  /** Baseline, opened alternately in the same browser: the panel beside a page with no highlights, ms. */
  emptyMedianMs: number;
  runs: number;
}

const COLOURS = ['yellow', 'green', 'blue', 'pink', 'purple'] as const;
const PATH = '/sidepanel-bench/';
const EMPTY_PATH = '/sidepanel-bench-empty/';

/** A long post of `n` paragraphs, each with one passage found nowhere else. */
function benchPage(n: number): string {
  const paragraphs = Array.from(
    { length: n },
    (_, i) =>
      `<p>Paragraph ${i} of the long read: the passage number ${i} begins here, and the rest of the sentence goes on about reading slowly, taking notes and coming back to them later.</p>`,
  );
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>A long read with ${n} highlights</title></head><body><article><h1>A long read</h1>${paragraphs.join('')}</article></body></html>`;
}

function seeds(n: number): SeedHighlight[] {
  return Array.from({ length: n }, (_, i) => ({
    exact: `the passage number ${i} begins here`,
    colour: COLOURS[i % COLOURS.length],
    // Realistic cards: some with a note, some with tags.
    note: i % 2 ? `A thought about passage ${i}, long enough to wrap onto a second line in the panel.` : '',
    tags: i % 3 ? [] : ['reading', `topic-${i % 7}`],
  }));
}

async function tabIdOf(session: ChromiumSession, page: Page): Promise<number> {
  return session.controlPage.evaluate(async (url) => {
    const [tab] = (await chrome.tabs.query({ url })).sort((a, b) => (b.id ?? 0) - (a.id ?? 0));
    if (tab?.id == null) throw new Error(`no tab with ${url}`);
    return tab.id;
  }, page.url());
}

async function seed(session: ChromiumSession, page: Page, n: number): Promise<number> {
  const tabId = await tabIdOf(session, page);
  for (let i = 0; ; i++) {
    try {
      await session.controlPage.evaluate(seedFromExtensionPage, { tabId, highlights: seeds(n) });
      break;
    } catch (error) {
      // The highlighter starts at document_idle.
      if (i > 50 || !String(error).includes('no highlighter')) throw error;
      await page.waitForTimeout(100);
    }
  }
  // A fresh load places them all and reports their positions (page order).
  await page.reload();
  await page.waitForFunction((n) => {
    let count = 0;
    for (const [name, h] of (CSS as unknown as { highlights: Map<string, Set<Range>> }).highlights) if (name !== 'margin-focus') count += h.size;
    return count >= n;
  }, n);
  return tabId;
}

async function openOnce(session: ChromiumSession, tabId: number, n: number): Promise<number> {
  const panel = await session.context.newPage();
  await panel.setViewportSize({ width: 400, height: 800 });
  await panel.goto(`chrome-extension://${session.extensionId}/sidepanel.html?tab=${tabId}`);
  const main = panel.locator('main[data-paint-ms]');
  await main.waitFor({ state: 'attached', timeout: 15_000 });
  const cards = Number(await main.getAttribute('data-painted-cards'));
  if (cards !== n) throw new Error(`the first painted frame held ${cards} cards, not ${n}`);
  const ms = Number(await main.getAttribute('data-paint-ms'));
  await panel.close();
  return ms;
}

/** Runs the benchmark; null when Chromium is not installed. */
export async function runSidePanelPaintBench(highlights = 200, runs = 11): Promise<SidePanelPaintResult | null> {
  if (!chromiumAvailable()) return null;
  const server = await startServer({ root: resolve('demo') });
  server.setOverride(PATH, benchPage(highlights));
  server.setOverride(EMPTY_PATH, benchPage(highlights));
  const session = await launchChromiumWithExtension();
  try {
    const page = await session.context.newPage();
    await page.goto(new URL(PATH, server.url).href, { waitUntil: 'load' });
    const tabId = await seed(session, page, highlights);
    const empty = await session.context.newPage();
    await empty.goto(new URL(EMPTY_PATH, server.url).href, { waitUntil: 'load' });
    const emptyTabId = await tabIdOf(session, empty);
    await page.bringToFront();
    const times: number[] = [];
    const emptyTimes: number[] = [];
    for (let i = 0; i < runs; i++) {
      times.push(await openOnce(session, tabId, highlights));
      emptyTimes.push(await openOnce(session, emptyTabId, 0));
    }
    return { highlights, medianMs: median(times), firstMs: times[0]!, emptyMedianMs: median(emptyTimes), runs };
  } finally {
    await session.close();
    await server.close();
  }
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const result = await runSidePanelPaintBench();
  console.log(result ?? 'skipped: no Chromium');
}
