/**
 * The reader's typography in real Firefox (Debian's ESR) with the Firefox build: the same
 * measurements as reader-typography.chromium.test.ts (characters per body line with the
 * default settings and in a narrow window; CJK quotes and emphasis upright).
 */
import { join, resolve } from 'node:path';
import type { Page } from 'puppeteer-core';
import { afterAll, afterEach, beforeAll, describe, expect, test } from 'vitest';
import { FIREFOX_PATH, launchFirefoxWithExtension, toggleReader, type FirefoxSession } from '../../scripts/lib/firefox';
import { startServer } from '../../scripts/serve';
import { inShadow } from './firefox-shadow';
import { CJK_CASES, CJK_PAGE, charactersPerLine, median } from './reader-typography-probes';
import { ARTIFACTS_DIR, browserSkipReason } from './support';

const skip = browserSkipReason(FIREFOX_PATH, 'firefox-esr');

describe.skipIf(skip)(`reader typography in Firefox${skip ? ` (${skip})` : ''}`, () => {
  let server: Awaited<ReturnType<typeof startServer>>;
  let session: FirefoxSession;
  const opened: Page[] = [];

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

  let n = 0;
  async function openReader(path: string, viewport?: { width: number; height: number }): Promise<Page> {
    const page = await session.newPage();
    opened.push(page);
    if (viewport) await page.setViewport(viewport);
    await page.goto(new URL(`${path.replace(/^\//, '')}?tab=${++n}`, server.url).href);
    expect(await toggleReader(session, page)).toEqual({ state: 'opened' });
    await expect
      .poll(() => inShadow(page, 'margin-reader', '[data-field="title"]', function () { return this.textContent; }), { timeout: 10_000 })
      .toBeTruthy();
    return page;
  }
  const lineLengths = async (page: Page) => (await inShadow(page, 'margin-reader', '[data-field="body"]', charactersPerLine))!;

  test('a body line of the sample post holds 60–75 characters with the default settings', async () => {
    const page = await openReader('/kubecon-eu-2024-day-two/');
    const lines = await lineLengths(page);
    expect(lines.length).toBeGreaterThan(20);
    const typical = median(lines);
    console.log(`Firefox characters per line (default settings): median ${typical}, range ${Math.min(...lines)}–${Math.max(...lines)} over ${lines.length} lines`);
    expect(typical).toBeGreaterThanOrEqual(60);
    expect(typical).toBeLessThanOrEqual(75);
    await page.screenshot({ path: join(ARTIFACTS_DIR, 'reader-firefox-measure.png') });
  });

  test('in a narrow window the article fills the width without overflowing it', async () => {
    const page = await openReader('/kubecon-eu-2024-day-two/', { width: 390, height: 844 });
    const box = (await inShadow(page, 'margin-reader', '[data-field="body"]', function () {
      const r = this.getBoundingClientRect();
      const root = this.closest('.mr-root')!;
      return { left: r.left, right: r.right, viewport: root.clientWidth, scrollWidth: root.scrollWidth };
    }))!;
    expect(box.left).toBeGreaterThanOrEqual(16);
    expect(box.right).toBeLessThanOrEqual(box.viewport - 16);
    expect(box.scrollWidth).toBeLessThanOrEqual(box.viewport);
  });

  test.each(CJK_CASES)('%s quotes and emphasis are upright, emphasised another way', async (lang, quote, emphasis) => {
    server.setOverride(`/cjk-${lang}/`, CJK_PAGE(lang, quote, emphasis));
    const page = await openReader(`/cjk-${lang}/`);
    for (const probe of ['quote', 'em', 'i']) {
      const s = await inShadow(page, 'margin-reader', `#probe-${probe}`, function () {
        return { fontStyle: getComputedStyle(this).fontStyle, lang: this.closest('[lang]')?.getAttribute('lang') };
      });
      expect(s, probe).toEqual({ fontStyle: 'normal', lang });
    }
    const marks = await inShadow(page, 'margin-reader', '#probe-em', function () { return getComputedStyle(this).getPropertyValue('text-emphasis-style'); });
    expect(marks).not.toBe('none');
  });
});
