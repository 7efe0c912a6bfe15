/**
 * What a reader sees of the reader view's typography, measured in a real browser
 * (reader-scenario.ts) on pages served from 127.0.0.1: how many characters a body line holds
 * with the default settings (and in a narrow window), and that Chinese, Japanese and Korean
 * quotes and emphasis are never slanted by a synthetic italic.
 */
import { join } from 'node:path';
import { expect, test } from 'vitest';
import type { ReaderTab, Viewport } from './reader-driver';
import type { ReaderContext } from './reader-scenario';
import { CJK_CASES, CJK_PAGE, charactersPerLine, median } from './reader-typography-probes';
import { ARTIFACTS_DIR } from './support';

const POST = '/kubecon-eu-2024-day-two/';

/** Opens `path` and the reader on it, and waits for the reader's title. */
async function openReader(ctx: ReaderContext, path: string, viewport?: Viewport): Promise<ReaderTab> {
  const tab = await ctx.open(path, viewport);
  expect(await tab.toggleReader()).toEqual({ state: 'opened' });
  await expect
    .poll(
      () =>
        tab.inShadow('margin-reader', '[data-field="title"]', function () {
          return this.textContent;
        }),
      { timeout: 10_000 },
    )
    .toBeTruthy();
  return tab;
}
const lineLengths = async (tab: ReaderTab) =>
  (await tab.inShadow('margin-reader', '[data-field="body"]', charactersPerLine))!;
const shot = (ctx: ReaderContext, name: string) =>
  join(ARTIFACTS_DIR, `reader-${ctx.suite.browser.toLowerCase()}-${name}.png`);

/** Declares the line-length and CJK tests, run in every browser. */
export function typographyTests(ctx: ReaderContext): void {
  test('a body line of the sample post holds 60–75 characters with the default settings', async () => {
    const tab = await openReader(ctx, POST);
    const lines = await lineLengths(tab);
    expect(lines.length).toBeGreaterThan(20);
    const typical = median(lines);
    console.log(
      `${ctx.suite.browser} characters per line (default settings): median ${typical}, range ${Math.min(...lines)}–${Math.max(...lines)} over ${lines.length} lines`,
    );
    expect(typical).toBeGreaterThanOrEqual(60);
    expect(typical).toBeLessThanOrEqual(75);
    await tab.screenshot(shot(ctx, 'measure'));
  });

  test('in a narrow window the article fills the width without overflowing it', async () => {
    const tab = await openReader(ctx, POST, { width: 390, height: 844 });
    const box = (await tab.inShadow('margin-reader', '[data-field="body"]', function () {
      const r = this.getBoundingClientRect();
      const root = this.closest('.mr-root')!;
      return { left: r.left, right: r.right, viewport: root.clientWidth, scrollWidth: root.scrollWidth };
    }))!;
    expect(box.left).toBeGreaterThanOrEqual(16);
    expect(box.right).toBeLessThanOrEqual(box.viewport - 16);
    expect(box.scrollWidth).toBeLessThanOrEqual(box.viewport);
    const typical = median(await lineLengths(tab));
    expect(typical).toBeGreaterThan(25);
    expect(typical).toBeLessThanOrEqual(45);
  });

  test.each(CJK_CASES)('%s quotes and emphasis are upright, emphasised another way', async (lang, quote, emphasis) => {
    ctx.server().setOverride(`/cjk-${lang}/`, CJK_PAGE(lang, quote, emphasis));
    const tab = await openReader(ctx, `/cjk-${lang}/`);
    const style = (probe: string) =>
      tab.inShadow('margin-reader', `#probe-${probe}`, function () {
        const s = getComputedStyle(this);
        return {
          fontStyle: s.fontStyle,
          emphasis: s.getPropertyValue('text-emphasis-style'),
          weight: s.fontWeight,
          lang: this.closest('[lang]')?.getAttribute('lang'),
        };
      });
    for (const probe of ['quote', 'em', 'i']) {
      const s = await style(probe);
      expect(s, probe).toMatchObject({ fontStyle: 'normal', lang });
    }
    const em = (await style('em'))!;
    expect(em.emphasis, 'em is emphasised with marks').not.toBe('none');
    await tab.screenshot(shot(ctx, lang));
  });
}

/** Declares the tests run in Chromium only so far: the width setting, and CJK inside another language. */
export function moreTypographyTests(ctx: ReaderContext): void {
  test('the width setting still widens and narrows the lines', async () => {
    const tab = await openReader(ctx, POST);
    const before = median(await lineLengths(tab));
    await tab.clickInShadow('margin-reader', '[data-setting="lineWidth-up"]');
    await tab.clickInShadow('margin-reader', '[data-setting="lineWidth-up"]');
    await expect.poll(async () => median(await lineLengths(tab))).toBeGreaterThan(before + 6);
    await tab.clickInShadow('margin-reader', '[data-setting="lineWidth-down"]');
    await tab.clickInShadow('margin-reader', '[data-setting="lineWidth-down"]');
    await expect.poll(async () => median(await lineLengths(tab))).toBe(before);
  });

  test('a Japanese post its theme declares English, and a Chinese quote in an English post, stay upright', async () => {
    const server = ctx.server();
    const [, ja, jaEm] = CJK_CASES[1]!;
    server.setOverride('/ja-as-en/', CJK_PAGE('en', ja, jaEm));
    const tab = await openReader(ctx, '/ja-as-en/');
    const upright = (t: ReaderTab, probe: string) =>
      t.inShadow('margin-reader', probe, function () {
        return { fontStyle: getComputedStyle(this).fontStyle, lang: this.closest('[lang]')?.getAttribute('lang') };
      });
    expect(await upright(tab, '#probe-quote')).toEqual({ fontStyle: 'normal', lang: 'ja' });
    expect(await upright(tab, '#probe-em')).toEqual({ fontStyle: 'normal', lang: 'ja' });

    const [, zh] = CJK_CASES[0]!;
    const english =
      '<p>Reading on a screen is easier when each line is short enough for the eye to find the next one, and so on.</p>'.repeat(
        6,
      );
    server.setOverride(
      '/zh-quote/',
      `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>A quote</title></head>
<body><article><h1>A quote</h1>${english}<blockquote><p id="probe-zh">${zh}</p></blockquote><p><em id="probe-en">really</em> ${english}</p></article></body></html>`,
    );
    const mixed = await openReader(ctx, '/zh-quote/');
    expect(await upright(mixed, '#probe-zh')).toEqual({ fontStyle: 'normal', lang: 'zh' });
    // English emphasis keeps its italic.
    expect(await upright(mixed, '#probe-en')).toEqual({ fontStyle: 'italic', lang: 'en' });
  });
}
