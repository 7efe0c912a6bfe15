/**
 * The reader view in real Chromium with the built extension loaded, on pages
 * served from 127.0.0.1: the bundled sample post, a hostile page, a page with no article.
 *
 * The reader's shadow root is closed (page script cannot read or rewrite it): the test
 * reads it through the DevTools Protocol (`inShadow`) and acts on it with real input.
 */
import { join, resolve } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, test } from 'vitest';
import { CHROMIUM_PATH, launchChromiumWithExtension, toggleReader, type ChromiumSession } from '../../scripts/lib/chromium';
import { startServer } from '../../scripts/serve';
import { clickInShadow, inShadow } from './highlight-driver';
import { ARTIFACTS_DIR, browserSkipReason } from './support';

const skip = browserSkipReason(CHROMIUM_PATH, 'chromium');

describe.skipIf(skip)(`reader view in Chromium${skip ? ` (${skip})` : ''}`, () => {
  let server: Awaited<ReturnType<typeof startServer>>;
  let session: ChromiumSession;

  beforeAll(async () => {
    server = await startServer({ root: resolve('demo') });
    session = await launchChromiumWithExtension();
  });
  afterAll(async () => {
    await session?.close();
    await server?.close();
  });

  let opened = 0;
  afterEach(async () => {
    for (const page of session.context.pages()) if (page !== session.controlPage) await page.close();
  });

  /** Opens a demo page under a URL no other tab has, so the toggle reaches this tab. */
  async function openPage(path: string): Promise<Page> {
    const page = await session.context.newPage();
    await page.goto(new URL(`${path}?tab=${++opened}`, server.url).href);
    return page;
  }
  const reader = (page: Page) => page.locator('margin-reader');
  /** Runs `fn` on the element `selector` inside the reader; null when there is none. */
  const inReader = <T>(page: Page, selector: string, fn: (this: Element, arg: unknown) => T, arg?: unknown) =>
    inShadow(page, 'margin-reader', selector, fn, arg);
  const text = (page: Page, selector: string) => inReader(page, selector, function () { return this.textContent; });
  const attr = (page: Page, selector: string, name: string) =>
    inReader(page, selector, function (name) { return this.getAttribute(name as string); }, name);
  const countIn = (page: Page, selector: string) =>
    inReader(page, '[data-field="body"]', function (selector) { return this.querySelectorAll(selector as string).length; }, selector);
  const click = (page: Page, selector: string) => clickInShadow(page, 'margin-reader', selector);
  const waitForReader = (page: Page) => expect.poll(() => text(page, '[data-field="title"]')).toBeTruthy();

  test('opens the sample post with its metadata, text and image', async () => {
    const page = await openPage('/kubecon-eu-2024-day-two/');
    expect(await toggleReader(session, page)).toEqual({ state: 'opened' });
    await expect.poll(() => text(page, '[data-field="title"]')).toBe(
      'KubeCon EU 2024: Day Two — Embracing the Hallway Track',
    );
    expect(await text(page, '[data-field="author"]')).toContain('Steve Wade');
    expect(await text(page, '[data-field="reading-time"]')).toBe('3 min read');
    expect(await attr(page, '[data-field="published"]', 'datetime')).toMatch(/^2024-03-21/);
    expect(await countIn(page, 'p')).toBe(7);
    expect(await countIn(page, 'h2, h3')).toBe(5);
    expect(await countIn(page, 'img')).toBe(1);
    expect(await countIn(page, 'figcaption')).toBe(1);
    // The lazy image's real source came through, not Medium's blurred placeholder.
    await expect
      .poll(() => inReader(page, '[data-field="body"] img', function () { const el = this as HTMLImageElement; return el.complete && el.naturalWidth > 100; }))
      .toBe(true);
    // Clap/share/"More from" chrome stayed out.
    const bodyText = (await text(page, '[data-field="body"]')) ?? '';
    expect(bodyText).toContain('hallway track');
    expect(bodyText).not.toMatch(/More from Steve Wade|Recommended from Medium|Sign up/);
    // The page itself cannot open the reader's shadow root (to read or rewrite it).
    expect(await page.evaluate(() => document.querySelector('margin-reader')!.shadowRoot)).toBe(null);
    // Focus moved into the reader.
    expect(await page.evaluate(() => document.activeElement?.tagName.toLowerCase())).toBe('margin-reader');
    await page.screenshot({ path: join(ARTIFACTS_DIR, 'reader-chromium.png') });
  });

  test('theme and font size change at once and persist into the next reader view', async () => {
    const page = await openPage('/kubecon-eu-2024-day-two/');
    await toggleReader(session, page);
    const r = reader(page);
    await waitForReader(page);
    const style = (property: string) =>
      inReader(page, '.mr-root', function (p) { return getComputedStyle(this).getPropertyValue(p as string); }, property);
    const bodyFontSize = () => inReader(page, '[data-field="body"] p', function () { return getComputedStyle(this).fontSize; });
    const before = (await bodyFontSize())!;

    await click(page, '[data-theme-choice="dark"]');
    await expect.poll(() => attr(page, '.mr-root', 'data-theme')).toBe('dark');
    expect(await style('background-color')).toBe('rgb(22, 24, 28)');

    await click(page, '[data-setting="fontSize-up"]');
    await click(page, '[data-setting="fontSize-up"]');
    await expect.poll(bodyFontSize).toBe(`${parseFloat(before) + 2}px`);

    await click(page, '[data-font-choice="sans"]');
    expect(await style('font-family')).toMatch(/system-ui|sans/);

    // Close and open again: the choices were saved.
    await page.keyboard.press('Escape');
    await expect.poll(() => r.count()).toBe(0);
    await toggleReader(session, page);
    await expect.poll(() => attr(page, '.mr-root', 'data-theme')).toBe('dark');
    expect(await bodyFontSize()).toBe(`${parseFloat(before) + 2}px`);
    await page.screenshot({ path: join(ARTIFACTS_DIR, 'reader-chromium-dark.png') });

    // Put the defaults back for the other tests.
    await click(page, '[data-theme-choice="system"]');
    await click(page, '[data-font-choice="serif"]');
    await click(page, '[data-setting="fontSize-down"]');
    await click(page, '[data-setting="fontSize-down"]');
  });

  test('Esc closes the reader and gives the page back as it was, scroll position included', async () => {
    const page = await openPage('/kubecon-eu-2024-day-two/');
    await page.evaluate(() => window.scrollTo(0, 700));
    const before = await page.evaluate(() => ({ y: window.scrollY, html: document.documentElement.outerHTML }));
    expect(before.y).toBeGreaterThan(0);

    await toggleReader(session, page);
    const r = reader(page);
    await waitForReader(page);
    // Reading scrolls the reader, not the page.
    await inReader(page, '.mr-root', function () { this.scrollTo(0, 900); });
    await page.keyboard.press('End');
    await page.keyboard.press('Escape');

    await expect.poll(() => r.count()).toBe(0);
    const after = await page.evaluate(() => ({ y: window.scrollY, html: document.documentElement.outerHTML }));
    expect(after.y).toBe(before.y);
    expect(after.html).toBe(before.html);
  });

  test('the toolbar is usable by keyboard alone', async () => {
    const page = await openPage('/kubecon-eu-2024-day-two/');
    await toggleReader(session, page);
    const r = reader(page);
    await waitForReader(page);
    // From the focused title, Tab wraps within the dialog to the first control: Close.
    let label: string | null = null;
    for (let i = 0; i < 40 && label !== 'Close reader view (Esc)'; i++) {
      await page.keyboard.press('Tab');
      label = await inReader(page, ':focus', function () { return this.getAttribute('aria-label'); });
    }
    expect(label).toBe('Close reader view (Esc)');
    await page.keyboard.press('Enter');
    await expect.poll(() => r.count()).toBe(0);
  });

  test('a hostile page shows its text and runs nothing', async () => {
    const page = await openPage('/hostile/');
    const dialogs: string[] = [];
    page.on('dialog', (d) => { dialogs.push(d.message()); void d.dismiss(); });
    // The page's own scripts ran at load; from here on nothing may run.
    await page.evaluate(() => { (window as unknown as { __pwned: number }).__pwned = 0; });
    const titleBefore = await page.title();

    expect(await toggleReader(session, page)).toEqual({ state: 'opened' });
    await expect.poll(async () => ((await text(page, '[data-field="body"]')) ?? '').length).toBeGreaterThan(500);

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
    await page.waitForTimeout(300);
    expect(await page.evaluate(() => (window as unknown as { __pwned: number }).__pwned)).toBe(0);
    expect(await page.title()).toBe(titleBefore);
    expect(dialogs).toEqual([]);
  });

  test('a page without an article gets a clear message and is left untouched', async () => {
    const page = await openPage('/no-article/');
    const before = await page.evaluate(() => document.body.outerHTML);
    expect(await toggleReader(session, page)).toEqual({ state: 'no-article' });
    const notice = () => inShadow(page, 'margin-notice', '[data-margin-notice="no-article"]', function () { return this.textContent; });
    await expect.poll(notice).toContain('no article');
    expect(await page.locator('margin-reader').count()).toBe(0);
    expect(await page.evaluate(() => document.body.outerHTML)).toBe(before);
  });
});
