/**
 * The side panel beside a long page, in real Chromium with the built extension: its
 * first frame holds only the first screenful of cards, the rest follow once that frame
 * is painted. Cards not yet rendered must still answer the user: a click on their
 * highlight on the page (`panel:focus` from the background) opens the card and brings it
 * into view, and j/k walk into them in page order.
 *
 * To hold the panel in that in-between state for as long as the test needs, the panel's
 * page gets no animation frames (`requestAnimationFrame` never calls back, set before
 * its scripts run): the rest of the cards wait for the first frame to be painted, so
 * they never come on their own. The panel page is bound to the long page's tab with
 * `sidepanel.html?tab=<id>` (Playwright cannot open Chrome's side panel).
 */
import { resolve } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { CHROMIUM_PATH, launchChromiumWithExtension, type ChromiumSession } from '../../scripts/lib/chromium';
import { startServer } from '../../scripts/serve';
import { tabIdOf } from './highlight-driver';
import { card, cards, seedHighlights } from './sidepanel-driver';
import { browserSkipReason } from './support';

const skip = browserSkipReason(CHROMIUM_PATH, 'chromium');
const N = 120;
const PATH = '/long-read/';

function longPage(): string {
  const paragraphs = Array.from(
    { length: N },
    (_, i) =>
      `<p>Paragraph ${i} of the long read: the passage number ${i} begins here, and the sentence goes on about reading slowly.</p>`,
  );
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>A long read</title></head><body><article><h1>A long read</h1>${paragraphs.join('')}</article></body></html>`;
}

describe.skipIf(skip)(`the side panel beside a long page in Chromium${skip ? ` (${skip})` : ''}`, () => {
  let server: Awaited<ReturnType<typeof startServer>>;
  let session: ChromiumSession;
  let page: Page;
  let tabId: number;
  let ids: string[] = [];

  /** The panel page, with no animation frames: it stays at its first screenful of cards. */
  async function heldPanel(): Promise<Page> {
    const panel = await session.context.newPage();
    await panel.addInitScript(() => {
      window.requestAnimationFrame = () => 0;
    });
    await panel.setViewportSize({ width: 400, height: 800 });
    await panel.goto(`chrome-extension://${session.extensionId}/sidepanel.html?tab=${tabId}`);
    await expect.poll(() => cards(panel).count(), { timeout: 10_000 }).toBeGreaterThan(0);
    return panel;
  }

  const inView = (panel: Page, id: string) =>
    card(panel, id).evaluate((el) => {
      const box = el.getBoundingClientRect();
      return box.top >= 0 && box.bottom <= innerHeight;
    });

  beforeAll(async () => {
    server = await startServer({ root: resolve('demo') });
    server.setOverride(PATH, longPage());
    session = await launchChromiumWithExtension();
    page = await session.context.newPage();
    await page.goto(new URL(PATH, server.url).href);
    // Made last to first, so the panel's order is the page's, not creation's.
    const made = await seedHighlights(
      session,
      page,
      Array.from({ length: N }, (_, k) => ({
        exact: `the passage number ${N - 1 - k} begins here`,
        note: `Note ${N - 1 - k}`,
      })),
    );
    ids = made.reverse();
    tabId = await tabIdOf(session, page);
  });
  afterAll(async () => {
    await session?.close();
    await server?.close();
  });

  test('every card follows the first screenful, in page order', async () => {
    // Unheld. The page reports where each highlight starts once placed: the order may take a moment.
    const panel = await session.context.newPage();
    await panel.goto(`chrome-extension://${session.extensionId}/sidepanel.html?tab=${tabId}`);
    await expect
      .poll(() => cards(panel).evaluateAll((els) => els.map((e) => e.getAttribute('data-highlight-id'))), {
        timeout: 20_000,
      })
      .toEqual(ids);
    await panel.close();
  });

  test('the first frame holds a screenful of cards, in page order', async () => {
    const held = await heldPanel();
    const first = await cards(held).count();
    expect(first).toBeLessThan(N);
    expect(await cards(held).evaluateAll((els) => els.map((e) => e.getAttribute('data-highlight-id')))).toEqual(
      ids.slice(0, first),
    );
    // The screenful reaches past the panel's bottom edge.
    expect(await card(held, ids[first - 1]!).evaluate((el) => el.getBoundingClientRect().bottom >= innerHeight)).toBe(
      true,
    );
    expect(await held.locator('[data-count="cards"]').textContent()).toBe(String(N));
    await held.close();
  });

  test('a click on a highlight whose card is not rendered yet opens that card and brings it into view', async () => {
    const panel = await heldPanel();
    const last = ids[N - 1]!;
    expect(await card(panel, last).count()).toBe(0);
    // What the background sends when the user clicks that highlight on the page.
    const [background] = session.context.serviceWorkers();
    await background!.evaluate(
      (data) =>
        chrome.runtime.sendMessage({ id: 7, type: 'panel:focus', data, timestamp: Date.now() }).catch(() => undefined),
      { tabId, id: last },
    );
    await expect.poll(() => card(panel, last).getAttribute('data-editing'), { timeout: 5000 }).toBe('');
    await expect.poll(() => inView(panel, last)).toBe(true);
    expect(await card(panel, last).locator('[data-field="note-input"]').inputValue()).toBe(`Note ${N - 1}`);
    // Every card before it came with it, in page order.
    expect(await cards(panel).evaluateAll((els) => els.map((e) => e.getAttribute('data-highlight-id')))).toEqual(ids);
    await panel.close();
  });

  test('j walks past the first screenful into cards not rendered yet, in page order', async () => {
    const panel = await heldPanel();
    const first = await cards(panel).count();
    const target = first + 5;
    await panel.locator('[data-field="title"]').click();
    for (let i = 0; i <= target; i++) await panel.keyboard.press('j');
    const id = ids[target]!;
    await expect.poll(() => card(panel, id).getAttribute('aria-current')).toBe('true');
    expect(await panel.evaluate(() => document.activeElement?.getAttribute('data-highlight-id'))).toBe(id);
    await expect.poll(() => inView(panel, id)).toBe(true);
    await panel.keyboard.press('k');
    await expect.poll(() => card(panel, ids[target - 1]!).getAttribute('aria-current')).toBe('true');
    await panel.close();
  });
});
