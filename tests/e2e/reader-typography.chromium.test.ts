/**
 * What a reader sees of the reader view's typography, measured in real Chromium with the
 * built extension on pages served from 127.0.0.1: how many characters a body line holds
 * with the default settings (and in a narrow window), and that Chinese, Japanese and
 * Korean quotes and emphasis are never slanted by a synthetic italic.
 */
import { join, resolve } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, test } from 'vitest';
import { CHROMIUM_PATH, launchChromiumWithExtension, toggleReader, type ChromiumSession } from '../../scripts/lib/chromium';
import { startServer } from '../../scripts/serve';
import { clickInShadow, inShadow } from './highlight-driver';
import { CJK_CASES, CJK_PAGE, charactersPerLine, median } from './reader-typography-probes';
import { ARTIFACTS_DIR, browserSkipReason } from './support';

const skip = browserSkipReason(CHROMIUM_PATH, 'chromium');

describe.skipIf(skip)(`reader typography in Chromium${skip ? ` (${skip})` : ''}`, () => {
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

  async function openReader(path: string, viewport?: { width: number; height: number }): Promise<Page> {
    const page = await session.context.newPage();
    if (viewport) await page.setViewportSize(viewport);
    await page.goto(new URL(`${path}?tab=${++opened}`, server.url).href);
    expect(await toggleReader(session, page)).toEqual({ state: 'opened' });
    await expect.poll(() => inShadow(page, 'margin-reader', '[data-field="title"]', function () { return this.textContent; })).toBeTruthy();
    return page;
  }
  const lineLengths = async (page: Page) => (await inShadow(page, 'margin-reader', '[data-field="body"]', charactersPerLine))!;

  test('a body line of the sample post holds 60–75 characters with the default settings', async () => {
    const page = await openReader('/kubecon-eu-2024-day-two/');
    const lines = await lineLengths(page);
    expect(lines.length).toBeGreaterThan(20);
    const typical = median(lines);
    console.log(`characters per line (default settings): median ${typical}, range ${Math.min(...lines)}–${Math.max(...lines)} over ${lines.length} lines`);
    expect(typical).toBeGreaterThanOrEqual(60);
    expect(typical).toBeLessThanOrEqual(75);
    await page.screenshot({ path: join(ARTIFACTS_DIR, 'reader-chromium-measure.png') });
  });

  test('in a narrow window the article fills the width without overflowing it', async () => {
    const page = await openReader('/kubecon-eu-2024-day-two/', { width: 390, height: 844 });
    const box = await inShadow(page, 'margin-reader', '[data-field="body"]', function () {
      const r = this.getBoundingClientRect();
      const root = this.closest('.mr-root')!;
      return { left: r.left, right: r.right, viewport: root.clientWidth, scrollWidth: root.scrollWidth };
    });
    expect(box!.left).toBeGreaterThanOrEqual(16);
    expect(box!.right).toBeLessThanOrEqual(box!.viewport - 16);
    expect(box!.scrollWidth).toBeLessThanOrEqual(box!.viewport);
    const typical = median(await lineLengths(page));
    expect(typical).toBeGreaterThan(25);
    expect(typical).toBeLessThanOrEqual(45);
  });

  test('the width setting still widens and narrows the lines', async () => {
    const page = await openReader('/kubecon-eu-2024-day-two/');
    const before = median(await lineLengths(page));
    await clickInShadow(page, 'margin-reader', '[data-setting="lineWidth-up"]');
    await clickInShadow(page, 'margin-reader', '[data-setting="lineWidth-up"]');
    await expect.poll(async () => median(await lineLengths(page))).toBeGreaterThan(before + 6);
    await clickInShadow(page, 'margin-reader', '[data-setting="lineWidth-down"]');
    await clickInShadow(page, 'margin-reader', '[data-setting="lineWidth-down"]');
    await expect.poll(async () => median(await lineLengths(page))).toBe(before);
  });

  test.each(CJK_CASES)('%s quotes and emphasis are upright, emphasised another way', async (lang, quote, emphasis) => {
    server.setOverride(`/cjk-${lang}/`, CJK_PAGE(lang, quote, emphasis));
    const page = await openReader(`/cjk-${lang}/`);
    const style = (probe: string) =>
      inShadow(page, 'margin-reader', `#probe-${probe}`, function () {
        const s = getComputedStyle(this);
        return { fontStyle: s.fontStyle, emphasis: s.getPropertyValue('text-emphasis-style'), weight: s.fontWeight, lang: this.closest('[lang]')?.getAttribute('lang') };
      });
    for (const probe of ['quote', 'em', 'i']) {
      const s = await style(probe);
      expect(s, probe).toMatchObject({ fontStyle: 'normal', lang });
    }
    const em = (await style('em'))!;
    expect(em.emphasis !== 'none' || Number(em.weight) >= 600, 'em is still emphasised').toBe(true);
    await page.screenshot({ path: join(ARTIFACTS_DIR, `reader-chromium-${lang}.png`) });
  });
  test('a Japanese post its theme declares English, and a Chinese quote in an English post, stay upright', async () => {
    const [, ja, jaEm] = CJK_CASES[1]!;
    server.setOverride('/ja-as-en/', CJK_PAGE('en', ja, jaEm));
    const page = await openReader('/ja-as-en/');
    const upright = (p: Page, probe: string) =>
      inShadow(p, 'margin-reader', probe, function () {
        return { fontStyle: getComputedStyle(this).fontStyle, lang: this.closest('[lang]')?.getAttribute('lang') };
      });
    expect(await upright(page, '#probe-quote')).toEqual({ fontStyle: 'normal', lang: 'ja' });
    expect(await upright(page, '#probe-em')).toEqual({ fontStyle: 'normal', lang: 'ja' });

    const [, zh] = CJK_CASES[0]!;
    const english = '<p>Reading on a screen is easier when each line is short enough for the eye to find the next one, and so on.</p>'.repeat(6);
    server.setOverride('/zh-quote/', `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>A quote</title></head>
<body><article><h1>A quote</h1>${english}<blockquote><p id="probe-zh">${zh}</p></blockquote><p><em id="probe-en">really</em> ${english}</p></article></body></html>`);
    const mixed = await openReader('/zh-quote/');
    expect(await upright(mixed, '#probe-zh')).toEqual({ fontStyle: 'normal', lang: 'zh' });
    // English emphasis keeps its italic.
    expect(await upright(mixed, '#probe-en')).toEqual({ fontStyle: 'italic', lang: 'en' });
  });
});
