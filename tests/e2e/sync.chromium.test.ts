/**
 * Sync end to end: two Chromium profiles with the built extension, both set up
 * through the options page for one real WebDAV server (rclone, on 127.0.0.1), both
 * showing the sample post. A highlight with a note made in A shows in B; a delete
 * in B disappears from A; a note edited in both before either synced shows as a
 * conflict in both popups, and choosing a version in one clears it in both.
 */
import { join, resolve } from 'node:path';
import type { Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { CHROMIUM_PATH, launchChromiumWithExtension, type ChromiumSession } from '../../scripts/lib/chromium';
import { startServer } from '../../scripts/serve';
import { rcloneMissing, startWebDavServer, type WebDavServer } from '../support/webdav-server';
import { openPopup, painted, selectUntilToolbar, toolbar } from './highlight-driver';
import { ARTIFACTS_DIR, browserSkipReason } from './support';

const skip = browserSkipReason(CHROMIUM_PATH, 'chromium') ?? rcloneMissing;
const POST = '/kubecon-eu-2024-day-two/';
const PASSAGE = 'I found the kind of deep, personal engagement';
const NOTE = 'Hallway conversations beat keynotes';
const SECOND = 'The hallway track has reinforced my belief in slowing down';

describe.skipIf(skip)(`sync between two Chromium profiles${skip ? ` (${skip})` : ''}`, () => {
  let dav: WebDavServer;
  let site: Awaited<ReturnType<typeof startServer>>;
  let a: ChromiumSession;
  let b: ChromiumSession;
  let pageA: Page;
  let pageB: Page;

  beforeAll(async () => {
    [dav, site] = await Promise.all([startWebDavServer(), startServer({ root: resolve('demo') })]);
    // One after the other: two browsers starting at once on two cores time out.
    a = await launchChromiumWithExtension();
    b = await launchChromiumWithExtension();
    pageA = await a.context.newPage();
    pageB = await b.context.newPage();
    await pageA.goto(new URL(POST, site.url).href);
    await pageB.goto(new URL(POST, site.url).href);
  });
  afterAll(async () => {
    await a?.close();
    await b?.close();
    await site?.close();
    await dav?.stop();
  });

  const options = (s: ChromiumSession) => s.controlPage;
  /** The options page, in front: a hidden tab's frames are throttled and every click waits seconds for them. */
  async function front(s: ChromiumSession): Promise<Page> {
    await s.controlPage.bringToFront();
    return s.controlPage;
  }
  const field = (s: ChromiumSession, name: string) => options(s).locator(`[data-sync-field="${name}"]`);

  async function fillServer(s: ChromiumSession, password: string) {
    await field(s, 'url').fill(dav.url);
    await field(s, 'username').fill(dav.username);
    await field(s, 'password').fill(password);
    await field(s, 'folder').fill('Margin');
  }

  /** Types the settings into the options page, tests the connection, turns sync on and saves. */
  async function setUp(s: ChromiumSession) {
    await front(s);
    await expect.poll(() => options(s).locator('.options-sync[data-sync-loaded="true"]').count()).toBe(1);
    await fillServer(s, dav.password);
    await options(s).locator('[data-action="sync-test"]').click();
    const tested = options(s).locator('[data-sync-note="test"]');
    await expect.poll(() => tested.textContent(), { timeout: 15_000 }).toMatch(/^Connected/);
    await field(s, 'enabled').check();
    await options(s).locator('[data-action="sync-save"]').click();
    await expect.poll(() => options(s).locator('[data-sync-note="save"]').textContent()).toMatch(/^Saved\. Margin syncs every 15 minutes/);
  }

  /** Clicks "Sync now" once no sync is running, and waits until one has finished since. */
  async function syncNow(s: ChromiumSession) {
    const button = (await front(s)).locator('[data-action="sync-now"]');
    const status = options(s).locator('.options-sync-status');
    await expect.poll(() => button.isEnabled(), { timeout: 20_000 }).toBe(true);
    const clicked = Date.now();
    await button.click();
    await expect
      .poll(
        async () => ({
          state: await status.getAttribute('data-state'),
          after: Number((await status.getAttribute('data-last-sync-at')) ?? 0) >= clicked,
          pending: await status.getAttribute('data-pending'),
        }),
        { timeout: 20_000 },
      )
      .toEqual({ state: 'idle', after: true, pending: '0' });
  }

  const highlightItems = (popup: Page) => popup.locator('[data-list="highlights"] [data-highlight-id]');
  const itemWithQuote = (popup: Page, quote: string): Locator =>
    highlightItems(popup).filter({ has: popup.locator('[data-action="reveal"]', { hasText: quote }) });

  test('a wrong password is said plainly by "Test connection"', async () => {
    await front(a);
    await expect.poll(() => options(a).locator('.options-sync[data-sync-loaded="true"]').count()).toBe(1);
    await fillServer(a, 'not the password');
    await options(a).locator('[data-action="sync-test"]').click();
    await expect
      .poll(() => options(a).locator('[data-sync-note="test"]').textContent(), { timeout: 15_000 })
      .toBe('Wrong user name or password (401).');
  });

  test('both browsers are set up through the options page', async () => {
    await setUp(a);
    await setUp(b);
    await syncNow(a);
    await syncNow(b);
    expect(await options(b).locator('.options-sync-status [data-sync-error]').textContent()).toBe('None');
    await options(a).locator('#sync-heading').scrollIntoViewIfNeeded();
    await options(a).screenshot({ path: join(ARTIFACTS_DIR, 'sync-options-chromium.png'), fullPage: true });
  });

  test('a highlight with a note made in A appears in B after sync: painted, and in the popup', async () => {
    await selectUntilToolbar(pageA, PASSAGE);
    await toolbar(pageA).locator('[data-colour="green"]').click();
    await expect.poll(() => painted(pageA, 'green')).toMatchObject({ page: 1 });
    await toolbar(pageA).locator('[data-action="note"]').click();
    await toolbar(pageA).locator('[data-field="note"]').fill(NOTE);
    await toolbar(pageA).locator('[data-action="save-note"]').click();
    await expect.poll(() => toolbar(pageA).isVisible()).toBe(false);

    await syncNow(a);
    expect(await painted(pageB, 'green')).toMatchObject({ page: 0 });
    await syncNow(b);
    // B's page was open all along: the sync tells it to repaint.
    await expect.poll(() => painted(pageB, 'green'), { timeout: 10_000 }).toMatchObject({ page: 1, texts: [PASSAGE] });

    const popup = await openPopup(b, pageB);
    await expect.poll(() => highlightItems(popup).count()).toBe(1);
    expect(await itemWithQuote(popup, PASSAGE).locator('[data-field="note"]').inputValue()).toBe(NOTE);
    await expect.poll(() => popup.locator('[data-sync-status]').getAttribute('data-state')).toBe('idle');
    expect(await popup.locator('[data-sync-line]').textContent()).toMatch(/^Synced just now/);
    await popup.close();
  });

  test('a delete in B disappears in A', async () => {
    const popup = await openPopup(b, pageB);
    await expect.poll(() => highlightItems(popup).count()).toBe(1);
    await itemWithQuote(popup, PASSAGE).locator('[data-action="delete"]').click();
    await expect.poll(() => painted(pageB, 'green')).toMatchObject({ page: 0 });
    await popup.close();

    await syncNow(b);
    await syncNow(a);
    await expect.poll(() => painted(pageA, 'green'), { timeout: 10_000 }).toMatchObject({ page: 0 });
    const popupA = await openPopup(a, pageA);
    await expect.poll(() => popupA.locator('[data-count="highlights"]').textContent()).toBe('0');
    await popupA.close();
  });

  test('a note edited in both before either synced shows as a conflict in both; choosing in one clears it in both', async () => {
    await selectUntilToolbar(pageA, SECOND);
    await toolbar(pageA).locator('[data-colour="blue"]').click();
    await expect.poll(() => painted(pageA, 'blue')).toMatchObject({ page: 1 });
    await pageA.keyboard.press('Escape');
    await syncNow(a);
    await syncNow(b);
    await expect.poll(() => painted(pageB, 'blue'), { timeout: 10_000 }).toMatchObject({ page: 1 });

    const popupA = await openPopup(a, pageA);
    const popupB = await openPopup(b, pageB);
    const noteIn = (popup: Page) => itemWithQuote(popup, SECOND).locator('[data-field="note"]');
    await expect.poll(() => highlightItems(popupB).count()).toBe(1);
    // Neither browser has seen the other's edit when it makes its own.
    await noteIn(popupA).fill('Written in A');
    await noteIn(popupA).blur();
    await noteIn(popupB).fill('Written in B');
    await noteIn(popupB).blur();

    await syncNow(a);
    await syncNow(b);
    await syncNow(a);

    const versions = (popup: Page) => itemWithQuote(popup, SECOND).locator('[data-note-conflict] [data-field="version-text"]');
    for (const popup of [popupA, popupB]) {
      await expect.poll(async () => (await versions(popup).allTextContents()).sort(), { timeout: 10_000 }).toEqual(['Written in A', 'Written in B']);
      expect(await popup.locator('[data-note-conflict]').first().textContent()).toContain('Changed in another browser at the same time');
    }
    await popupB.screenshot({ path: join(ARTIFACTS_DIR, 'sync-conflict-popup-chromium.png') });

    // A keeps B's version.
    await itemWithQuote(popupA, SECOND)
      .locator('[data-conflict-version]', { hasText: 'Written in B' })
      .locator('[data-action="keep-version"]')
      .click();
    await expect.poll(() => itemWithQuote(popupA, SECOND).locator('[data-note-conflict]').count()).toBe(0);
    expect(await noteIn(popupA).inputValue()).toBe('Written in B');

    await syncNow(a);
    await syncNow(b);
    await expect.poll(() => itemWithQuote(popupB, SECOND).locator('[data-note-conflict]').count(), { timeout: 10_000 }).toBe(0);
    expect(await noteIn(popupB).inputValue()).toBe('Written in B');
    await popupA.close();
    await popupB.close();
  });
});
