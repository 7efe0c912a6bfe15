/**
 * Sync between Chrome and Firefox for real: Chromium with the Chrome build (A) and Firefox ESR
 * with the Firefox build (B), both set up through their own options page for one real WebDAV
 * server (rclone, on 127.0.0.1), both showing the sample post. The scenario of
 * sync.chromium.test.ts across the two engines: a highlight with a note made in Chromium shows
 * in Firefox, painted and in the popup; a delete in Firefox disappears from Chromium; a note
 * edited in both before either synced shows as a conflict in both popups, and choosing a version
 * in Firefox clears it in Chromium; and a highlight made in Firefox shows in Chromium.
 * Chromium is driven by Playwright, Firefox by puppeteer over WebDriver BiDi: see sync-driver.ts.
 */
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { CHROMIUM_PATH } from '../../scripts/lib/chromium';
import { FIREFOX_PATH } from '../../scripts/lib/firefox';
import { startServer } from '../../scripts/serve';
import { rcloneMissing, startWebDavServer, type WebDavServer } from '../support/webdav-server';
import { ARTIFACTS_DIR, browserSkipReason } from './support';
import {
  conflictTitle,
  conflictVersions,
  deleteHighlight,
  editNote,
  highlight,
  highlightCount,
  highlightCountShown,
  keepVersion,
  launchChromiumSync,
  launchFirefoxSync,
  noteOf,
  painted,
  popupSyncLine,
  screenshotSyncSection,
  setUpSync,
  syncError,
  syncNow,
  type Dom,
  type SyncBrowser,
} from './sync-driver';

const skip = browserSkipReason(CHROMIUM_PATH, 'chromium') ?? browserSkipReason(FIREFOX_PATH, 'firefox-esr') ?? rcloneMissing;
const POST = '/kubecon-eu-2024-day-two/';
const PASSAGE = 'I found the kind of deep, personal engagement';
const NOTE = 'Hallway conversations beat keynotes';
const SECOND = 'The hallway track has reinforced my belief in slowing down';
const THIRD = 'It has underscored the importance of community';
const THIRD_NOTE = 'Written at home, read at work';

describe.skipIf(skip)(`sync between Chromium and Firefox${skip ? ` (${skip})` : ''}`, () => {
  let dav: WebDavServer;
  let site: Awaited<ReturnType<typeof startServer>>;
  /** Chromium, with the Chrome build. */
  let a: SyncBrowser;
  /** Firefox ESR, with the Firefox build. */
  let b: SyncBrowser;
  let pageA: Dom;
  let pageB: Dom;
  /** Popups a test opened, closed after it even when it fails. */
  const popups: Dom[] = [];
  const popupOf = async (browser: SyncBrowser, page: Dom) => {
    const popup = await browser.popup(page);
    popups.push(popup);
    return popup;
  };
  const closePopups = () => Promise.all(popups.splice(0).map((p) => p.close().catch(() => undefined)));

  beforeAll(async () => {
    [dav, site] = await Promise.all([startWebDavServer(), startServer({ root: resolve('demo') })]);
    // One after the other: two browsers starting at once on two cores time out.
    a = await launchChromiumSync();
    b = await launchFirefoxSync();
    pageA = await a.open(new URL(POST, site.url).href);
    pageB = await b.open(new URL(POST, site.url).href);
  });
  afterAll(async () => {
    await closePopups();
    await a?.close();
    await b?.close();
    await site?.close();
    await dav?.stop();
  });

  test('both browsers are set up through their options page', async () => {
    await setUpSync(a, dav);
    // In Firefox, Save asks for the server's host permission: a real click is the user gesture it needs.
    await setUpSync(b, dav);
    await syncNow(a);
    await syncNow(b);
    expect(await syncError(a)).toBe('None');
    expect(await syncError(b)).toBe('None');
    await screenshotSyncSection(b, join(ARTIFACTS_DIR, 'sync-options-firefox.png'));
  });

  test('a highlight with a note made in Chromium appears in Firefox after sync: painted, and in the popup', async () => {
    await highlight(pageA, PASSAGE, 'green', NOTE);

    await syncNow(a);
    expect(await painted(pageB, 'green')).toMatchObject({ page: 0 });
    await syncNow(b);
    // Firefox's page was open all along: the sync tells it to repaint.
    await expect.poll(() => painted(pageB, 'green'), { timeout: 10_000 }).toMatchObject({ page: 1, texts: [PASSAGE] });

    const popup = await popupOf(b, pageB);
    await expect.poll(() => highlightCount(popup), { timeout: 10_000 }).toBe(1);
    expect(await noteOf(popup, PASSAGE)).toBe(NOTE);
    await expect.poll(async () => (await popupSyncLine(popup)).state).toBe('idle');
    expect((await popupSyncLine(popup)).text).toMatch(/^Synced just now/);
    await closePopups();
  });

  test('a delete in Firefox disappears in Chromium', async () => {
    const popup = await popupOf(b, pageB);
    await expect.poll(() => highlightCount(popup), { timeout: 10_000 }).toBe(1);
    await deleteHighlight(popup, PASSAGE);
    await expect.poll(() => painted(pageB, 'green')).toMatchObject({ page: 0 });

    await syncNow(b);
    await syncNow(a);
    await expect.poll(() => painted(pageA, 'green'), { timeout: 10_000 }).toMatchObject({ page: 0 });
    const popupA = await popupOf(a, pageA);
    await expect.poll(() => highlightCountShown(popupA)).toBe('0');
    await closePopups();
  });

  test('a note edited in both before either synced shows as a conflict in both; choosing in Firefox clears it in Chromium', async () => {
    await highlight(pageA, SECOND, 'blue');
    await syncNow(a);
    await syncNow(b);
    await expect.poll(() => painted(pageB, 'blue'), { timeout: 10_000 }).toMatchObject({ page: 1, texts: [SECOND] });

    const popupA = await popupOf(a, pageA);
    const popupB = await popupOf(b, pageB);
    await expect.poll(() => highlightCount(popupB), { timeout: 10_000 }).toBe(1);
    // Neither browser has seen the other's edit when it makes its own.
    await editNote(popupA, SECOND, 'Written in Chromium');
    await editNote(popupB, SECOND, 'Written in Firefox');
    await expect.poll(() => noteOf(popupB, SECOND)).toBe('Written in Firefox');

    await syncNow(a);
    await syncNow(b);
    await syncNow(a);

    for (const popup of [popupA, popupB]) {
      await expect.poll(() => conflictVersions(popup, SECOND), { timeout: 10_000 }).toEqual(['Written in Chromium', 'Written in Firefox']);
      expect(await conflictTitle(popup, SECOND)).toContain('Changed in another browser at the same time');
    }
    await popupB.front();
    await popupB.screenshot(join(ARTIFACTS_DIR, 'sync-conflict-popup-firefox.png'));

    // Firefox keeps Chromium's version.
    await keepVersion(popupB, SECOND, 'Written in Chromium');
    await expect.poll(() => conflictVersions(popupB, SECOND)).toEqual([]);
    expect(await noteOf(popupB, SECOND)).toBe('Written in Chromium');

    await syncNow(b);
    await syncNow(a);
    await expect.poll(() => conflictVersions(popupA, SECOND), { timeout: 10_000 }).toEqual([]);
    expect(await noteOf(popupA, SECOND)).toBe('Written in Chromium');
    await closePopups();
  });

  test('a highlight with a note made in Firefox appears in Chromium after sync', async () => {
    await highlight(pageB, THIRD, 'yellow', THIRD_NOTE);

    await syncNow(b);
    await syncNow(a);
    await expect.poll(() => painted(pageA, 'yellow'), { timeout: 10_000 }).toMatchObject({ page: 1, texts: [THIRD] });

    const popup = await popupOf(a, pageA);
    // The highlight from the conflict test is still there.
    await expect.poll(() => highlightCount(popup)).toBe(2);
    expect(await noteOf(popup, THIRD)).toBe(THIRD_NOTE);
    expect(await noteOf(popup, SECOND)).toBe('Written in Chromium');
    await closePopups();
  });
});
