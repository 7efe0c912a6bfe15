/**
 * Driving the side panel's page in a normal tab (Playwright cannot open Chrome's side
 * panel): bound to a page's tab with `sidepanel.html?tab=<id>`, or following the
 * active tab without it. Highlights are made through the real extension
 * (`scripts/lib/seed-highlights.ts`), then the page is reloaded so it places them.
 */
import type { Page } from 'playwright-core';
import { expect } from 'vitest';
import type { ChromiumSession } from '../../scripts/lib/chromium';
import { seedFromExtensionPage, type SeedHighlight } from '../../scripts/lib/seed-highlights';
import { tabIdOf } from './highlight-driver';

/** The panel page bound to `page`'s tab, at a side panel's width. */
export async function openSidePanelPage(session: ChromiumSession, page: Page | null, width = 400): Promise<Page> {
  const tabId = page ? await tabIdOf(session, page) : null;
  const panel = await session.context.newPage();
  await panel.setViewportSize({ width, height: 800 });
  await panel.goto(`chrome-extension://${session.extensionId}/sidepanel.html${tabId === null ? '' : `?tab=${tabId}`}`);
  return panel;
}

/**
 * Makes `highlights` on `page` through the extension, reloads the page and waits until
 * the highlighter has placed every one that is on the page.
 * @return their ids, in input order
 */
export async function seedHighlights(
  session: ChromiumSession,
  page: Page,
  highlights: SeedHighlight[],
  placed = highlights.length,
): Promise<string[]> {
  const tabId = await tabIdOf(session, page);
  // The highlighter starts at document_idle: retry until it answers.
  let ids: string[] | null = null;
  for (let i = 0; !ids; i++) {
    try {
      ids = await session.controlPage.evaluate(seedFromExtensionPage, { tabId, highlights });
    } catch (error) {
      if (i > 50 || !String(error).includes('no highlighter')) throw error;
      await page.waitForTimeout(100);
    }
  }
  await page.reload();
  await page.waitForFunction(
    (n) => {
      const registry = (CSS as unknown as { highlights: Map<string, Set<Range>> }).highlights;
      let count = 0;
      for (const [name, h] of registry) if (name !== 'margin-focus') count += h.size;
      return count >= n;
    },
    placed,
    { timeout: 15_000 },
  );
  return ids;
}

/** The panel's cards, in the order shown. */
export const cards = (panel: Page) => panel.locator('[data-list="cards"] [data-card]');
export const card = (panel: Page, id: string) => panel.locator(`[data-list="cards"] [data-highlight-id="${id}"]`);

/** Whether the passage `exact` (in one text node of the page, or of the open reader view) is inside the viewport. */
export async function passageInViewport(page: Page, exact: string): Promise<boolean> {
  return page.evaluate((exact) => {
    const roots: Node[] = [document.body];
    const reader = document.querySelector('margin-reader')?.shadowRoot;
    if (reader) roots.unshift(reader);
    for (const root of roots) {
      const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
      for (let n = walker.nextNode(); n; n = walker.nextNode()) {
        const at = (n as Text).data.indexOf(exact);
        if (at < 0) continue;
        const range = document.createRange();
        range.setStart(n, at);
        range.setEnd(n, at + exact.length);
        const box = range.getBoundingClientRect();
        return box.height > 0 && box.top >= 0 && box.bottom <= innerHeight;
      }
    }
    return false;
  }, exact);
}

/** The text the page flashes as the focused highlight (the painter's `margin-focus` layer). */
export async function flashed(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const h = (CSS as unknown as { highlights: Map<string, Set<Range>> }).highlights.get('margin-focus');
    return [...(h ?? [])].map((r) => r.toString());
  });
}

/**
 * Types `text` as the page note in `panel`, blurs the field (which saves it), and waits until a
 * reloaded panel shows it: the note was kept with the article, not only in the field.
 */
export async function savePageNote(panel: Page, text: string): Promise<void> {
  await panel.locator('[data-page-note]').fill(text);
  await panel.locator('[data-field="title"]').click(); // blur saves
  await expect
    .poll(async () => {
      await panel.reload();
      return panel.locator('[data-page-note]').inputValue();
    })
    .toBe(text);
}
