/**
 * Highlights on a single-page app in real Chromium: the article is rendered by
 * script after load, and links change the address with history.pushState. A
 * highlight must be found when its text arrives late, must not be reported lost
 * while the page is still loading, must follow in-app navigation, and one made after
 * in-app navigation belongs to the post it was made on. What Margin knows of the tab
 * is read from the side panel's page, bound to the tab (`sidepanel.html?tab=<id>`).
 */
import { resolve } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { CHROMIUM_PATH, launchChromiumWithExtension, type ChromiumSession } from '../../scripts/lib/chromium';
import { startServer } from '../../scripts/serve';
import { painted, selectUntilToolbar, toolbar } from './highlight-driver';
import { cards, openSidePanelPage } from './sidepanel-driver';
import { browserSkipReason } from './support';

const skip = browserSkipReason(CHROMIUM_PATH, 'chromium');
const PASSAGE = 'a conversation by the coffee urn';
const SLOW_READING = 'In praise of slow reading';

describe.skipIf(skip)(`highlights on a single-page app in Chromium${skip ? ` (${skip})` : ''}`, () => {
  let server: Awaited<ReturnType<typeof startServer>>;
  let session: ChromiumSession;
  let page: Page;

  beforeAll(async () => {
    server = await startServer({ root: resolve('demo') });
    session = await launchChromiumWithExtension();
    // A step that cannot happen fails with its reason, not with the test's timeout.
    session.context.setDefaultTimeout(15_000);
    page = await session.context.newPage();
    await page.goto(new URL('/spa/?post=1', server.url).href);
    await page.locator('article h1').waitFor();
  });
  afterAll(async () => {
    await session?.close();
    await server?.close();
  });

  /** What the side panel shows for the tab now: the page's title and its cards' quotes and anchor states. */
  async function panelView(): Promise<{
    title: string | null;
    cards: { quote: string | null; anchor: string | null }[];
  }> {
    const panel = await openSidePanelPage(session, page);
    try {
      // Stamped once the panel has read the tab and its highlights (`use-paint-mark.ts`).
      await panel.locator('main[data-paint-ms]').waitFor({ state: 'attached' });
      const title = await panel
        .locator('[data-field="title"]')
        .textContent({ timeout: 1000 })
        .catch(() => null);
      const list = await cards(panel).evaluateAll((els) =>
        els.map((e) => ({
          quote: e.querySelector('[data-action="reveal"]')?.textContent ?? null,
          anchor: e.getAttribute('data-anchor'),
        })),
      );
      return { title, cards: list };
    } finally {
      await panel.close();
    }
  }

  test('a highlight on content rendered after load comes back after a reload, without a false "not found"', async () => {
    await selectUntilToolbar(page, PASSAGE);
    await toolbar(page).click('[data-colour="purple"]');
    await expect.poll(() => painted(page, 'purple')).toMatchObject({ page: 1, texts: [PASSAGE] });

    await page.reload();
    await expect.poll(() => painted(page, 'purple'), { timeout: 10_000 }).toMatchObject({ page: 1, texts: [PASSAGE] });
    // Give the settle period time to pass: nothing may have been called lost.
    await page.waitForTimeout(2000);
    expect(await toolbar(page).toast()).toBe(null);
    await expect
      .poll(() => panelView(), { timeout: 10_000 })
      .toMatchObject({ cards: [{ quote: PASSAGE, anchor: 'anchored' }] });
  });

  test('in-app navigation to another post shows that post’s highlights, and back again', async () => {
    await page.locator('nav a[data-post="2"]').click();
    await expect.poll(() => page.locator('article h1').textContent()).toBe(SLOW_READING);
    // Margin notices the new address and has nothing for this post.
    await expect.poll(() => panelView(), { timeout: 10_000 }).toEqual({ title: SLOW_READING, cards: [] });
    expect((await painted(page, 'purple')).page).toBe(0);

    await page.goBack();
    await expect.poll(() => page.locator('article h1').textContent()).toBe('What the hallway track taught me');
    await expect.poll(() => painted(page, 'purple'), { timeout: 10_000 }).toMatchObject({ page: 1, texts: [PASSAGE] });
  });

  test('a highlight made after in-app navigation stays with the post it was made on', async () => {
    await page.locator('nav a[data-post="2"]').click();
    await expect.poll(() => page.locator('article h1').textContent()).toBe(SLOW_READING);
    // The highlighter has settled on the new post: Margin shows it, with nothing on it yet.
    await expect.poll(() => panelView(), { timeout: 10_000 }).toEqual({ title: SLOW_READING, cards: [] });

    const passage = 'a conversation with the author';
    await selectUntilToolbar(page, passage);
    await toolbar(page).click('[data-colour="green"]');
    await expect.poll(() => painted(page, 'green')).toMatchObject({ page: 1, texts: [passage] });

    await page.reload();
    await expect.poll(() => page.locator('article h1').textContent()).toBe(SLOW_READING);
    await expect.poll(async () => (await painted(page, 'green')).page, { timeout: 10_000 }).toBe(1);
    expect((await painted(page, 'purple')).page).toBe(0);

    // …and not with the post the tab showed before.
    await page.locator('nav a[data-post="1"]').click();
    await expect.poll(() => page.locator('article h1').textContent()).toBe('What the hallway track taught me');
    await expect.poll(() => painted(page, 'purple'), { timeout: 10_000 }).toMatchObject({ page: 1, texts: [PASSAGE] });
    expect((await painted(page, 'green')).page).toBe(0);
  });
});
