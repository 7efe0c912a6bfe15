/**
 * The reader view in real Chromium with the built extension loaded, on pages
 * served from 127.0.0.1: the bundled sample post, a hostile page, a page with no article.
 */
import { join, resolve } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, test } from 'vitest';
import { CHROMIUM_PATH, launchChromiumWithExtension, toggleReader, type ChromiumSession } from '../../scripts/lib/chromium';
import { startServer } from '../../scripts/serve';
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

  test('opens the sample post with its metadata, text and image', async () => {
    const page = await openPage('/kubecon-eu-2024-day-two/');
    expect(await toggleReader(session, page)).toEqual({ state: 'opened' });
    const r = reader(page);
    await expect.poll(() => r.locator('[data-field="title"]').textContent()).toBe(
      'KubeCon EU 2024: Day Two — Embracing the Hallway Track',
    );
    expect(await r.locator('[data-field="author"]').textContent()).toContain('Steve Wade');
    expect(await r.locator('[data-field="reading-time"]').textContent()).toBe('3 min read');
    expect(await r.locator('[data-field="published"]').getAttribute('datetime')).toMatch(/^2024-03-21/);
    const body = r.locator('[data-field="body"]');
    expect(await body.locator('p').count()).toBe(7);
    expect(await body.locator('h2, h3').count()).toBe(5);
    expect(await body.locator('img').count()).toBe(1);
    expect(await body.locator('figcaption').count()).toBe(1);
    // The lazy image's real source came through, not Medium's blurred placeholder.
    const img = body.locator('img');
    expect(await img.evaluate((el: HTMLImageElement) => el.complete && el.naturalWidth > 100)).toBe(true);
    // Clap/share/"More from" chrome stayed out.
    const text = (await body.textContent()) ?? '';
    expect(text).toContain('hallway track');
    expect(text).not.toMatch(/More from Steve Wade|Recommended from Medium|Sign up/);
    // Focus moved into the reader.
    expect(await page.evaluate(() => document.activeElement?.tagName.toLowerCase())).toBe('margin-reader');
    await page.screenshot({ path: join(ARTIFACTS_DIR, 'reader-chromium.png') });
  });

  test('theme and font size change at once and persist into the next reader view', async () => {
    const page = await openPage('/kubecon-eu-2024-day-two/');
    await toggleReader(session, page);
    const r = reader(page);
    const root = r.locator('.mr-root');
    const bodyFontSize = () => r.locator('[data-field="body"] p').first().evaluate((p) => getComputedStyle(p).fontSize);
    const before = await bodyFontSize();

    await r.locator('[data-theme-choice="dark"]').click();
    await expect.poll(() => root.getAttribute('data-theme')).toBe('dark');
    expect(await root.evaluate((el) => getComputedStyle(el).backgroundColor)).toBe('rgb(22, 24, 28)');

    await r.locator('[data-setting="fontSize-up"]').click();
    await r.locator('[data-setting="fontSize-up"]').click();
    await expect.poll(bodyFontSize).toBe(`${parseFloat(before) + 2}px`);

    await r.locator('[data-font-choice="sans"]').click();
    expect(await root.evaluate((el) => getComputedStyle(el).fontFamily)).toMatch(/system-ui|sans/);

    // Close and open again: the choices were saved.
    await page.keyboard.press('Escape');
    await expect.poll(() => r.count()).toBe(0);
    await toggleReader(session, page);
    await expect.poll(() => reader(page).locator('.mr-root').getAttribute('data-theme')).toBe('dark');
    expect(await bodyFontSize()).toBe(`${parseFloat(before) + 2}px`);
    await page.screenshot({ path: join(ARTIFACTS_DIR, 'reader-chromium-dark.png') });

    // Put the defaults back for the other tests.
    await reader(page).locator('[data-theme-choice="system"]').click();
    await reader(page).locator('[data-font-choice="serif"]').click();
    await reader(page).locator('[data-setting="fontSize-down"]').click();
    await reader(page).locator('[data-setting="fontSize-down"]').click();
  });

  test('Esc closes the reader and gives the page back as it was, scroll position included', async () => {
    const page = await openPage('/kubecon-eu-2024-day-two/');
    await page.evaluate(() => window.scrollTo(0, 700));
    const before = await page.evaluate(() => ({ y: window.scrollY, html: document.documentElement.outerHTML }));
    expect(before.y).toBeGreaterThan(0);

    await toggleReader(session, page);
    const r = reader(page);
    await r.locator('[data-field="title"]').waitFor();
    // Reading scrolls the reader, not the page.
    await r.locator('.mr-root').evaluate((el) => el.scrollTo(0, 900));
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
    await r.locator('[data-field="title"]').waitFor();
    // From the focused title, Tab wraps within the dialog to the first control: Close.
    let label: string | null = null;
    for (let i = 0; i < 40 && label !== 'Close reader view (Esc)'; i++) {
      await page.keyboard.press('Tab');
      label = await page.evaluate(() => document.querySelector('margin-reader')?.shadowRoot?.activeElement?.getAttribute('aria-label') ?? null);
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
    const body = reader(page).locator('[data-field="body"]');
    await body.waitFor();
    expect(((await body.textContent()) ?? '').length).toBeGreaterThan(500);

    const found = await body.evaluate((el) => ({
      dangerous: el.querySelectorAll('script, iframe, object, embed, form, input, button, base, meta, link, style').length,
      handlers: [...el.querySelectorAll('*')].filter((n) => [...n.attributes].some((a) => a.name.startsWith('on'))).length,
      jsLinks: [...el.querySelectorAll('[href], [src], [action], [formaction], [xlink\\:href]')].filter((n) =>
        [...n.attributes].some((a) => /^\s*(javascript|vbscript|data:text\/html)/i.test(a.value))).length,
    }));
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
    const notice = page.locator('margin-notice [data-margin-notice="no-article"]');
    await expect.poll(() => notice.textContent()).toContain('no article');
    expect(await page.locator('margin-reader').count()).toBe(0);
    expect(await page.evaluate(() => document.body.outerHTML)).toBe(before);
  });
});
