/**
 * Highlights on a single-page app in real Chromium: the article is rendered by
 * script after load, and links change the address with history.pushState. A
 * highlight must be found when its text arrives late, must not be reported lost
 * while the page is still loading, and must follow in-app navigation.
 */
import { resolve } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { CHROMIUM_PATH, launchChromiumWithExtension, type ChromiumSession } from '../../scripts/lib/chromium';
import { startServer } from '../../scripts/serve';
import { openPopup, painted, selectUntilToolbar, toolbar } from './highlight-driver';
import { browserSkipReason } from './support';

const skip = browserSkipReason(CHROMIUM_PATH, 'chromium');
const PASSAGE = 'a conversation by the coffee urn';

describe.skipIf(skip)(`highlights on a single-page app in Chromium${skip ? ` (${skip})` : ''}`, () => {
  let server: Awaited<ReturnType<typeof startServer>>;
  let session: ChromiumSession;
  let page: Page;

  beforeAll(async () => {
    server = await startServer({ root: resolve('demo') });
    session = await launchChromiumWithExtension();
    page = await session.context.newPage();
    await page.goto(new URL('/spa/?post=1', server.url).href);
    await page.locator('article h1').waitFor();
  });
  afterAll(async () => {
    await session?.close();
    await server?.close();
  });

  test('a highlight on content rendered after load comes back after a reload, without a false "not found"', async () => {
    await selectUntilToolbar(page, PASSAGE);
    await toolbar(page).click('[data-colour="purple"]');
    await expect.poll(() => painted(page, 'purple')).toMatchObject({ page: 1, texts: [PASSAGE] });

    await page.reload();
    await expect.poll(() => painted(page, 'purple'), { timeout: 10_000 }).toMatchObject({ page: 1, texts: [PASSAGE] });
    // Give the settle period time to pass: nothing may have been called lost.
    await page.waitForTimeout(2000);
    expect(await toolbar(page).toast()).toBe(null);
    const popup = await openPopup(session, page);
    await expect.poll(() => popup.locator('[data-list="highlights"] [data-highlight-id]').getAttribute('data-anchor')).toBe('anchored');
    await popup.close();
  });

  test('in-app navigation to another post shows that post’s highlights, and back again', async () => {
    await page.locator('nav a[data-post="2"]').click();
    await expect.poll(() => page.locator('article h1').textContent()).toBe('In praise of slow reading');
    // Margin notices the new address (it polls once a second) and has nothing for this post.
    await expect.poll(async () => (await openPopupCount()) ?? -1, { timeout: 10_000 }).toBe(0);
    expect((await painted(page, 'purple')).page).toBe(0);

    await page.goBack();
    await expect.poll(() => page.locator('article h1').textContent()).toBe('What the hallway track taught me');
    await expect.poll(() => painted(page, 'purple'), { timeout: 10_000 }).toMatchObject({ page: 1, texts: [PASSAGE] });
  });

  async function openPopupCount(): Promise<number | null> {
    const popup = await openPopup(session, page);
    try {
      await popup.locator('main.pp:not([aria-busy])').waitFor();
      const title = await popup.locator('[data-field="title"]').textContent();
      if (title !== 'In praise of slow reading') return null;
      return await popup.locator('[data-list="highlights"] [data-highlight-id]').count();
    } finally {
      await popup.close();
    }
  }
});
