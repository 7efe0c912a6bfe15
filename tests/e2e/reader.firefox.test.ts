/**
 * The reader view in real Firefox (Debian's ESR) with the Firefox build installed, on pages served
 * from 127.0.0.1: the bundled sample post, a hostile page, a page with no article. The same
 * checks as reader.chromium.test.ts, driven by puppeteer over WebDriver BiDi. The reader's
 * shadow root is closed: the test reads it through BiDi (`firefox-shadow.ts`).
 */
import { join, resolve } from 'node:path';
import type { Page } from 'puppeteer-core';
import { afterAll, afterEach, beforeAll, describe, expect, test } from 'vitest';
import { FIREFOX_PATH, launchFirefoxWithExtension, toggleReader, type FirefoxSession } from '../../scripts/lib/firefox';
import { startServer } from '../../scripts/serve';
import { clickInShadow, inShadow } from './firefox-shadow';
import { ARTIFACTS_DIR, browserSkipReason } from './support';

const skip = browserSkipReason(FIREFOX_PATH, 'firefox-esr');

/** Runs `fn` on the element `selector` inside the reader's (closed) shadow root; null when there is none. */
const inReader = <T>(page: Page, selector: string, fn: (this: Element, arg: unknown) => T, arg?: unknown) =>
  inShadow(page, 'margin-reader', selector, fn, arg);
const sleep = (ms: number) => new Promise((ok) => setTimeout(ok, ms));

describe.skipIf(skip)(`reader view in Firefox${skip ? ` (${skip})` : ''}`, () => {
  let server: Awaited<ReturnType<typeof startServer>>;
  let session: FirefoxSession;
  /** Pages a test opened, closed after it even when it fails. */
  const opened: Page[] = [];
  /** Alerts, confirms and prompts each page raised, from its first byte on. */
  const dialogs = new WeakMap<Page, string[]>();

  beforeAll(async () => {
    server = await startServer({ root: resolve('demo') });
    session = await launchFirefoxWithExtension();
  });
  afterEach(async () => {
    await Promise.all(opened.splice(0).map((p) => p.close().catch(() => undefined)));
  });
  afterAll(async () => {
    await session?.close();
    await server?.close();
  });

  async function openPage(path: string): Promise<Page> {
    const page = await session.newPage();
    opened.push(page);
    const seen: string[] = [];
    dialogs.set(page, seen);
    // Listening before the page loads: an unanswered dialog would block its load event.
    page.on('dialog', (d) => {
      seen.push(d.message());
      void d.dismiss().catch(() => undefined);
    });
    await page.goto(new URL(path.replace(/^\//, ''), server.url).href);
    return page;
  }
  const readerCount = (page: Page) => page.$$eval('margin-reader', (els) => els.length);
  const text = (page: Page, selector: string) => inReader(page, selector, function () { return this.textContent; });
  const count = (page: Page, selector: string) =>
    inReader(page, '.mr-root', function (selector) { return this.querySelectorAll(selector as string).length; }, selector);
  /** Waits until `selector` shows in the reader. */
  const must = (page: Page, selector: string) =>
    expect.poll(() => inReader(page, selector, function () { return true; }), { timeout: 10_000 }).toBe(true);
  const click = (page: Page, selector: string) => clickInShadow(page, 'margin-reader', selector);

  test('opens the sample post with its metadata, text and image', async () => {
    const page = await openPage('/kubecon-eu-2024-day-two/');
    expect(await toggleReader(session, page)).toEqual({ state: 'opened' });
    await must(page, '[data-field="title"]');
    await expect.poll(() => text(page, '[data-field="title"]')).toBe(
      'KubeCon EU 2024: Day Two — Embracing the Hallway Track',
    );
    // Saved before the detailed checks, so a failing run still shows what the reader looked like.
    await page.screenshot({ path: join(ARTIFACTS_DIR, 'reader-firefox.png') });
    expect(await text(page, '[data-field="author"]')).toContain('Steve Wade');
    expect(await text(page, '[data-field="reading-time"]')).toBe('3 min read');
    expect(await inReader(page, '[data-field="published"]', function () { return this.getAttribute('datetime'); })).toMatch(/^2024-03-21/);
    expect(await count(page, '[data-field="body"] p')).toBe(7);
    expect(await count(page, '[data-field="body"] h2, [data-field="body"] h3')).toBe(5);
    expect(await count(page, '[data-field="body"] img')).toBe(1);
    expect(await count(page, '[data-field="body"] figcaption')).toBe(1);
    // The lazy image's real source came through, not Medium's blurred placeholder.
    await expect
      .poll(() => inReader(page, '[data-field="body"] img', function () { const el = this as HTMLImageElement; return el.complete && el.naturalWidth > 100; }))
      .toBe(true);
    // Clap/share/"More from" chrome stayed out.
    const body = (await text(page, '[data-field="body"]')) ?? '';
    expect(body).toContain('hallway track');
    expect(body).not.toMatch(/More from Steve Wade|Recommended from Medium|Sign up/);
    // Focus moved into the reader.
    expect(await page.evaluate(() => document.activeElement?.tagName.toLowerCase())).toBe('margin-reader');
    // The page itself cannot open the reader's shadow root (to read or rewrite it).
    expect(await page.evaluate(() => document.querySelector('margin-reader')!.shadowRoot === null)).toBe(true);
  });

  test('theme and font size change at once and persist into the next reader view', async () => {
    const page = await openPage('/kubecon-eu-2024-day-two/');
    await toggleReader(session, page);
    await must(page, '[data-field="body"] p');
    const theme = () => inReader(page, '.mr-root', function () { return this.getAttribute('data-theme'); });
    const style = (property: string) =>
      inReader(page, '.mr-root', function (p) { return getComputedStyle(this).getPropertyValue(p as string); }, property);
    const bodyFontSize = () => inReader(page, '[data-field="body"] p', function () { return getComputedStyle(this).fontSize; });
    const before = (await bodyFontSize())!;

    await click(page, '[data-theme-choice="dark"]');
    await expect.poll(theme).toBe('dark');
    expect(await style('background-color')).toBe('rgb(22, 24, 28)');

    await click(page, '[data-setting="fontSize-up"]');
    await click(page, '[data-setting="fontSize-up"]');
    await expect.poll(bodyFontSize).toBe(`${parseFloat(before) + 2}px`);

    await click(page, '[data-font-choice="sans"]');
    expect(await style('font-family')).toMatch(/system-ui|sans/);

    // Close and open again: the choices were saved.
    await page.keyboard.press('Escape');
    await expect.poll(() => readerCount(page)).toBe(0);
    await toggleReader(session, page);
    await must(page, '[data-field="body"] p');
    await expect.poll(theme).toBe('dark');
    expect(await bodyFontSize()).toBe(`${parseFloat(before) + 2}px`);
    await page.screenshot({ path: join(ARTIFACTS_DIR, 'reader-firefox-dark.png') });

    // Put the defaults back for the other tests.
    await click(page, '[data-theme-choice="system"]');
    await click(page, '[data-font-choice="serif"]');
    await click(page, '[data-setting="fontSize-down"]');
    await click(page, '[data-setting="fontSize-down"]');
    await expect.poll(bodyFontSize).toBe(before);
  });

  test('Esc closes the reader and gives the page back as it was, scroll position included', async () => {
    const page = await openPage('/kubecon-eu-2024-day-two/');
    await page.evaluate(() => window.scrollTo(0, 700));
    const before = await page.evaluate(() => ({ y: window.scrollY, html: document.documentElement.outerHTML }));
    expect(before.y).toBeGreaterThan(0);

    await toggleReader(session, page);
    await must(page, '[data-field="title"]');
    // Reading scrolls the reader, not the page.
    await inReader(page, '.mr-root', function () { this.scrollTo(0, 900); });
    await page.keyboard.press('End');
    await page.keyboard.press('Escape');

    await expect.poll(() => readerCount(page)).toBe(0);
    const after = await page.evaluate(() => ({ y: window.scrollY, html: document.documentElement.outerHTML }));
    expect(after.y).toBe(before.y);
    expect(after.html).toBe(before.html);
  });

  test('the toolbar is usable by keyboard alone', async () => {
    const page = await openPage('/kubecon-eu-2024-day-two/');
    await toggleReader(session, page);
    await must(page, '[data-field="title"]');
    // From the focused title, Tab wraps within the dialog to the first control: Close. (Firefox
    // itself would let Tab leave the page for its own toolbar; the reader's wrap keeps it inside.)
    const focused = () => inReader(page, ':focus', function () { return this.getAttribute('aria-label'); });
    let label: string | null = null;
    for (let i = 0; i < 40 && label !== 'Close reader view (Esc)'; i++) {
      await page.keyboard.press('Tab');
      label = await focused();
    }
    expect(label).toBe('Close reader view (Esc)');
    await page.keyboard.press('Enter');
    await expect.poll(() => readerCount(page)).toBe(0);
  });

  test('a hostile page shows its text and runs nothing', async () => {
    const page = await openPage('/hostile/');
    // The page's own scripts ran at load (and may have raised dialogs); from here on nothing may run.
    const seen = dialogs.get(page)!;
    const dialogsAtLoad = seen.length;
    await page.evaluate(() => { (window as unknown as { __pwned: number }).__pwned = 0; });
    const titleBefore = await page.title();

    expect(await toggleReader(session, page)).toEqual({ state: 'opened' });
    await must(page, '[data-field="body"]');
    expect(((await text(page, '[data-field="body"]')) ?? '').length).toBeGreaterThan(500);

    const found = await inReader(page, '[data-field="body"]', function () {
      const el = this;
      return {
      dangerous: el.querySelectorAll('script, iframe, object, embed, form, input, button, base, meta, link, style').length,
      handlers: [...el.querySelectorAll('*')].filter((n) => [...n.attributes].some((a) => a.name.startsWith('on'))).length,
      jsLinks: [...el.querySelectorAll('[href], [src], [action], [formaction], [xlink\\:href]')].filter((n) =>
        [...n.attributes].some((a) => /^\s*(javascript|vbscript|data:text\/html)/i.test(a.value))).length,
      };
    });
    expect(found).toEqual({ dangerous: 0, handlers: 0, jsLinks: 0 });
    // Give any image-error or svg-load handler that slipped through the time to fire.
    await sleep(300);
    expect(await page.evaluate(() => (window as unknown as { __pwned: number }).__pwned)).toBe(0);
    expect(await page.title()).toBe(titleBefore);
    expect(seen.slice(dialogsAtLoad)).toEqual([]);
  });

  test('a page without an article gets a clear message and is left untouched', async () => {
    const page = await openPage('/no-article/');
    const before = await page.evaluate(() => document.body.outerHTML);
    expect(await toggleReader(session, page)).toEqual({ state: 'no-article' });
    const notice = () => inShadow(page, 'margin-notice', '[data-margin-notice="no-article"]', function () { return this.textContent; });
    await expect.poll(notice, { timeout: 10_000 }).toContain('no article');
    expect(await readerCount(page)).toBe(0);
    expect(await page.evaluate(() => document.body.outerHTML)).toBe(before);
  });
});
