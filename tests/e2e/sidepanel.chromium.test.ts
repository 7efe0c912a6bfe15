/**
 * The side panel end to end in real Chromium with the built extension, on the sample
 * post served from 127.0.0.1. Playwright cannot open Chrome's side panel, so its page
 * is loaded in a normal tab: bound to the post's tab with `sidepanel.html?tab=<id>`,
 * or, for the last test, without it, following the active tab as it does beside a page.
 */
import { join, resolve } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { CHROMIUM_PATH, launchChromiumWithExtension, type ChromiumSession } from '../../scripts/lib/chromium';
import { startServer } from '../../scripts/serve';
import { clickHighlight, openPopup, pressClosingFrame, tabIdOf, toolbar } from './highlight-driver';
import {
  card,
  cards,
  flashed,
  openSidePanelPage,
  passageInViewport,
  savePageNote,
  seedHighlights,
} from './sidepanel-driver';
import { ARTIFACTS_DIR, browserSkipReason } from './support';

const skip = browserSkipReason(CHROMIUM_PATH, 'chromium');
const POST = '/kubecon-eu-2024-day-two/';
const TITLE = 'KubeCon EU 2024: Day Two — Embracing the Hallway Track';

const FIRST = 'Day Two of KubeCon EU 2024 in Paris has unfolded unexpectedly';
const MIDDLE = 'One of the most humbling aspects of the day';
const LAST = 'Today has been a powerful reminder of why I fell in love with this community';
const GONE = 'A sentence the author has since removed from the post';

describe.skipIf(skip)(`the side panel in Chromium${skip ? ` (${skip})` : ''}`, () => {
  let server: Awaited<ReturnType<typeof startServer>>;
  let session: ChromiumSession;
  let page: Page;
  let panel: Page;
  const id: Record<'first' | 'middle' | 'last' | 'gone', string> = { first: '', middle: '', last: '', gone: '' };

  beforeAll(async () => {
    server = await startServer({ root: resolve('demo') });
    session = await launchChromiumWithExtension();
    page = await session.context.newPage();
    await page.goto(new URL(POST, server.url).href);
    // Made out of page order, so the panel's order is the page's, not creation's.
    const made = await seedHighlights(
      session,
      page,
      [
        { exact: LAST, colour: 'blue', note: 'Why I keep coming back' },
        { exact: FIRST, colour: 'green', note: 'Hallway track > keynotes', tags: ['kubecon', 'hallway track'] },
        { exact: GONE, colour: 'pink', note: 'Ask Dana about this' },
        { exact: MIDDLE, colour: 'yellow' },
      ],
      3,
    );
    Object.assign(id, { last: made[0], first: made[1], gone: made[2], middle: made[3] });
    panel = await openSidePanelPage(session, page);
  });
  afterAll(async () => {
    await session?.close();
    await server?.close();
  });

  test('lists the page’s highlights as cards in page order, with note, tags and state', async () => {
    await expect.poll(() => cards(panel).count(), { timeout: 10_000 }).toBe(4);
    expect(await cards(panel).evaluateAll((els) => els.map((e) => e.getAttribute('data-highlight-id')))).toEqual([
      id.first,
      id.middle,
      id.last,
      id.gone,
    ]);
    expect(await panel.locator('[data-field="title"]').textContent()).toBe(TITLE);
    expect(await panel.locator('[data-count="cards"]').textContent()).toBe('4');
    const first = card(panel, id.first);
    expect(await first.locator('[data-action="reveal"]').textContent()).toBe(FIRST);
    expect(await first.locator('[data-field="note"]').textContent()).toBe('Hallway track > keynotes');
    expect(await first.locator('[data-field="tags"] li').allTextContents()).toEqual(['kubecon', 'hallway track']);
    expect(await first.locator('[data-field="state"]').textContent()).toBe('placed');
    // The page reports what it could not place just after painting the rest.
    await expect
      .poll(() => card(panel, id.gone).locator('[data-field="state"]').textContent(), { timeout: 15_000 })
      .toBe('not found on the page');
    expect(await card(panel, id.gone).locator('[data-field="note"]').textContent()).toBe('Ask Dana about this');
    expect(await panel.locator('ol[aria-labelledby="sp-highlights"]').count()).toBe(1);
    await panel.screenshot({ path: join(ARTIFACTS_DIR, 'sidepanel-chromium.png') });
  });

  test('clicking a card scrolls the page to its highlight and flashes it', async () => {
    await page.evaluate(() => window.scrollTo(0, 0));
    expect(await passageInViewport(page, LAST)).toBe(false);
    await card(panel, id.last).locator('[data-action="reveal"]').click();
    await expect.poll(() => passageInViewport(page, LAST)).toBe(true);
    expect(await flashed(page)).toEqual([LAST]);
  });

  test('a note and tags edited in the panel are saved (the panel reloaded shows them)', async () => {
    const middle = card(panel, id.middle);
    await middle.locator('[data-action="edit"]').click();
    await middle.locator('[data-field="note-input"]').fill('Being recognised: say thanks');
    await middle.locator('[data-field="tags-input"]').fill('people, thanks');
    await middle.locator('[data-colour-choice="purple"]').click();
    await panel.keyboard.press('Escape');
    await expect.poll(() => middle.getAttribute('data-editing')).toBeNull();
    await panel.reload();
    await expect.poll(() => middle.locator('[data-field="note"]').textContent()).toBe('Being recognised: say thanks');
    expect(await middle.locator('[data-field="tags"] li').allTextContents()).toEqual(['people', 'thanks']);
    expect(await middle.getAttribute('data-colour')).toBe('purple');
  });

  test('the page note at the top is saved', async () => {
    await savePageNote(panel, 'Worth re-reading before KubeCon NA');
  });

  test('delete, then undo: the card comes back with its note', async () => {
    const last = card(panel, id.last);
    await last.locator('[data-action="edit"]').click();
    await last.locator('[data-action="delete"]').click();
    await expect.poll(() => cards(panel).count()).toBe(3);
    await panel.locator('[data-undo] [data-action="undo"]').click();
    await expect.poll(() => cards(panel).count()).toBe(4);
    expect(await card(panel, id.last).locator('[data-field="note"]').textContent()).toBe('Why I keep coming back');
  });

  test('j/k move between cards and the page follows; Enter edits; keys typed in a note are text; Esc leaves', async () => {
    await panel.reload();
    await expect.poll(() => cards(panel).count()).toBe(4);
    await page.evaluate(() => window.scrollTo(0, 0));
    await panel.locator('[data-field="title"]').click();
    await panel.keyboard.press('j');
    await expect.poll(() => card(panel, id.first).getAttribute('aria-current')).toBe('true');
    await panel.keyboard.press('j');
    await panel.keyboard.press('ArrowDown');
    await expect.poll(() => card(panel, id.last).getAttribute('aria-current')).toBe('true');
    await expect.poll(() => passageInViewport(page, LAST)).toBe(true);
    await panel.keyboard.press('k');
    await expect.poll(() => card(panel, id.middle).getAttribute('aria-current')).toBe('true');
    expect(await panel.evaluate(() => document.activeElement?.getAttribute('data-highlight-id'))).toBe(id.middle);
    await expect.poll(() => flashed(page)).toEqual([MIDDLE]);

    await panel.keyboard.press('Enter');
    const note = card(panel, id.middle).locator('[data-field="note-input"]');
    await expect.poll(() => note.evaluate((el) => el === document.activeElement)).toBe(true);
    await panel.keyboard.press('End');
    await panel.keyboard.type(' jk');
    expect(await card(panel, id.middle).getAttribute('aria-current')).toBe('true'); // still here
    await panel.keyboard.press('Escape');
    await expect.poll(() => card(panel, id.middle).getAttribute('data-editing')).toBeNull();
    await expect
      .poll(() => card(panel, id.middle).locator('[data-field="note"]').textContent())
      .toBe('Being recognised: say thanks jk');
  });

  test('`panel:focus` for this tab opens that highlight’s card for editing', async () => {
    const tabId = await tabIdOf(session, page);
    // What the background sends when the user clicks a highlight on the page, sent from the
    // background itself: the panel refuses it from anything in a tab (a content script reaches it too).
    const [background] = session.context.serviceWorkers();
    const fromBackground = (data: { tabId: number; id: string }, n: number) =>
      background!.evaluate(
        ({ data, n }) =>
          chrome.runtime
            .sendMessage({ id: n, type: 'panel:focus', data, timestamp: Date.now() })
            .catch(() => undefined),
        { data, n },
      );
    // From a tab (here Margin's own options page) it is ignored.
    await session.controlPage.evaluate(
      ({ tabId, id }) =>
        chrome.runtime
          .sendMessage({ id: 1, type: 'panel:focus', data: { tabId, id }, timestamp: Date.now() })
          .catch(() => undefined),
      { tabId, id: id.first },
    );
    await panel.waitForTimeout(200);
    expect(await panel.locator('[data-editing]').count()).toBe(0);
    await fromBackground({ tabId, id: id.first }, 3);
    await expect.poll(() => card(panel, id.first).getAttribute('data-editing')).toBe('');
    await panel.keyboard.press('Escape');
    // Another tab's highlight is not this panel's business.
    await fromBackground({ tabId: tabId + 1000, id: id.last }, 2);
    await panel.waitForTimeout(200);
    expect(await panel.locator('[data-editing]').count()).toBe(0);
  });

  // Esc in the framed note card was once (1 CI simulation of 3 this stop) not acted on: the card stayed
  // open, never alone (3 runs). pressClosingFrame already copes with a lost acknowledgement; one retry.
  test('clicking a highlight on the page opens its card in the panel (the background forwards `panel:focus`)', {
    retry: 1,
  }, async () => {
    await clickHighlight(page, 'blue');
    await expect.poll(() => card(panel, id.last).getAttribute('data-editing'), { timeout: 5000 }).toBe('');
    await panel.keyboard.press('Escape');
    await expect.poll(() => card(panel, id.last).getAttribute('data-editing')).toBeNull();
    // The click also opened the toolbar and note card on the page: Esc there closes them.
    await page.bringToFront();
    await pressClosingFrame(page, 'Escape');
    await expect.poll(() => toolbar(page).isCardOpen()).toBe(false);
    await expect.poll(() => toolbar(page).isVisible()).toBe(false);
  });

  test('a highlight not found on the page can be kept as a note', async () => {
    const gone = card(panel, id.gone);
    await gone.locator('[data-action="detach"]').click();
    await expect.poll(() => gone.getAttribute('data-anchor')).toBe('detached');
    expect(await gone.locator('[data-field="state"]').textContent()).toBe('kept as a note');
    expect(await gone.locator('[data-action="detach"]').count()).toBe(0);
  });

  test('the reader view: a card click shows the passage there', async () => {
    const tabId = await tabIdOf(session, page);
    await session.controlPage.evaluate(
      (tabId) => chrome.runtime.sendMessage({ id: 3, type: 'reader:toggle', data: { tabId }, timestamp: Date.now() }),
      tabId,
    );
    await page.locator('margin-reader').waitFor({ state: 'attached' });
    await card(panel, id.last).locator('[data-action="reveal"]').click();
    await expect.poll(() => passageInViewport(page, LAST)).toBe(true);
    // No toolbar or note card is open on the page, so Esc (in the page's tab) is the reader's.
    expect(await toolbar(page).isVisible()).toBe(false);
    await page.bringToFront();
    await page.keyboard.press('Escape');
    await expect.poll(() => page.locator('margin-reader').count()).toBe(0);
  });

  test('beside the saved offline copy: the same cards, and a click shows the passage in the copy', async () => {
    const tabId = await tabIdOf(session, page);
    const saved = await session.controlPage.evaluate(
      (tabId) =>
        chrome.runtime.sendMessage({ id: 4, type: 'article:save-offline', data: { tabId }, timestamp: Date.now() }),
      tabId,
    );
    expect(saved.res).toHaveProperty('savedAt');
    const articleId = await panel.locator('main').getAttribute('data-article-id');
    const offline = await session.context.newPage();
    await offline.setViewportSize({ width: 880, height: 800 });
    await offline.goto(`chrome-extension://${session.extensionId}/reader-page.html?article=${articleId}`);
    await offline.locator('[data-offline-reader]').waitFor();
    const beside = await openSidePanelPage(session, offline);
    await expect.poll(() => cards(beside).count(), { timeout: 10_000 }).toBe(4);
    expect(await beside.locator('main').getAttribute('data-panel')).toBe('offline');
    expect(await beside.locator('[data-field="title"]').textContent()).toBe(TITLE);
    expect(await passageInViewport(offline, LAST)).toBe(false);
    await card(beside, id.last).locator('[data-action="reveal"]').click();
    await expect.poll(() => passageInViewport(offline, LAST)).toBe(true);
    await beside.close();
    await offline.close();
  });

  test('without `?tab`, the panel follows the active tab', async () => {
    const follower = await openSidePanelPage(session, null);
    const other = await session.context.newPage();
    await other.goto(new URL('/no-article/', server.url).href);
    await page.bringToFront();
    await expect.poll(() => follower.locator('[data-field="title"]').textContent(), { timeout: 10_000 }).toBe(TITLE);
    // The title may show a moment before the cards are read.
    await expect.poll(() => cards(follower).count()).toBe(4);
    await other.bringToFront();
    await expect
      .poll(() => follower.locator('[data-field="title"]').textContent(), { timeout: 10_000 })
      .not.toBe(TITLE);
    expect(await cards(follower).count()).toBe(0);
    await session.controlPage.goto('chrome://version/');
    await session.controlPage.bringToFront();
    await expect.poll(() => follower.locator('[data-empty="unsupported"]').count(), { timeout: 10_000 }).toBe(1);
    await page.bringToFront();
    await expect.poll(() => cards(follower).count(), { timeout: 10_000 }).toBe(4);
    await session.controlPage.goto(`chrome-extension://${session.extensionId}/options.html`);
    await other.close();
    await follower.close();
  });

  test('the popup’s “Open side panel” opens Chrome’s real side panel, which shows the page', async () => {
    const sidePanels = () =>
      session.controlPage.evaluate(async () => {
        const contexts = await (
          chrome.runtime as unknown as { getContexts(f: object): Promise<{ documentUrl?: string }[]> }
        ).getContexts({
          contextTypes: ['SIDE_PANEL'],
        });
        return contexts.map((c) => new URL(c.documentUrl ?? '').pathname);
      });
    expect(await sidePanels()).toEqual([]);
    const popup = await openPopup(session, page);
    await page.bringToFront();
    await popup.locator('[data-action="open-side-panel"]').click();
    await expect.poll(sidePanels).toEqual(['/sidepanel.html']);
    expect(await popup.locator('[data-popup-message]').count()).toBe(0);
    // Playwright cannot reach the panel's page, but it is one of the extension's views.
    const shown = () =>
      session.controlPage.evaluate(() => {
        // The real panel, not the bound panel page open in a tab (`?tab=`).
        const view = chrome.extension
          .getViews()
          .find((v) => v.location.pathname === '/sidepanel.html' && !v.location.search);
        return view
          ? {
              title: view.document.querySelector('[data-field="title"]')?.textContent,
              cards: view.document.querySelectorAll('[data-card]').length,
            }
          : null;
      });
    await expect.poll(shown, { timeout: 10_000 }).toEqual({ title: TITLE, cards: 4 });
    await popup.close();
    // It follows the user to another tab and back.
    const other = await session.context.newPage();
    await other.goto(new URL('/no-article/', server.url).href);
    await other.bringToFront();
    await expect.poll(async () => (await shown())?.cards, { timeout: 10_000 }).toBe(0);
    await page.bringToFront();
    await expect.poll(shown, { timeout: 10_000 }).toEqual({ title: TITLE, cards: 4 });
    await other.close();
  });
});
