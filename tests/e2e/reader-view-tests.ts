/**
 * The reader view on pages served from 127.0.0.1, for either browser (reader-scenario.ts): the
 * bundled sample post, a hostile page, a page with no article. The reader's shadow root is
 * closed (page script cannot read or rewrite it): the tests read it through the driver (DevTools
 * in Chromium, WebDriver BiDi in Firefox) and act on it with real input.
 */
import { join } from 'node:path';
import { expect, test } from 'vitest';
import type { ReaderTab } from './reader-driver';
import type { ReaderContext } from './reader-scenario';
import { ARTIFACTS_DIR } from './support';

const sleep = (ms: number) => new Promise((ok) => setTimeout(ok, ms));
const POST = '/kubecon-eu-2024-day-two/';

/** Runs `fn` on the element `selector` inside the reader; null when there is none. */
const inReader = <T>(tab: ReaderTab, selector: string, fn: (this: Element, arg: unknown) => T, arg?: unknown) =>
  tab.inShadow('margin-reader', selector, fn, arg);
const text = (tab: ReaderTab, selector: string) =>
  inReader(tab, selector, function () {
    return this.textContent;
  });
const attr = (tab: ReaderTab, selector: string, name: string) =>
  inReader(
    tab,
    selector,
    function (name) {
      return this.getAttribute(name as string);
    },
    name,
  );
const countIn = (tab: ReaderTab, selector: string) =>
  inReader(
    tab,
    '[data-field="body"]',
    function (selector) {
      return this.querySelectorAll(selector as string).length;
    },
    selector,
  );
const click = (tab: ReaderTab, selector: string) => tab.clickInShadow('margin-reader', selector);
const readerCount = (tab: ReaderTab) => tab.count('margin-reader');
/** Waits until `selector` shows in the reader. */
const must = (tab: ReaderTab, selector: string) =>
  expect
    .poll(
      () =>
        inReader(tab, selector, function () {
          return true;
        }),
      { timeout: 10_000 },
    )
    .toBe(true);

/** Declares the reader view's tests. */
export function readerViewTests({ suite, open }: ReaderContext): void {
  const shot = (name: string) => join(ARTIFACTS_DIR, `reader-${suite.browser.toLowerCase()}${name}.png`);

  test('opens the sample post with its metadata, text and image', async () => {
    const tab = await open(POST);
    expect(await tab.toggleReader()).toEqual({ state: 'opened' });
    await must(tab, '[data-field="title"]');
    await expect
      .poll(() => text(tab, '[data-field="title"]'))
      .toBe('KubeCon EU 2024: Day Two — Embracing the Hallway Track');
    // Saved before the detailed checks, so a failing run still shows what the reader looked like.
    await tab.screenshot(shot(''));
    expect(await text(tab, '[data-field="author"]')).toContain('Steve Wade');
    expect(await text(tab, '[data-field="reading-time"]')).toBe('3 min read');
    expect(await attr(tab, '[data-field="published"]', 'datetime')).toMatch(/^2024-03-21/);
    expect(await countIn(tab, 'p')).toBe(7);
    expect(await countIn(tab, 'h2, h3')).toBe(5);
    expect(await countIn(tab, 'img')).toBe(1);
    expect(await countIn(tab, 'figcaption')).toBe(1);
    // The lazy image's real source came through, not Medium's blurred placeholder.
    await expect
      .poll(() =>
        inReader(tab, '[data-field="body"] img', function () {
          const el = this as HTMLImageElement;
          return el.complete && el.naturalWidth > 100;
        }),
      )
      .toBe(true);
    // Clap/share/"More from" chrome stayed out.
    const bodyText = (await text(tab, '[data-field="body"]')) ?? '';
    expect(bodyText).toContain('hallway track');
    expect(bodyText).not.toMatch(/More from Steve Wade|Recommended from Medium|Sign up/);
    // The page itself cannot open the reader's shadow root (to read or rewrite it).
    expect(await tab.evaluate(() => document.querySelector('margin-reader')!.shadowRoot, undefined)).toBe(null);
    // Focus moved into the reader.
    expect(await tab.evaluate(() => document.activeElement?.tagName.toLowerCase(), undefined)).toBe('margin-reader');
  });

  test('theme and font size change at once and persist into the next reader view', async () => {
    const tab = await open(POST);
    await tab.toggleReader();
    await must(tab, '[data-field="body"] p');
    const theme = () => attr(tab, '.mr-root', 'data-theme');
    const style = (property: string) =>
      inReader(
        tab,
        '.mr-root',
        function (p) {
          return getComputedStyle(this).getPropertyValue(p as string);
        },
        property,
      );
    const bodyFontSize = () =>
      inReader(tab, '[data-field="body"] p', function () {
        return getComputedStyle(this).fontSize;
      });
    const before = (await bodyFontSize())!;

    await click(tab, '[data-theme-choice="dark"]');
    await expect.poll(theme).toBe('dark');
    expect(await style('background-color')).toBe('rgb(22, 24, 28)');

    await click(tab, '[data-setting="fontSize-up"]');
    await click(tab, '[data-setting="fontSize-up"]');
    await expect.poll(bodyFontSize).toBe(`${parseFloat(before) + 2}px`);

    await click(tab, '[data-font-choice="sans"]');
    expect(await style('font-family')).toMatch(/system-ui|sans/);

    // Close and open again: the choices were saved.
    await tab.press('Escape');
    await expect.poll(() => readerCount(tab)).toBe(0);
    await tab.toggleReader();
    await must(tab, '[data-field="body"] p');
    await expect.poll(theme).toBe('dark');
    expect(await bodyFontSize()).toBe(`${parseFloat(before) + 2}px`);
    await tab.screenshot(shot('-dark'));

    // Put the defaults back for the other tests.
    await click(tab, '[data-theme-choice="system"]');
    await click(tab, '[data-font-choice="serif"]');
    await click(tab, '[data-setting="fontSize-down"]');
    await click(tab, '[data-setting="fontSize-down"]');
    await expect.poll(bodyFontSize).toBe(before);
  });

  test('Esc closes the reader and gives the page back as it was, scroll position included', async () => {
    const tab = await open(POST);
    await tab.evaluate(() => window.scrollTo(0, 700), undefined);
    const pageState = () =>
      tab.evaluate(() => ({ y: window.scrollY, html: document.documentElement.outerHTML }), undefined);
    const before = await pageState();
    expect(before.y).toBeGreaterThan(0);

    await tab.toggleReader();
    await must(tab, '[data-field="title"]');
    // Reading scrolls the reader, not the page.
    await inReader(tab, '.mr-root', function () {
      this.scrollTo(0, 900);
    });
    await tab.press('End');
    await tab.press('Escape');

    await expect.poll(() => readerCount(tab)).toBe(0);
    const after = await pageState();
    expect(after.y).toBe(before.y);
    expect(after.html).toBe(before.html);
  });

  test('the toolbar is usable by keyboard alone', async () => {
    const tab = await open(POST);
    await tab.toggleReader();
    await must(tab, '[data-field="title"]');
    // From the focused title, Tab wraps within the dialog to the first control: Close. (Firefox
    // itself would let Tab leave the page for its own toolbar; the reader's wrap keeps it inside.)
    let label: string | null = null;
    for (let i = 0; i < 40 && label !== 'Close reader view (Esc)'; i++) {
      await tab.press('Tab');
      label = await inReader(tab, ':focus', function () {
        return this.getAttribute('aria-label');
      });
    }
    expect(label).toBe('Close reader view (Esc)');
    await tab.press('Enter');
    await expect.poll(() => readerCount(tab)).toBe(0);
  });

  test('a hostile page shows its text and runs nothing', async () => {
    const tab = await open('/hostile/');
    // The page's own scripts ran at load (and may have raised dialogs); from here on nothing may run.
    const dialogsAtLoad = tab.dialogs.length;
    await tab.evaluate(() => {
      (window as unknown as { __pwned: number }).__pwned = 0;
    }, undefined);
    const titleBefore = await tab.title();

    expect(await tab.toggleReader()).toEqual({ state: 'opened' });
    await expect
      .poll(async () => ((await text(tab, '[data-field="body"]')) ?? '').length, { timeout: 10_000 })
      .toBeGreaterThan(500);

    const found = await inReader(tab, '[data-field="body"]', function () {
      const el = this;
      return {
        dangerous: el.querySelectorAll('script, iframe, object, embed, form, input, button, base, meta, link, style')
          .length,
        handlers: [...el.querySelectorAll('*')].filter((n) => [...n.attributes].some((a) => a.name.startsWith('on')))
          .length,
        jsLinks: [...el.querySelectorAll('[href], [src], [action], [formaction], [xlink\\:href]')].filter((n) =>
          [...n.attributes].some((a) => /^\s*(javascript|vbscript|data:text\/html)/i.test(a.value)),
        ).length,
      };
    });
    expect(found).toEqual({ dangerous: 0, handlers: 0, jsLinks: 0 });
    // Give any image-error or svg-load handler that slipped through the time to fire.
    await sleep(300);
    expect(await tab.evaluate(() => (window as unknown as { __pwned: number }).__pwned, undefined)).toBe(0);
    expect(await tab.title()).toBe(titleBefore);
    expect(tab.dialogs.slice(dialogsAtLoad)).toEqual([]);
  });

  test('shows what the page shows: text its stylesheet hides stays out, a closed sources panel comes in', async () => {
    const tab = await open('/styled/');
    const article = () => tab.evaluate(() => document.querySelector('article')!.outerHTML, undefined);
    const before = await article();
    expect(await tab.toggleReader()).toEqual({ state: 'opened' });
    const body = () => text(tab, '[data-field="body"]');
    await expect
      .poll(async () => (await body()) ?? '', { timeout: 10_000 })
      .toContain('Boarding is the dangerous part');
    const shown = (await body()) ?? '';
    expect(shown).toContain('the pilot takes the conn');
    expect(shown).toContain('A pilot boat beside a tanker at the outer buoy.');
    // Hidden by the stylesheet (display: none, a media query): not in the reader.
    for (const hidden of [
      'Lightbox copy',
      'Printed from the Example Times archive',
      'Example Times app',
      'Subscribe today',
    ])
      expect(shown).not.toContain(hidden);
    // Behind a closed toggle the page marks as such: the reader opens it, under its label.
    expect(shown).toContain('Bergen Pilot Association, annual report 2023');
    expect(shown).toContain('Sources');
    // Reading the page's styles changed nothing the page can see in its article.
    expect(await tab.evaluate(() => (window as unknown as { __changed: string[] }).__changed, undefined)).toEqual([]);
    expect(await article()).toBe(before);
  });

  test('a page without an article gets a clear message and is left untouched', async () => {
    const tab = await open('/no-article/');
    const body = () => tab.evaluate(() => document.body.outerHTML, undefined);
    const before = await body();
    expect(await tab.toggleReader()).toEqual({ state: 'no-article' });
    const notice = () =>
      tab.inShadow('margin-notice', '[data-margin-notice="no-article"]', function () {
        return this.textContent;
      });
    await expect.poll(notice, { timeout: 10_000 }).toContain('no article');
    expect(await readerCount(tab)).toBe(0);
    expect(await body()).toBe(before);
  });
}
