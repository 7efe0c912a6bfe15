/**
 * A page that attacks Margin, in a real browser with the built extension (issue #11, "Tests that
 * attack"), written once for Chromium and Firefox. The page (`demo/hostile-annotator/`) runs its
 * own script before Margin's content script and all the time: it logs every key, input,
 * clipboard, focus and message event it can see, walks every open shadow root, reads
 * CSS.highlights, fires synthetic events at everything it reaches, replays what it observed, and
 * rewrites Margin's reader overlay; what it learns is on `window.__loot`, read from the page's
 * main world.
 *
 * Highlights, notes and tags are seeded from the extension's side (its data layer, in the
 * options page); one note is typed for real into whichever note editor Margin shows. Each attack
 * is its own test, on a fresh tab and fresh records. Other tenants of a shared host are served
 * from the local server (each driver resolves their names to 127.0.0.1). The browser's steps are
 * a `HostileBrowser` (hostile-browser.ts); attack 7 is in hostile-messages-scenario.ts.
 */
import { resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, test, type TestOptions } from 'vitest';
import { startServer } from '../../scripts/serve';
import type { HostileBrowser, HostileTab } from './hostile-browser';
import { readStoredInExtensionPage, seedInExtensionPage, type SeedArticle, type StoredState } from './hostile-db';
import { HOSTILE_PATH, SECRET_PASSAGE, TYPED_PASSAGE, paintedTexts, seededArticle } from './hostile-driver';

export const sleep = (ms: number) => new Promise((ok) => setTimeout(ok, ms));

/** One browser's run of the scenario. */
export interface HostileSuite {
  /** The describe block's title, e.g. "a hostile page in Chromium". */
  title: string;
  /** Why the browser cannot run here, or null. */
  skip: string | null;
  launch(): Promise<HostileBrowser>;
  /** Options for single tests, by the start of their name (e.g. `'attack 3'`), each with its reason beside it. */
  testOptions?: Record<string, TestOptions>;
  /**
   * Whether attack 3's user also extends a selection with Shift+ArrowRight before Escape.
   * Chromium's suite always did; Firefox's never did (puppeteer presses no chords).
   */
  shiftArrow?: boolean;
}

/** What a group of attacks gets: the running browser and server, and the steps they share. */
export interface HostileContext {
  suite: HostileSuite;
  browser(): HostileBrowser;
  server(): Awaited<ReturnType<typeof startServer>>;
  hostileUrl(): string;
  stored(): Promise<StoredState>;
  seed(articles: SeedArticle[]): Promise<Record<string, string>>;
  /** Opens `url` in a new tab and waits until `paints` are painted (all of them, or exactly them). */
  openPainted(url: string, paints: string[], exactly?: boolean): Promise<HostileTab>;
  /** Seeds the hostile page's article and opens it, painted. */
  openHostile(): Promise<HostileTab>;
  /** `test()` with the suite's options for `name`. */
  test(name: string, body: () => Promise<void>): void;
}

/**
 * Describes `suite`: one browser and one local server for the block, and each of `attacks`
 * (functions that declare tests) run against them.
 */
export function describeHostile(suite: HostileSuite, attacks: ((ctx: HostileContext) => void)[]): void {
  describe.skipIf(suite.skip)(`${suite.title}${suite.skip ? ` (${suite.skip})` : ''}`, () => {
    let server: Awaited<ReturnType<typeof startServer>>;
    let browser: HostileBrowser;

    beforeAll(async () => {
      server = await startServer({ root: resolve('demo') });
      browser = await suite.launch();
    });
    afterAll(async () => {
      await browser?.close();
      await server?.close();
    });

    const ctx: HostileContext = {
      suite,
      browser: () => browser,
      server: () => server,
      hostileUrl: () => new URL(HOSTILE_PATH, server.url).href,
      stored: () => browser.control.evaluate(readStoredInExtensionPage, undefined),
      seed: (articles) => browser.control.evaluate(seedInExtensionPage, articles),
      async openPainted(url, paints, exactly = false) {
        const tab = await browser.open(url);
        await expect
          .poll(() => paintedTexts(tab), { timeout: 15_000, message: `${url}: the seeded highlights are painted` })
          .toEqual(exactly ? paints : expect.arrayContaining(paints));
        return tab;
      },
      async openHostile() {
        await ctx.seed([seededArticle(ctx.hostileUrl())]);
        return ctx.openPainted(ctx.hostileUrl(), [SECRET_PASSAGE, TYPED_PASSAGE]);
      },
      test(name, body) {
        const options = Object.entries(suite.testOptions ?? {}).find(([start]) => name.startsWith(start))?.[1];
        if (options) test(name, options, body);
        else test(name, body);
      },
    };
    for (const declare of attacks) declare(ctx);
  });
}
