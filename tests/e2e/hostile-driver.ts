/**
 * Driving the hostile page (`demo/hostile-annotator/`) for hostile-page.*.test.ts: what the
 * user keeps private there, reading what the page's script collected (`window.__loot`) and
 * searching it for that, running the page's attacks on demand, and reading what is painted.
 * Functions handed to `evaluate` are self-contained, for Playwright and puppeteer alike.
 */
import type { SeedArticle } from './hostile-db';

export const HOSTILE_PATH = '/hostile-annotator/';
export const HOSTILE_TITLE = "The Ferry Keeper's Year";

/** Seeded with a private note, tags and a page note. */
export const SECRET_PASSAGE = 'The river changes its course a little every spring';
export const SECRET_NOTE = 'PRIVATE: ask Dana about the layoffs before Friday';
export const SECRET_TAGS = ['secret-tag-xyz', 'hr-confidential-qq'];
export const SECRET_PAGE_NOTE = 'Heron sighting log stays between us';
/** Seeded without a note: the user types one for real. */
export const TYPED_PASSAGE = 'the ferry keeps a paper timetable in the wheelhouse';
export const TYPED_NOTE = 'Quarterly numbers for Aurelia look wrong';
/** Highlighted by the user (trusted) after the page's attacks. */
export const TRUSTED_PASSAGE = 'light turns the water the colour of tea';
/** What the page's script tries to plant (demo/hostile-annotator/hostile.js). */
export const PLANTED = ['PLANTED BY THE PAGE', 'planted-by-page'];

/**
 * Words only the user's private text contains (the article, the page's script and Margin's UI
 * never do): any of them in what the page collected is a leak.
 */
export const PRIVATE_NEEDLES = [
  'ask Dana',
  'layoffs',
  'secret-tag-xyz',
  'hr-confidential',
  'Heron sighting',
  'Aurelia',
  'Quarterly numbers',
];

/** The article as seeded on `pageUrl`: two highlights, one with the private note and tags. */
export function seededArticle(pageUrl: string): SeedArticle {
  return {
    pageUrl,
    title: HOSTILE_TITLE,
    pageNote: SECRET_PAGE_NOTE,
    highlights: [
      { quote: SECRET_PASSAGE, colour: 'green', note: SECRET_NOTE, tags: SECRET_TAGS },
      { quote: TYPED_PASSAGE, colour: 'blue' },
    ],
  };
}

/** A mouse either library gives (Playwright's and puppeteer's have these three alike). */
export interface Mouse {
  move(x: number, y: number, options?: { steps?: number }): Promise<void>;
  down(): Promise<void>;
  up(): Promise<void>;
}

/** Presses `mouse` at `from`, moves to `to` in 8 steps and releases: a selection made by hand. */
export async function drag(mouse: Mouse, from: { x: number; y: number }, to: { x: number; y: number }): Promise<void> {
  await mouse.move(from.x, from.y);
  await mouse.down();
  await mouse.move(to.x, to.y, { steps: 8 });
  await mouse.up();
}

/** A page either driver gives: `evaluate(fn, arg)`. */
export interface Evaluates {
  evaluate<A, R>(fn: (arg: A) => R | Promise<R>, arg: A): Promise<R>;
}

export interface Loot {
  events: { type: string; trusted: boolean; key: string; data: string; value: string }[];
  keys: string;
  texts: string[];
  attributes: string[];
  values: string[];
  highlightNames: string[];
  highlightTexts: string[];
  messages: string[];
  openShadowHosts: string[];
  caughtRoots: number;
  reader: { seen: boolean; readable: boolean; rewritten: boolean; text: string };
  replayedCustomEvents: string[];
  actions: string[];
  rounds: number;
  errors: string[];
}

/** Everything the page's script collected. */
export function lootOf(page: Evaluates): Promise<Loot> {
  // A fresh walk first, so what is on screen now is in it.
  return page.evaluate(() => {
    const w = window as unknown as { __hostile: { walk(): void }; __loot: unknown };
    w.__hostile.walk();
    return JSON.parse(JSON.stringify(w.__loot)) as Loot;
  }, undefined);
}

/**
 * Where in the page's loot each needle shows (case-insensitive), as `needle in category`;
 * empty when nothing leaked.
 */
export function leaks(loot: Loot, needles: readonly string[]): string[] {
  const found: string[] = [];
  for (const [category, value] of Object.entries(loot)) {
    const text = (typeof value === 'string' ? value : JSON.stringify(value)).toLowerCase();
    for (const needle of needles) if (text.includes(needle.toLowerCase())) found.push(`"${needle}" in ${category}`);
  }
  return found;
}

/** Runs one round of the page's synthetic events (or a replay), and waits for it to end. */
export async function pageAttacks(page: Evaluates, what: 'attack' | 'replay' | 'spoof'): Promise<void> {
  await page.evaluate(async (what) => {
    await (window as unknown as { __hostile: Record<string, () => Promise<void> | void> }).__hostile[what]!();
  }, what);
}

/** Stops the page's own timers (its listeners and mutation watching stay). */
export async function stopPageTimers(page: Evaluates): Promise<void> {
  await page.evaluate(() => (window as unknown as { __hostile: { stop(): void } }).__hostile.stop(), undefined);
}

/**
 * The text of every painted highlight (Custom Highlight API ranges named `margin-*`, or the
 * `<mark>` fallback), on the page and in an open reader overlay the page can see.
 */
export function paintedTexts(page: Evaluates): Promise<string[]> {
  return page.evaluate(() => {
    const texts: string[] = [];
    const registry = (globalThis as unknown as { CSS?: { highlights?: Map<string, Set<Range>> } }).CSS?.highlights;
    for (const [name, set] of registry ?? []) {
      if (!name.startsWith('margin')) continue;
      for (const r of set) if (!r.collapsed) texts.push(r.toString());
    }
    const marks = new Map<string, string>();
    for (const m of document.querySelectorAll('mark[data-margin-id]')) {
      const id = m.getAttribute('data-margin-id')!;
      marks.set(id, (marks.get(id) ?? '') + m.textContent);
    }
    return [...texts, ...marks.values()].sort();
  }, undefined);
}

/** Viewport points of a painted highlight of `quote` (scrolled into view), or null while it is not painted. */
export function highlightPoint(page: Evaluates, quote: string): Promise<{ x: number; y: number } | null> {
  return page.evaluate((quote) => {
    const registry = (globalThis as unknown as { CSS?: { highlights?: Map<string, Set<Range>> } }).CSS?.highlights;
    for (const [name, set] of registry ?? []) {
      if (!name.startsWith('margin')) continue;
      for (const r of set) {
        if (r.toString() !== quote) continue;
        r.startContainer.parentElement!.scrollIntoView({ block: 'center', behavior: 'instant' as ScrollBehavior });
        const box = r.getClientRects()[0]!;
        return { x: box.left + Math.min(6, box.width / 2), y: box.top + box.height / 2 };
      }
    }
    // The <mark> fallback: the first mark of the highlight whose marks spell the quote.
    const marks = new Map<string, Element[]>();
    for (const m of document.querySelectorAll('mark[data-margin-id]')) {
      const id = m.getAttribute('data-margin-id')!;
      marks.set(id, [...(marks.get(id) ?? []), m]);
    }
    for (const group of marks.values()) {
      if (group.map((m) => m.textContent).join('') !== quote) continue;
      group[0]!.scrollIntoView({ block: 'center', behavior: 'instant' as ScrollBehavior });
      const box = group[0]!.getClientRects()[0]!;
      return { x: box.left + Math.min(6, box.width / 2), y: box.top + box.height / 2 };
    }
    return null;
  }, quote);
}

/**
 * Viewport points at the start and end of the first occurrence of `phrase` (scrolled into view),
 * for a real mouse drag across it.
 */
export function phraseEnds(
  page: Evaluates,
  phrase: string,
): Promise<{ from: { x: number; y: number }; to: { x: number; y: number } }> {
  return page.evaluate((phrase) => {
    const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
    for (let n = walker.nextNode(); n; n = walker.nextNode()) {
      const at = (n as Text).data.indexOf(phrase);
      if (at < 0) continue;
      n.parentElement!.scrollIntoView({ block: 'center', behavior: 'instant' as ScrollBehavior });
      const range = document.createRange();
      range.setStart(n, at);
      range.setEnd(n, at + 1);
      const first = range.getClientRects()[0]!;
      range.setStart(n, at + phrase.length - 1);
      range.setEnd(n, at + phrase.length);
      const last = range.getClientRects()[0]!;
      return {
        from: { x: first.left + 0.5, y: first.top + first.height / 2 },
        to: { x: last.right - 0.5, y: last.top + last.height / 2 },
      };
    }
    throw new Error(`"${phrase}" is not on the page`);
  }, phrase);
}

/** The page's HTML served at another address, claiming `canonical` as its canonical link. */
export function withCanonical(html: string, canonical: string): string {
  return html.replace('</title>', `</title>\n<link rel="canonical" href="${canonical}">`);
}
