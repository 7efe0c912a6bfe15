/**
 * The reader suites' browsers (reader-scenario.ts), one driver each: Chromium through
 * Playwright, its closed shadow roots read over the DevTools protocol (highlight-driver.ts);
 * Firefox through puppeteer over WebDriver BiDi (firefox-shadow.ts). A tab listens for the
 * page's dialogs from its first byte on, so a test can tell the load's from its own.
 */
import type { Page as PlaywrightPage } from 'playwright-core';
import type { Page as PuppeteerPage } from 'puppeteer-core';
import { launchChromiumWithExtension, toggleReader as toggleChromium } from '../../scripts/lib/chromium';
import type { ReaderToggle } from '../../scripts/lib/reader-toggle';
import { launchFirefoxWithExtension, toggleReader as toggleFirefox } from '../../scripts/lib/firefox';
import * as firefoxShadow from './firefox-shadow';
import * as chromiumShadow from './highlight-driver';

export interface Viewport {
  width: number;
  height: number;
}

/** One tab of a browser with the built extension. `evaluate` runs in the page's main world. */
export interface ReaderTab {
  evaluate<A, R>(fn: (arg: A) => R | Promise<R>, arg: A): Promise<R>;
  title(): Promise<string>;
  /** A real key press. */
  press(key: string): Promise<void>;
  /** How many elements in the page's own DOM match `selector`. */
  count(selector: string): Promise<number>;
  /** Runs `fn` on `selector` inside `<host>`'s closed shadow root; null when there is none. */
  inShadow<T>(host: string, selector: string, fn: (this: Element, arg: unknown) => T, arg?: unknown): Promise<T | null>;
  /** A real mouse click on `selector` inside `<host>`'s shadow root. */
  clickInShadow(host: string, selector: string): Promise<void>;
  /** Toggles the reader view as the popup would. */
  toggleReader(): Promise<ReaderToggle>;
  /** The messages of the alerts, confirms and prompts the page raised (each dismissed), so far. */
  dialogs: string[];
  screenshot(path: string): Promise<void>;
  close(): Promise<void>;
}

export interface ReaderBrowser {
  /** Opens `url` in a new tab, sized `viewport` if given, and waits for it to load. */
  open(url: string, viewport?: Viewport): Promise<ReaderTab>;
  close(): Promise<void>;
}

/** Chromium with the Chrome build, in a fresh profile. */
export async function launchChromiumReader(): Promise<ReaderBrowser> {
  const session = await launchChromiumWithExtension();
  return {
    async open(url, viewport) {
      const page: PlaywrightPage = await session.context.newPage();
      const dialogs: string[] = [];
      page.on('dialog', (d) => {
        dialogs.push(d.message());
        void d.dismiss().catch(() => undefined);
      });
      if (viewport) await page.setViewportSize(viewport);
      await page.goto(url);
      return {
        evaluate: (fn, arg) => page.evaluate(fn as (arg: unknown) => unknown, arg) as never,
        title: () => page.title(),
        press: (key) => page.keyboard.press(key),
        count: (selector) => page.locator(selector).count(),
        inShadow: (host, selector, fn, arg) => chromiumShadow.inShadow(page, host, selector, fn, arg),
        clickInShadow: (host, selector) => chromiumShadow.clickInShadow(page, host, selector),
        toggleReader: () => toggleChromium(session, page),
        dialogs,
        screenshot: async (path) => void (await page.screenshot({ path })),
        close: () => page.close(),
      };
    },
    close: () => session.close(),
  };
}

/** Firefox ESR with the Firefox build, in a fresh profile. */
export async function launchFirefoxReader(): Promise<ReaderBrowser> {
  const session = await launchFirefoxWithExtension();
  return {
    async open(url, viewport) {
      const page: PuppeteerPage = await session.newPage();
      const dialogs: string[] = [];
      // Listening before the page loads: an unanswered dialog would block its load event.
      page.on('dialog', (d) => {
        dialogs.push(d.message());
        void d.dismiss().catch(() => undefined);
      });
      if (viewport) await page.setViewport(viewport);
      await page.goto(url);
      return {
        evaluate: (fn, arg) => page.evaluate(fn as never, arg as never) as never,
        title: () => page.title(),
        press: (key) => page.keyboard.press(key as never),
        count: (selector) => page.$$eval(selector, (els) => els.length),
        inShadow: (host, selector, fn, arg) => firefoxShadow.inShadow(page, host, selector, fn, arg),
        clickInShadow: (host, selector) => firefoxShadow.clickInShadow(page, host, selector),
        toggleReader: () => toggleFirefox(session, page),
        dialogs,
        screenshot: async (path) => void (await page.screenshot({ path })),
        close: () => page.close(),
      };
    },
    close: () => session.close(),
  };
}
