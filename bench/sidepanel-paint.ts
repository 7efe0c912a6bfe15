/**
 * Side panel open → cards painted, in real Chromium with the built extension: 200
 * highlights on one page, made through the extension (`highlight:create` from an
 * extension page, then placed by the page's highlighter), and the panel's page opened
 * bound to that tab (`sidepanel.html?tab=<id>`; Playwright cannot open the browser's
 * side panel itself).
 *
 * The panel stamps `data-paint-ms` (ms since its navigation started) once the frame
 * holding its page note and first screenful of cards has been painted, and
 * `data-all-cards-ms` once every card is in the page (`use-paint-mark.ts`).
 *
 * Measured side by side, in one browser, opened in turn (the order rotates each round,
 * so a busy moment on a shared machine does not land on one row only):
 * - the panel beside the page with 200 highlights;
 * - the same panel beside a page with none (what the cards add);
 * - the floor: a bare page of the extension with no script at all, timed by the
 *   browser's own first-contentful-paint, and the same page with one tiny module script
 *   stamping its first painted frame the way the panel does. No extension page can
 *   paint sooner in this browser; the bench's copy of the build carries these pages
 *   (the extension itself does not ship them).
 *
 * Run alone: `node --import tsx bench/sidepanel-paint.ts [runs]` (after `npm run build`).
 */
import { cpSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import type { Page } from 'playwright-core';
import {
  CHROME_BUILD_DIR,
  chromiumAvailable,
  launchChromiumWithExtension,
  type ChromiumSession,
} from '../scripts/lib/chromium';
import { seedFromExtensionPage, type SeedHighlight } from '../scripts/lib/seed-highlights';
import { startServer } from '../scripts/serve';
import { median } from './stats';

export interface SidePanelPaintResult {
  highlights: number;
  /** Median over `runs` openings: page note and first screenful of cards painted, ms. */
  medianMs: number;
  /** Median: every one of the cards in the page (the rest follow the first screenful), ms. */
  allCardsMedianMs: number;
  /** The first opening (the panel's bundle not yet in the browser's caches), ms. */
  firstMs: number;
  /** The same panel beside a page with no highlights, ms (median). */
  emptyMedianMs: number;
  /** Floor: a bare extension page, no script, first-contentful-paint, ms (median). */
  floorMedianMs: number;
  /** Floor: the bare page with one module script stamping its first painted frame as the panel does, ms (median). */
  floorScriptMedianMs: number;
  /** The least disturbed opening of each (fastest), ms: on a shared machine, the medians carry others' load. */
  best: { cardsMs: number; emptyMs: number; floorMs: number; floorScriptMs: number };
  runs: number;
}

const COLOURS = ['yellow', 'green', 'blue', 'pink', 'purple'] as const;
const PATH = '/sidepanel-bench/';
const EMPTY_PATH = '/sidepanel-bench-empty/';
const FLOOR_PAGE = 'bench-floor.html';
const FLOOR_SCRIPT_PAGE = 'bench-floor-script.html';

/** A long post of `n` paragraphs, each with one passage found nowhere else. */
export function benchPage(n: number): string {
  const paragraphs = Array.from(
    { length: n },
    (_, i) =>
      `<p>Paragraph ${i} of the long read: the passage number ${i} begins here, and the rest of the sentence goes on about reading slowly, taking notes and coming back to them later.</p>`,
  );
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>A long read with ${n} highlights</title></head><body><article><h1>A long read</h1>${paragraphs.join('')}</article></body></html>`;
}

export function seeds(n: number): SeedHighlight[] {
  return Array.from({ length: n }, (_, i) => ({
    exact: `the passage number ${i} begins here`,
    colour: COLOURS[i % COLOURS.length],
    // Realistic cards: some with a note, some with tags.
    note: i % 2 ? `A thought about passage ${i}, long enough to wrap onto a second line in the panel.` : '',
    tags: i % 3 ? [] : ['reading', `topic-${i % 7}`],
  }));
}

export async function tabIdOf(session: ChromiumSession, page: Page): Promise<number> {
  return session.controlPage.evaluate(async (url) => {
    const [tab] = (await chrome.tabs.query({ url })).sort((a, b) => (b.id ?? 0) - (a.id ?? 0));
    if (tab?.id == null) throw new Error(`no tab with ${url}`);
    return tab.id;
  }, page.url());
}

/** Makes `n` highlights on `page` through the extension, reloads it and waits until all are placed. */
export async function seed(session: ChromiumSession, page: Page, n: number): Promise<number> {
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
    for (const [name, h] of (CSS as unknown as { highlights: Map<string, Set<Range>> }).highlights)
      if (name !== 'margin-focus') count += h.size;
    return count >= n;
  }, n);
  return tabId;
}

/**
 * A copy of the built extension with the floor pages added: a bare page (the panel's
 * stylesheet-free minimum: some text), and the same with one module script that stamps
 * its first painted frame exactly as `use-paint-mark.ts` does.
 */
function buildWithFloorPages(build: string): string {
  const dir = mkdtempSync(join(tmpdir(), 'margin-bench-ext-'));
  cpSync(build, dir, { recursive: true });
  const body = '<main><h1>Margin</h1><p>A bare extension page: nothing to load, nothing to run.</p></main>';
  writeFileSync(
    join(dir, FLOOR_PAGE),
    `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>floor</title></head><body>${body}</body></html>`,
  );
  writeFileSync(
    join(dir, FLOOR_SCRIPT_PAGE),
    `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>floor</title><script type="module" src="/bench-floor.js"></script></head><body>${body}</body></html>`,
  );
  writeFileSync(
    join(dir, 'bench-floor.js'),
    `requestAnimationFrame(() => setTimeout(() => document.querySelector('main').setAttribute('data-paint-ms', performance.now().toFixed(1))));\n`,
  );
  return dir;
}

interface Opening {
  /** The page's own stamp (or, for the bare page, its first-contentful-paint), ms. */
  ms: number;
  /** Every card in the page, ms (the panel only). */
  allMs: number;
}

/** Playwright's own script, injected into a page the first time it is asked anything there, takes tens of ms of the page's main thread: nothing is asked before the page has painted. */
const SETTLE_MS = 1500;

interface Stamps {
  paint: number | null;
  all: number | null;
  painted: number;
  covers: string | null;
  count: number;
  fcp: number | null;
}

async function open(session: ChromiumSession, path: string, expectCards: number | null): Promise<Opening> {
  const panel = await session.context.newPage();
  try {
    await panel.setViewportSize({ width: 400, height: 800 });
    await panel.goto(`chrome-extension://${session.extensionId}/${path}`, { waitUntil: 'commit' });
    await new Promise((resolve) => setTimeout(resolve, SETTLE_MS));
    const read = () =>
      panel.evaluate((): Stamps => {
        const main = document.querySelector('main');
        const list = document.querySelector('[data-list="cards"]');
        // No named inner functions: tsx would wrap them in a helper the page does not have.
        const paint = main?.getAttribute('data-paint-ms');
        const all = list?.getAttribute('data-all-cards-ms');
        return {
          paint: paint == null ? null : Number(paint),
          all: all == null ? null : Number(all),
          painted: Number(main?.getAttribute('data-painted-cards') ?? 0),
          covers: main?.getAttribute('data-painted-covers') ?? null,
          count: document.querySelectorAll('[data-list="cards"] [data-card]').length,
          fcp: performance.getEntriesByName('first-contentful-paint')[0]?.startTime ?? null,
        };
      });
    let stamps = await read();
    for (let i = 0; i < 100 && (path === FLOOR_PAGE ? stamps.fcp : stamps.paint) === null; i++) {
      await panel.waitForTimeout(100);
      stamps = await read();
    }
    // No script in the bare page: the browser's own paint timing says when it first painted.
    if (path === FLOOR_PAGE) return { ms: stamps.fcp!, allMs: stamps.fcp! };
    if (stamps.paint === null) throw new Error(`${path} never stamped its first paint`);
    const ms = stamps.paint;
    if (expectCards === null) return { ms, allMs: ms };
    if (stamps.painted === expectCards) return { ms, allMs: ms }; // every card was in the first frame
    // Honest: the first frame held the page's first screenful, down past the panel's bottom edge.
    if (!(stamps.painted > 0) || stamps.covers !== 'true')
      throw new Error(`the first painted frame held ${stamps.painted} cards, not a screenful`);
    for (let i = 0; i < 100 && stamps.all === null; i++) {
      await panel.waitForTimeout(100);
      stamps = await read();
    }
    if (stamps.count !== expectCards) throw new Error(`the panel holds ${stamps.count} cards, not ${expectCards}`);
    return { ms, allMs: stamps.all! };
  } finally {
    await panel.close();
  }
}

/** Runs the benchmark; null when Chromium is not installed. */
export async function runSidePanelPaintBench(
  highlights = 200,
  runs = 15,
  build = CHROME_BUILD_DIR,
): Promise<SidePanelPaintResult | null> {
  if (!chromiumAvailable()) return null;
  const server = await startServer({ root: resolve('demo') });
  server.setOverride(PATH, benchPage(highlights));
  server.setOverride(EMPTY_PATH, benchPage(highlights));
  const extensionDir = buildWithFloorPages(build);
  const session = await launchChromiumWithExtension({ extensionDir });
  try {
    const page = await session.context.newPage();
    await page.goto(new URL(PATH, server.url).href, { waitUntil: 'load' });
    const tabId = await seed(session, page, highlights);
    const empty = await session.context.newPage();
    await empty.goto(new URL(EMPTY_PATH, server.url).href, { waitUntil: 'load' });
    const emptyTabId = await tabIdOf(session, empty);
    await page.bringToFront();
    const kinds = [
      { path: `sidepanel.html?tab=${tabId}`, cards: highlights as number | null, times: [] as Opening[] },
      { path: `sidepanel.html?tab=${emptyTabId}`, cards: 0, times: [] as Opening[] },
      { path: FLOOR_PAGE, cards: null, times: [] as Opening[] },
      { path: FLOOR_SCRIPT_PAGE, cards: null, times: [] as Opening[] },
    ];
    for (let i = 0; i < runs; i++) {
      for (let k = 0; k < kinds.length; k++) {
        const kind = kinds[(i + k) % kinds.length]!;
        kind.times.push(await open(session, kind.path, kind.cards));
      }
    }
    const [cards, none, floor, floorScript] = kinds.map((k) => k.times) as [Opening[], Opening[], Opening[], Opening[]];
    if (process.env.BENCH_VERBOSE)
      for (const k of kinds)
        console.log(k.path, k.times.map((t) => `${t.ms.toFixed(0)}/${t.allMs.toFixed(0)}`).join(' '));
    return {
      highlights,
      medianMs: median(cards.map((t) => t.ms)),
      allCardsMedianMs: median(cards.map((t) => t.allMs)),
      firstMs: cards[0]!.ms,
      emptyMedianMs: median(none.map((t) => t.ms)),
      floorMedianMs: median(floor.map((t) => t.ms)),
      floorScriptMedianMs: median(floorScript.map((t) => t.ms)),
      best: {
        cardsMs: Math.min(...cards.map((t) => t.ms)),
        emptyMs: Math.min(...none.map((t) => t.ms)),
        floorMs: Math.min(...floor.map((t) => t.ms)),
        floorScriptMs: Math.min(...floorScript.map((t) => t.ms)),
      },
      runs,
    };
  } finally {
    await session.close();
    await server.close();
    rmSync(extensionDir, { recursive: true, force: true });
  }
}

if (import.meta.url === `file://${process.argv[1]}`) {
  // A second argument: another build to measure (e.g. an older one, for a before/after).
  const result = await runSidePanelPaintBench(
    200,
    Number(process.argv[2] ?? 15),
    process.argv[3] ? resolve(process.argv[3]) : CHROME_BUILD_DIR,
  );
  if (!result) console.log('skipped: no Chromium');
  else {
    const f = (ms: number) => `${ms.toFixed(0).padStart(5)} ms`;
    const { best } = result;
    console.log(`Side panel open → painted, Chromium, ${result.runs} openings each, side by side: median (fastest)`);
    console.log(
      `  ${result.highlights} highlights, page note and first screenful: ${f(result.medianMs)} (${f(best.cardsMs)})`,
    );
    console.log(`  ${result.highlights} highlights, every card in the page:        ${f(result.allCardsMedianMs)}`);
    console.log(`  no highlights:                                     ${f(result.emptyMedianMs)} (${f(best.emptyMs)})`);
    console.log(`  floor, bare extension page, no script (FCP):       ${f(result.floorMedianMs)} (${f(best.floorMs)})`);
    console.log(
      `  floor, bare page + one stamping script:            ${f(result.floorScriptMedianMs)} (${f(best.floorScriptMs)})`,
    );
    console.log(`  first open of the 200-card panel: ${f(result.firstMs)}`);
  }
}
