/**
 * The reading list (#15 part 1) as a user meets it in Chromium with the built extension:
 * a Pocket export lands on the list with its states, unread first; the keyboard moves
 * and archives in the library; the demo post saved for later from the popup keeps its
 * reading position from the reader view, restored on reopening (the reader view, the
 * offline copy, the live page), and the side panel and library show it being read; the
 * context menu and the command save too; the badge counts unread articles when set to;
 * an imported favourite is starred. The tests run in order on one profile.
 */
import { resolve } from 'node:path';
import { strToU8, zipSync } from 'fflate';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import {
  CHROMIUM_PATH,
  launchChromiumWithExtension,
  toggleReader,
  type ChromiumSession,
} from '../../scripts/lib/chromium';
import { startServer } from '../../scripts/serve';
import { MARGIN_COMMANDS } from '../../utils/shortcuts/unassigned-shortcuts';
import { inShadow, openPopup, tabIdOf, toolbar } from './highlight-driver';
import { openSidePanelPage } from './sidepanel-driver';
import { readingRows, storedArticle, topOfReader, topOfView } from './reading-list-driver';
import { browserSkipReason } from './support';

const skip = browserSkipReason(CHROMIUM_PATH, 'chromium');
const POST = '/kubecon-eu-2024-day-two/';

/** A Pocket export: three saves, one archived, tagged; the newest unread one last in the file. */
function pocketExport(base: string): Buffer {
  const row = (title: string, path: string, seconds: number, tags: string, status: string) =>
    `"${title}",${new URL(path, base).href},${seconds},${tags},${status}`;
  const csv = [
    'title,url,time_added,tags,status',
    row('Slow travel, old trains', '/saved/trains', 1_700_000_000, 'travel', 'unread'),
    row('Tides and harbours', '/saved/tides', 1_705_000_000, 'sea|travel', 'archive'),
    row('Bread at home, a year on', '/saved/bread', 1_710_000_000, '', 'unread'),
  ].join('\n');
  return Buffer.from(zipSync({ 'part_000000.csv': strToU8(`${csv}\n`) }));
}

describe.skipIf(skip)(`reading list in Chromium${skip ? ` (${skip})` : ''}`, () => {
  let server: Awaited<ReturnType<typeof startServer>>;
  let session: ChromiumSession;
  beforeAll(async () => {
    server = await startServer({ root: resolve('demo') });
    session = await launchChromiumWithExtension();
  });
  afterAll(async () => {
    await session?.close();
    await server?.close();
  });

  async function library(): Promise<Page> {
    const page = await session.context.newPage();
    await page.goto(`chrome-extension://${session.extensionId}/library.html#reading-list`);
    return page;
  }

  test('a Pocket export lands on the reading list with its states, unread first', async () => {
    const page = await library();
    await page.locator('[data-panel="export-import"] summary').click();
    await page
      .locator('[data-import-file]')
      .setInputFiles({ name: 'pocket.zip', mimeType: 'application/zip', buffer: pocketExport(server.url) });
    await expect
      .poll(() => page.locator('[data-import-preview]').textContent(), { timeout: 10_000 })
      .toContain('Pocket export: nothing has been written yet.');
    await page.locator('[data-action="apply-import"]').click();
    await expect.poll(() => page.locator('[data-transfer-status]').textContent()).toMatch(/^Imported/);

    await expect
      .poll(() => readingRows(page), { timeout: 10_000 })
      .toEqual([
        { title: 'Bread at home, a year on', status: 'unread', favourite: false },
        { title: 'Slow travel, old trains', status: 'unread', favourite: false },
        { title: 'Tides and harbours', status: 'archived', favourite: false },
      ]);
    // The filters narrow by state and tag.
    await page.locator('[data-reading-filter="status"]').selectOption('archived');
    await expect.poll(async () => (await readingRows(page)).map((r) => r.title)).toEqual(['Tides and harbours']);
    await page.locator('[data-reading-filter="status"]').selectOption('');
    await page.locator('[data-reading-filter="tag"]').selectOption('travel');
    await expect
      .poll(async () => (await readingRows(page)).map((r) => r.title))
      .toEqual(['Slow travel, old trains', 'Tides and harbours']);
    await page.close();
  });

  test('the keyboard: j moves, e archives the focused row, f stars it, u puts it back', async () => {
    const page = await library();
    await expect.poll(async () => (await readingRows(page)).length, { timeout: 10_000 }).toBe(3);
    await page.keyboard.press('j');
    await page.keyboard.press('j');
    const focused = page.locator('[data-reading-row][aria-current="true"]');
    await expect.poll(() => focused.locator('[data-open-article]').textContent()).toBe('Slow travel, old trains');

    await page.keyboard.press('e');
    // Archived, it moves among the read ones (newest saved first), and the cursor goes with it.
    await expect
      .poll(() => readingRows(page))
      .toEqual([
        { title: 'Bread at home, a year on', status: 'unread', favourite: false },
        { title: 'Tides and harbours', status: 'archived', favourite: false },
        { title: 'Slow travel, old trains', status: 'archived', favourite: false },
      ]);
    await expect.poll(() => focused.locator('[data-open-article]').textContent()).toBe('Slow travel, old trains');
    await page.keyboard.press('f');
    await expect.poll(async () => (await readingRows(page))[2]?.favourite).toBe(true);
    await page.keyboard.press('u');
    await expect
      .poll(async () => (await readingRows(page)).map((r) => `${r.title}: ${r.status}`))
      .toEqual(['Bread at home, a year on: unread', 'Slow travel, old trains: unread', 'Tides and harbours: archived']);
    // Stored, not only shown: a fresh library shows the same.
    await page.reload();
    await expect
      .poll(async () => (await readingRows(page))[1])
      .toEqual({
        title: 'Slow travel, old trains',
        status: 'unread',
        favourite: true,
      });
    await page.close();
  });

  test('saved for later from the popup, read halfway in the reader view, reopened at the same passage', async () => {
    const url = new URL(POST, server.url).href;
    const page = await session.context.newPage();
    await page.setViewportSize({ width: 1000, height: 700 });
    await page.goto(url);
    const popup = await openPopup(session, page);
    await popup.locator('[data-action="save-for-later"]').click();
    await expect.poll(() => popup.locator('[data-popup-message]').textContent()).toMatch(/^Saved for later/);
    await expect.poll(() => popup.locator('[data-field="reading-status"]').textContent()).toBe('Unread');
    await expect.poll(() => toolbar(page).toast(), { timeout: 10_000 }).toBe('Saved for later.');
    await popup.close();
    await page.bringToFront();

    expect(await toggleReader(session, page)).toEqual({ state: 'opened' });
    // Halfway down the article with the keyboard, as a reader scrolls (focus is in the reader).
    for (let i = 0; i < 60; i++) {
      const at = await inShadow(page, 'margin-reader', '.mr-root', function () {
        return this.scrollTop / (this.scrollHeight - this.clientHeight);
      });
      if ((at ?? 0) >= 0.5) break;
      await page.keyboard.press('ArrowDown');
      await page.waitForTimeout(30);
    }
    // The reader scrolls smoothly: wait until it has stopped.
    let before = await topOfReader(page);
    for (let settled = 0; settled < 3; ) {
      await page.waitForTimeout(150);
      const now = await topOfReader(page);
      settled = now.scrollTop === before.scrollTop ? settled + 1 : 0;
      before = now;
    }
    expect(before.scrollTop).toBeGreaterThan(500);
    // Closing the reader is leaving the article: its place is reported then.
    expect(await toggleReader(session, page)).toEqual({ state: 'closed' });
    await expect
      .poll(async () => (await storedArticle(session, url))?.resumeQuote?.slice(0, 20), { timeout: 10_000 })
      .toBe(before.text.slice(0, 20));
    const article = (await storedArticle(session, url))!;
    expect(article.readingStatus).toBe('reading');
    expect(article.progress).toBeGreaterThan(0.2);
    expect(article.progress).toBeLessThan(0.8);

    // Reopened: at the same passage.
    expect(await toggleReader(session, page)).toEqual({ state: 'opened' });
    await expect
      .poll(async () => Math.abs((await topOfReader(page)).scrollTop - before.scrollTop), { timeout: 5000 })
      .toBeLessThan(40);
    expect(await toggleReader(session, page)).toEqual({ state: 'closed' });

    // The offline copy (saved with it) opens at the same passage too.
    const offline = await session.context.newPage();
    await offline.setViewportSize({ width: 1000, height: 700 });
    await offline.goto(`chrome-extension://${session.extensionId}/reader-page.html?article=${article.id}`);
    await expect
      .poll(() => topOfView(offline, article.resumeQuote!, '.mr-toolbar'), { timeout: 5000 })
      .toBeLessThan(60);
    // Read on to the end there: leaving the copy reports where it was left.
    await offline.keyboard.press('End');
    await offline.waitForTimeout(600);
    await offline.close({ runBeforeUnload: true });
    await expect
      .poll(async () => (await storedArticle(session, url))?.progress, { timeout: 10_000 })
      .toBeGreaterThan(0.9);
    // The live page below expects the reader view's place: put it back as it was reported.
    await session.controlPage.evaluate(
      ({ id, progress, resumeQuote }) =>
        chrome.runtime.sendMessage({
          id: 1,
          type: 'reading:progress',
          data: { articleId: id, progress, resumeQuote },
          timestamp: Date.now(),
        }),
      { id: article.id, progress: article.progress, resumeQuote: article.resumeQuote },
    );
    await expect.poll(async () => (await storedArticle(session, url))?.progress).toBe(article.progress);

    // And so does the page itself, opened afresh in a new tab.
    const again = await session.context.newPage();
    await again.setViewportSize({ width: 1000, height: 700 });
    await again.goto(url);
    await expect.poll(() => topOfView(again, article.resumeQuote!), { timeout: 10_000 }).toBeLessThan(60);
    await again.close();

    // The side panel beside the page shows the same state, and stars it.
    const panel = await openSidePanelPage(session, page);
    await expect
      .poll(() => panel.locator('[data-field="reading-status"]').textContent(), { timeout: 10_000 })
      .toBe('Reading');
    expect(await panel.locator('[data-field="reading-summary"]').textContent()).toMatch(/min read · \d+% read$/);
    await panel.locator('[data-action="favourite"]').click();
    await expect.poll(async () => (await storedArticle(session, url))?.favourite).toBe(true);
    await panel.close();

    const list = await library();
    const row = list.locator(`[data-reading-row="${article.id}"]`);
    await expect.poll(() => row.getAttribute('data-reading-status'), { timeout: 10_000 }).toBe('reading');
    expect(Number(await row.locator('[data-field="progress"]').getAttribute('data-progress'))).toBeGreaterThan(0);
    // o on the row opens its offline copy, at the same passage; Esc comes back to the list.
    await row.locator('[data-field="site"]').click();
    await list.keyboard.press('o');
    await list.waitForURL(/reader-page\.html\?article=/);
    await expect.poll(() => topOfView(list, article.resumeQuote!, '.mr-toolbar'), { timeout: 5000 }).toBeLessThan(60);
    await list.keyboard.press('Escape');
    await list.waitForURL(/library\.html#reading-list$/);
    await expect.poll(() => list.locator('[data-reading-list]').count()).toBe(1);
    await list.close();
    await page.close();
  });
  test('the context menu and the keyboard command save the page in the tab, and the page says so', async () => {
    // The browser's own menu and keys cannot be driven headless: their events are dispatched
    // in the background, where the extension's listeners receive them as from the browser.
    const worker = session.context.serviceWorkers()[0]!;
    const searchPage = new URL('/no-article/', server.url).href;
    const blog = new URL('/spa/', server.url).href;
    for (const [url, how] of [
      [searchPage, 'menu'],
      [blog, 'command'],
    ] as const) {
      const page = await session.context.newPage();
      await page.goto(url);
      const tabId = await tabIdOf(session, page);
      // Until the highlighter has started on the page there is nobody to show the toast: try again.
      await expect
        .poll(
          async () => {
            await worker.evaluate(
              ({ how, tabId, url }) => {
                const tab = { id: tabId, url } as chrome.tabs.Tab;
                const events = chrome as unknown as {
                  contextMenus: { onClicked: { dispatch(info: unknown, tab: unknown): void } };
                  commands: { onCommand: { dispatch(command: string, tab: unknown): void } };
                };
                if (how === 'menu')
                  events.contextMenus.onClicked.dispatch({ menuItemId: 'margin-save-for-later', pageUrl: url }, tab);
                else events.commands.onCommand.dispatch('save-for-later', tab);
              },
              { how, tabId, url },
            );
            await page.waitForTimeout(500);
            return toolbar(page).toast();
          },
          { timeout: 15_000, interval: 500 },
        )
        .toMatch(/^(Saved for later\.|Already on your reading list\.)$/);
      await expect.poll(async () => (await storedArticle(session, url))?.readingStatus).toBe('unread');
      await page.close();
    }
  });

  test('the save-for-later command has its key, and the shortcut notice knows every command', async () => {
    const bound = await session.controlPage.evaluate(async () =>
      (await chrome.commands.getAll()).map((c) => [c.name ?? '', c.shortcut ?? '']),
    );
    expect(Object.fromEntries(bound)['save-for-later']).toBe('Alt+Shift+L');
    const known = new Set(MARGIN_COMMANDS.map((c) => c.name));
    expect(bound.map(([name]) => name).filter((name) => name !== '_execute_action' && !known.has(name!))).toEqual([]);
  });
  test('the badge counts unread articles on every tab when the setting says so, and nothing when off', async () => {
    const options = session.controlPage;
    await options.reload();
    const unread = () =>
      options.evaluate(async () => {
        const db = await new Promise<IDBDatabase>((resolve, reject) => {
          const open = indexedDB.open('margin');
          open.onsuccess = () => resolve(open.result);
          open.onerror = () => reject(open.error);
        });
        const all = await new Promise<Array<{ readingStatus?: string; deletedAt: number | null }>>((resolve) => {
          const get = db.transaction('articles').objectStore('articles').getAll();
          get.onsuccess = () => resolve(get.result);
        });
        db.close();
        return all.filter((a) => a.deletedAt === null && a.readingStatus === 'unread').length;
      });
    const page = await session.context.newPage();
    await page.goto(new URL(POST, server.url).href);
    const tabId = await tabIdOf(session, page);
    const badge = (tab?: number) =>
      options.evaluate((tabId) => chrome.action.getBadgeText(tabId === undefined ? {} : { tabId }), tab);

    await options.locator('[data-badge-count="unread"]').check();
    const count = await unread();
    expect(count).toBeGreaterThan(0);
    await expect.poll(() => badge()).toBe(String(count));
    // The page's own count gives way to the shared one.
    await expect.poll(() => badge(tabId)).toBe(String(count));
    // Marking one read in the library lowers it at once.
    const list = await library();
    await expect.poll(async () => (await readingRows(list)).length, { timeout: 10_000 }).toBeGreaterThan(0);
    await list.locator('[data-reading-row][data-reading-status="unread"] [data-action="archive"]').first().click();
    await expect.poll(() => badge()).toBe(count > 1 ? String(count - 1) : '');
    await list.close();

    await options.locator('[data-badge-count="off"]').check();
    await expect.poll(() => badge(tabId)).toBe('');
    await options.locator('[data-badge-count="page-highlights"]').check();
    await expect.poll(() => badge()).toBe('');
    await page.close();
  });
  test('a favourite comes with an import (an Instapaper Starred row) and the Favourites filter shows it', async () => {
    const csv = `URL,Title,Selection,Folder,Timestamp,Tags\n${new URL('/saved/walk', server.url).href},"Walking the old rail line",,Starred,1600000000,"[""walking""]"\n`;
    const page = await library();
    await page.locator('[data-panel="export-import"] summary').click();
    await page
      .locator('[data-import-file]')
      .setInputFiles({ name: 'instapaper.csv', mimeType: 'text/csv', buffer: Buffer.from(csv) });
    await expect
      .poll(() => page.locator('[data-import-preview]').textContent(), { timeout: 10_000 })
      .toContain('nothing has been written yet');
    await page.locator('[data-action="apply-import"]').click();
    await expect.poll(() => page.locator('[data-transfer-status]').textContent()).toMatch(/^Imported/);
    await page.locator('[data-reading-filter="status"]').selectOption('favourite');
    await expect
      .poll(() => readingRows(page), { timeout: 10_000 })
      .toContainEqual({ title: 'Walking the old rail line', status: 'unread', favourite: true });
    expect((await readingRows(page)).every((r) => r.favourite)).toBe(true);
    await page.close();
  });
});
