/**
 * The reading list in real Firefox (Debian's ESR) with the Firefox build: the demo post
 * saved for later from the popup (opened as a page: headless Firefox has no toolbar
 * button) is announced on the page and listed, unread, in the library's Reading list.
 */
import { resolve } from 'node:path';
import type { Page } from 'puppeteer-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import {
  FIREFOX_PATH,
  launchFirefoxWithExtension,
  navigate,
  openPopup,
  type FirefoxSession,
} from '../../scripts/lib/firefox';
import { startServer } from '../../scripts/serve';
import { inShadow } from './firefox-shadow';
import { browserSkipReason } from './support';

const skip = browserSkipReason(FIREFOX_PATH, 'firefox-esr');

const text = (page: Page, selector: string) =>
  page.evaluate((selector) => document.querySelector(selector)?.textContent ?? null, selector);

describe.skipIf(skip)(`reading list in Firefox${skip ? ` (${skip})` : ''}`, () => {
  let server: Awaited<ReturnType<typeof startServer>>;
  let session: FirefoxSession;
  beforeAll(async () => {
    server = await startServer({ root: resolve('demo') });
    session = await launchFirefoxWithExtension();
  });
  afterAll(async () => {
    await session?.close();
    await server?.close();
  });

  test('save for later from the popup; the page says so; the Reading list shows it unread', async () => {
    const url = new URL('kubecon-eu-2024-day-two/', server.url).href;
    const page = await session.newPage(url);
    const popup = await openPopup(session, page);
    await expect.poll(() => text(popup, '[data-action="save-for-later"]'), { timeout: 10_000 }).toBe('Save for later');
    await popup.click('[data-action="save-for-later"]');
    await expect.poll(() => text(popup, '[data-field="reading-status"]'), { timeout: 10_000 }).toBe('Unread');
    await expect
      .poll(
        () =>
          inShadow(page, 'margin-toolbar', '[data-margin-toast]:not([hidden])', function () {
            return this.textContent;
          }),
        { timeout: 10_000 },
      )
      .toBe('Saved for later.');
    await popup.close();

    const library = await session.browser.newPage();
    await navigate(session, library, `${session.extensionUrl}library.html#reading-list`);
    await expect
      .poll(
        () =>
          library.evaluate(() =>
            [...document.querySelectorAll('[data-reading-row]')].map((row) => [
              row.querySelector('[data-open-article]')?.textContent,
              row.getAttribute('data-reading-status'),
            ]),
          ),
        { timeout: 10_000 },
      )
      .toEqual([['KubeCon EU 2024: Day Two — Embracing the Hallway Track', 'unread']]);
    await library.close();
    await page.close();
  });
});
