/**
 * The side panel's page in real Firefox (Debian's ESR) with the Firefox build: the
 * same page Firefox shows as Margin's sidebar (`sidebar_action`), loaded in a tab and
 * bound to the post's tab with `sidepanel.html?tab=<id>` (the driver cannot open the
 * sidebar). A highlight made through the extension is listed with its note.
 */
import { join, resolve } from 'node:path';
import type { Page } from 'puppeteer-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import {
  FIREFOX_PATH,
  launchFirefoxWithExtension,
  navigate,
  tabIdOf,
  type FirefoxSession,
} from '../../scripts/lib/firefox';
import { seedFromExtensionPage, type SeedHighlight } from '../../scripts/lib/seed-highlights';
import { startServer } from '../../scripts/serve';
import { ARTIFACTS_DIR, browserSkipReason } from './support';

const skip = browserSkipReason(FIREFOX_PATH, 'firefox-esr');
const PASSAGE = 'One of the most humbling aspects of the day';
const sleep = (ms: number) => new Promise((ok) => setTimeout(ok, ms));

describe.skipIf(skip)(`the side panel in Firefox${skip ? ` (${skip})` : ''}`, () => {
  let server: Awaited<ReturnType<typeof startServer>>;
  let session: FirefoxSession;
  let page: Page;

  beforeAll(async () => {
    server = await startServer({ root: resolve('demo') });
    session = await launchFirefoxWithExtension();
    page = await session.newPage(new URL('kubecon-eu-2024-day-two/', server.url).href);
  });
  afterAll(async () => {
    await session?.close();
    await server?.close();
  });

  test('the sidebar page lists the page’s highlight with its note and state', async () => {
    const tabId = await tabIdOf(session, page);
    // The highlighter starts at document_idle: ask until it answers.
    for (let i = 0; ; i++) {
      try {
        await session.controlPage.evaluate(seedFromExtensionPage, {
          tabId,
          highlights: [
            { exact: PASSAGE, colour: 'green', note: 'Say thanks to the people who stopped me', tags: ['people'] },
          ] satisfies SeedHighlight[],
        });
        break;
      } catch (error) {
        if (i > 50 || !String(error).includes('no highlighter')) throw error;
        await sleep(100);
      }
    }
    // The page places it at its next load.
    await page.reload();
    await page.waitForFunction(
      () => {
        const registry = (globalThis as unknown as { CSS?: { highlights?: Map<string, Set<Range>> } }).CSS?.highlights;
        return (
          (registry?.get('margin-green')?.size ?? 0) + document.querySelectorAll('mark[data-margin-colour]').length > 0
        );
      },
      { timeout: 10_000 },
    );
    const panel = await session.browser.newPage();
    await panel.setViewport({ width: 400, height: 800 });
    await navigate(session, panel, `${session.extensionUrl}sidepanel.html?tab=${tabId}`);
    const card = await panel.waitForSelector('[data-list="cards"] [data-card]', { timeout: 10_000 });
    expect(await card!.$eval('[data-action="reveal"]', (el) => el.textContent)).toBe(PASSAGE);
    expect(await card!.$eval('[data-field="note"]', (el) => el.textContent)).toBe(
      'Say thanks to the people who stopped me',
    );
    expect(await card!.$$eval('[data-field="tags"] li', (els) => els.map((e) => e.textContent))).toEqual(['people']);
    expect(await panel.$eval('[data-field="title"]', (el) => el.textContent)).toBe(
      'KubeCon EU 2024: Day Two — Embracing the Hallway Track',
    );
    await panel.screenshot({ path: join(ARTIFACTS_DIR, 'sidepanel-firefox.png') });

    // A click on the card shows the passage on the page.
    await page.evaluate(() => window.scrollTo(0, 0));
    await (await card!.$('[data-action="reveal"]'))!.click();
    await expect.poll(() => page.evaluate(() => window.scrollY > 0)).toBe(true);
    await panel.close();
  });
});
