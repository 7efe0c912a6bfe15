/**
 * The reader view in real Firefox (Debian's ESR) with the Firefox build installed, on pages served
 * from 127.0.0.1: the bundled sample post, a hostile page, a page with no article. The same
 * checks as reader.chromium.test.ts, driven by puppeteer over WebDriver BiDi.
 */
import { join, resolve } from 'node:path';
import type { ElementHandle, Page } from 'puppeteer-core';
import { afterAll, afterEach, beforeAll, describe, expect, test } from 'vitest';
import { FIREFOX_PATH, launchFirefoxWithExtension, toggleReader, type FirefoxSession } from '../../scripts/lib/firefox';
import { startServer } from '../../scripts/serve';
import { ARTIFACTS_DIR, browserSkipReason } from './support';

const skip = browserSkipReason(FIREFOX_PATH, 'firefox-esr');

/** Selectors into the reader's open shadow root (`>>>` pierces it). */
const inReader = (selector: string) => `margin-reader >>> ${selector}`;
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
  const text = (page: Page, selector: string) => page.$eval(inReader(selector), (el) => el.textContent);
  const count = (page: Page, selector: string) => page.$$eval(inReader(selector), (els) => els.length);
  async function must<T extends Element>(page: Page, selector: string): Promise<ElementHandle<T>> {
    return (await page.waitForSelector(selector, { timeout: 10_000 })) as ElementHandle<T>;
  }

  test('opens the sample post with its metadata, text and image', async () => {
    const page = await openPage('/kubecon-eu-2024-day-two/');
    expect(await toggleReader(session, page)).toEqual({ state: 'opened' });
    await must(page, inReader('[data-field="title"]'));
    await expect.poll(() => text(page, '[data-field="title"]')).toBe(
      'KubeCon EU 2024: Day Two — Embracing the Hallway Track',
    );
    // Saved before the detailed checks, so a failing run still shows what the reader looked like.
    await page.screenshot({ path: join(ARTIFACTS_DIR, 'reader-firefox.png') });
    expect(await text(page, '[data-field="author"]')).toContain('Steve Wade');
    expect(await text(page, '[data-field="reading-time"]')).toBe('3 min read');
    expect(await page.$eval(inReader('[data-field="published"]'), (el) => el.getAttribute('datetime'))).toMatch(/^2024-03-21/);
    expect(await count(page, '[data-field="body"] p')).toBe(7);
    expect(await count(page, '[data-field="body"] h2, [data-field="body"] h3')).toBe(5);
    expect(await count(page, '[data-field="body"] img')).toBe(1);
    expect(await count(page, '[data-field="body"] figcaption')).toBe(1);
    // The lazy image's real source came through, not Medium's blurred placeholder.
    const img = await must<HTMLImageElement>(page, inReader('[data-field="body"] img'));
    await expect.poll(() => img.evaluate((el) => el.complete && el.naturalWidth > 100)).toBe(true);
    // Clap/share/"More from" chrome stayed out.
    const body = (await text(page, '[data-field="body"]')) ?? '';
    expect(body).toContain('hallway track');
    expect(body).not.toMatch(/More from Steve Wade|Recommended from Medium|Sign up/);
    // Focus moved into the reader.
    expect(await page.evaluate(() => document.activeElement?.tagName.toLowerCase())).toBe('margin-reader');
  });

  test('theme and font size change at once and persist into the next reader view', async () => {
    const page = await openPage('/kubecon-eu-2024-day-two/');
    await toggleReader(session, page);
    const click = async (selector: string) => (await must(page, inReader(selector))).click();
    const root = () => must(page, inReader('.mr-root'));
    const theme = async () => (await root()).evaluate((el) => el.getAttribute('data-theme'));
    const bodyFontSize = async () =>
      (await must(page, inReader('[data-field="body"] p'))).evaluate((p) => getComputedStyle(p).fontSize);
    const before = await bodyFontSize();

    await click('[data-theme-choice="dark"]');
    await expect.poll(theme).toBe('dark');
    expect(await (await root()).evaluate((el) => getComputedStyle(el).backgroundColor)).toBe('rgb(22, 24, 28)');

    await click('[data-setting="fontSize-up"]');
    await click('[data-setting="fontSize-up"]');
    await expect.poll(bodyFontSize).toBe(`${parseFloat(before) + 2}px`);

    await click('[data-font-choice="sans"]');
    expect(await (await root()).evaluate((el) => getComputedStyle(el).fontFamily)).toMatch(/system-ui|sans/);

    // Close and open again: the choices were saved.
    await page.keyboard.press('Escape');
    await expect.poll(() => readerCount(page)).toBe(0);
    await toggleReader(session, page);
    await expect.poll(theme).toBe('dark');
    expect(await bodyFontSize()).toBe(`${parseFloat(before) + 2}px`);
    await page.screenshot({ path: join(ARTIFACTS_DIR, 'reader-firefox-dark.png') });

    // Put the defaults back for the other tests.
    await click('[data-theme-choice="system"]');
    await click('[data-font-choice="serif"]');
    await click('[data-setting="fontSize-down"]');
    await click('[data-setting="fontSize-down"]');
    await expect.poll(bodyFontSize).toBe(before);
  });

  test('Esc closes the reader and gives the page back as it was, scroll position included', async () => {
    const page = await openPage('/kubecon-eu-2024-day-two/');
    await page.evaluate(() => window.scrollTo(0, 700));
    const before = await page.evaluate(() => ({ y: window.scrollY, html: document.documentElement.outerHTML }));
    expect(before.y).toBeGreaterThan(0);

    await toggleReader(session, page);
    const root = await must(page, inReader('.mr-root'));
    await must(page, inReader('[data-field="title"]'));
    // Reading scrolls the reader, not the page.
    await root.evaluate((el) => el.scrollTo(0, 900));
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
    await must(page, inReader('[data-field="title"]'));
    // From the focused title, Tab wraps within the dialog to the first control: Close. (Firefox
    // itself would let Tab leave the page for its own toolbar; the reader's wrap keeps it inside.)
    const focused = () =>
      page.evaluate(() => document.querySelector('margin-reader')?.shadowRoot?.activeElement?.getAttribute('aria-label') ?? null);
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
    const body = await must(page, inReader('[data-field="body"]'));
    expect(((await body.evaluate((el) => el.textContent)) ?? '').length).toBeGreaterThan(500);

    const found = await body.evaluate((el) => ({
      dangerous: el.querySelectorAll('script, iframe, object, embed, form, input, button, base, meta, link, style').length,
      handlers: [...el.querySelectorAll('*')].filter((n) => [...n.attributes].some((a) => a.name.startsWith('on'))).length,
      jsLinks: [...el.querySelectorAll('[href], [src], [action], [formaction], [xlink\\:href]')].filter((n) =>
        [...n.attributes].some((a) => /^\s*(javascript|vbscript|data:text\/html)/i.test(a.value))).length,
    }));
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
    const notice = 'margin-notice >>> [data-margin-notice="no-article"]';
    await must(page, notice);
    await expect.poll(() => page.$eval(notice, (el) => el.textContent)).toContain('no article');
    expect(await readerCount(page)).toBe(0);
    expect(await page.evaluate(() => document.body.outerHTML)).toBe(before);
  });
});
