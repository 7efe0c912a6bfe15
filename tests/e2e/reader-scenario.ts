/**
 * The frame of the reader suites, for either browser (reader-driver.ts): one browser and one
 * local server (`demo/`) for a describe block, tabs opened under addresses no other tab has (so
 * the reader toggle reaches that tab) and closed after each test, even a failing one. The tests
 * themselves are in reader-view-tests.ts and reader-typography-tests.ts.
 */
import { resolve } from 'node:path';
import { afterAll, afterEach, beforeAll, describe } from 'vitest';
import { startServer } from '../../scripts/serve';
import type { ReaderBrowser, ReaderTab, Viewport } from './reader-driver';

/** One browser's run of a reader suite. */
export interface ReaderSuite {
  /** "Chromium" or "Firefox": in titles, logs and screenshot names (lower-cased). */
  browser: 'Chromium' | 'Firefox';
  /** Why the browser cannot run here, or null. */
  skip: string | null;
  launch(): Promise<ReaderBrowser>;
}

/** What a suite's tests get. */
export interface ReaderContext {
  suite: ReaderSuite;
  server(): Awaited<ReturnType<typeof startServer>>;
  /** Opens the demo page at `path` in a new tab (closed after the test). */
  open(path: string, viewport?: Viewport): Promise<ReaderTab>;
}

/** Describes `${title} in ${browser}` and declares each of `tests` in it. */
export function describeReaderSuite(title: string, suite: ReaderSuite, tests: ((ctx: ReaderContext) => void)[]): void {
  const skip = suite.skip;
  describe.skipIf(skip)(`${title} in ${suite.browser}${skip ? ` (${skip})` : ''}`, () => {
    let server: Awaited<ReturnType<typeof startServer>>;
    let browser: ReaderBrowser;
    const opened: ReaderTab[] = [];
    let tabs = 0;

    beforeAll(async () => {
      server = await startServer({ root: resolve('demo') });
      browser = await suite.launch();
    });
    afterEach(async () => {
      await Promise.all(opened.splice(0).map((tab) => tab.close().catch(() => undefined)));
    });
    afterAll(async () => {
      await browser?.close();
      await server?.close();
    });

    const ctx: ReaderContext = {
      suite,
      server: () => server,
      async open(path, viewport) {
        const tab = await browser.open(new URL(`${path}?tab=${++tabs}`, server.url).href, viewport);
        opened.push(tab);
        return tab;
      },
    };
    for (const declare of tests) declare(ctx);
  });
}
