/**
 * Highlights in real Firefox (Debian's ESR) with the Firefox build installed: the
 * same core loop as in Chromium — highlight with a note, reload, the reader view, the
 * note listed in the sidebar's page (`sidepanel.html?tab=<id>`, loaded in a tab: the
 * driver cannot open the sidebar) and counted by the popup — driven by puppeteer over
 * WebDriver BiDi. Counts painted highlights whichever
 * painter Firefox gets (Custom Highlight API or `<mark>`).
 *
 * Input is trusted, as a user's: the selection ends with a released Shift, the toolbar's
 * buttons (in a closed shadow root, found through BiDi: `firefox-shadow.ts`) are clicked
 * with the mouse, and the note is typed with the keyboard into the note card (an extension
 * frame, which takes focus when it opens).
 */
import { join, resolve } from 'node:path';
import type { Page } from 'puppeteer-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import {
  FIREFOX_PATH,
  launchFirefoxWithExtension,
  navigate,
  openPopup,
  tabIdOf,
  toggleReader,
  type FirefoxSession,
} from '../../scripts/lib/firefox';
import { startServer } from '../../scripts/serve';
import { clickInShadow, evaluateInFrame, inShadow } from './firefox-shadow';
import { ARTIFACTS_DIR, browserSkipReason } from './support';

const skip = browserSkipReason(FIREFOX_PATH, 'firefox-esr');
const PASSAGE = 'I found the kind of deep, personal engagement';
const sleep = (ms: number) => new Promise((ok) => setTimeout(ok, ms));

/** Painted highlights of a colour, on the page and in the reader view, as [page, reader]. */
function painted(page: Page, colour: string): Promise<[number, number]> {
  return page.evaluate((colour) => {
    const inShadow = (n: Node) => n.getRootNode() instanceof ShadowRoot;
    const registry = (globalThis as unknown as { CSS?: { highlights?: Map<string, Set<Range>> } }).CSS?.highlights;
    const ranges = [...(registry?.get(`margin-${colour}`) ?? [])].filter((r) => !r.collapsed);
    const reader = document.querySelector('margin-reader')?.shadowRoot;
    const marks = [
      ...document.querySelectorAll(`mark[data-margin-colour="${colour}"]`),
      ...(reader?.querySelectorAll(`mark[data-margin-colour="${colour}"]`) ?? []),
    ];
    const ids = (els: Element[]) => new Set(els.map((m) => m.getAttribute('data-margin-id'))).size;
    return [
      ranges.filter((r) => !inShadow(r.startContainer)).length + ids(marks.filter((m) => !inShadow(m))),
      ranges.filter((r) => inShadow(r.startContainer)).length + ids(marks.filter((m) => inShadow(m))),
    ] as [number, number];
  }, colour);
}

async function select(page: Page, phrase: string): Promise<void> {
  await page.evaluate((phrase) => {
    const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
    for (let n = walker.nextNode(); n; n = walker.nextNode()) {
      const at = (n as Text).data.indexOf(phrase);
      if (at < 0) continue;
      n.parentElement!.scrollIntoView({ block: 'center' });
      document.getSelection()!.setBaseAndExtent(n, at, n, at + phrase.length);
      return;
    }
    throw new Error(`"${phrase}" is not on the page`);
  }, phrase);
  // Releasing Shift ends a keyboard selection: a trusted keyup.
  await page.keyboard.press('Shift');
}

const toolbarShown = async (page: Page) =>
  (await inShadow(page, 'margin-toolbar', '.mt-bar', function () {
    return !this.hasAttribute('hidden');
  })) === true;
const cardOpen = async (page: Page) =>
  (await inShadow(page, 'margin-toolbar', 'iframe.mt-card', function () {
    return true;
  })) === true;

describe.skipIf(skip)(`highlights in Firefox${skip ? ` (${skip})` : ''}`, () => {
  let server: Awaited<ReturnType<typeof startServer>>;
  let session: FirefoxSession;
  let page: Page;

  beforeAll(async () => {
    server = await startServer({ root: resolve('demo') });
    session = await launchFirefoxWithExtension();
    page = await session.newPage();
    await page.goto(new URL('kubecon-eu-2024-day-two/', server.url).href);
  });
  afterAll(async () => {
    await session?.close();
    await server?.close();
  });

  test('highlight with a note, reload, and find it on the page, in the reader view and in the sidebar', async () => {
    // Until the highlighter has started, a selection shows no toolbar: select again.
    for (let i = 0; i < 50 && !(await toolbarShown(page)); i++) {
      await select(page, PASSAGE);
      await sleep(100);
    }
    await clickInShadow(page, 'margin-toolbar', '.mt-bar:not([hidden]) [data-colour="green"]');
    await expect.poll(() => painted(page, 'green')).toEqual([1, 0]);
    // The page listens to every key it can see while the note is typed.
    await page.evaluate(() => {
      const seen: string[] = ((window as unknown as { seenKeys: string[] }).seenKeys = []);
      for (const type of ['keydown', 'keyup', 'keypress', 'input', 'beforeinput']) {
        window.addEventListener(type, (e) => seen.push(`${type}:${(e as KeyboardEvent).key ?? ''}`), true);
      }
    });
    await clickInShadow(page, 'margin-toolbar', '.mt-bar:not([hidden]) [data-action="note"]');
    await expect.poll(() => cardOpen(page)).toBe(true);
    // The card loads its highlight, then focuses its note field: the keys go to it, not to the page.
    await expect
      .poll(
        () =>
          evaluateInFrame(
            page,
            '/note-card.html',
            `document.hasFocus() && document.activeElement?.dataset.field === 'note'`,
          ),
        { timeout: 10_000 },
      )
      .toBe(true);
    await page.keyboard.type('Hallway conversations beat keynotes');
    await page.screenshot({ path: join(ARTIFACTS_DIR, 'highlight-firefox.png') });
    await page.keyboard.down('Control');
    await page.keyboard.press('Enter');
    await page.keyboard.up('Control');
    await expect.poll(() => cardOpen(page)).toBe(false);
    // (Only the release of Ctrl+Enter, after that keypress closed the card, may reach the page.)
    const seen = await page.evaluate(() => (window as unknown as { seenKeys: string[] }).seenKeys);
    expect(seen.filter((k) => !/^keyup:(Control|Meta|Enter)$/.test(k))).toEqual([]);

    await page.reload();
    await expect.poll(() => painted(page, 'green'), { timeout: 10_000 }).toEqual([1, 0]);

    expect(await toggleReader(session, page)).toEqual({ state: 'opened' });
    await expect.poll(() => painted(page, 'green'), { timeout: 10_000 }).toEqual([1, 1]);
    await page.screenshot({ path: join(ARTIFACTS_DIR, 'highlight-reader-firefox.png') });

    // The note came back with it: the sidebar's page, bound to the post's tab, lists it.
    const tabId = await tabIdOf(session, page);
    const panel = await session.browser.newPage();
    await panel.setViewport({ width: 400, height: 800 });
    await navigate(session, panel, `${session.extensionUrl}sidepanel.html?tab=${tabId}`);
    const card = await panel.waitForSelector('[data-list="cards"] [data-card]', { timeout: 10_000 });
    expect(await card!.$eval('[data-action="reveal"]', (el) => el.textContent)).toBe(PASSAGE);
    await expect
      .poll(() => card!.$eval('[data-field="note"]', (el) => el.textContent))
      .toBe('Hallway conversations beat keynotes');
    await panel.close();

    // The popup, a quick view, counts it.
    const popup = await openPopup(session, page);
    const count = await popup.waitForSelector('[data-count="highlights"]', { timeout: 10_000 });
    await expect.poll(() => count!.evaluate((el) => el.textContent)).toBe('1');
    await popup.close();
  });
});
