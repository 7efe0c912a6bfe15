/**
 * Sync end to end: two Chromium profiles with the built extension, both set up
 * through the options page for one real WebDAV server (rclone, on 127.0.0.1), both
 * showing the sample post. A highlight with a note made in A shows in B; a delete
 * in B disappears from A; a note edited in both before either synced shows as a
 * conflict in both popups, and choosing a version in one clears it in both.
 * The steps are in sync-driver.ts, shared with sync.cross-browser.test.ts.
 */
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { CHROMIUM_PATH } from '../../scripts/lib/chromium';
import { startServer } from '../../scripts/serve';
import { rcloneMissing, startWebDavServer, type WebDavServer } from '../support/webdav-server';
import { ARTIFACTS_DIR, browserSkipReason } from './support';
import {
  conflictTitle,
  conflictVersions,
  deleteHighlight,
  editNote,
  fillServer,
  highlight,
  highlightCount,
  highlightCountShown,
  keepVersion,
  launchChromiumSync,
  noteOf,
  painted,
  popupSyncLine,
  screenshotSyncSection,
  setUpSync,
  syncError,
  syncNow,
  syncSectionLoaded,
  testConnection,
  type Dom,
  type SyncBrowser,
} from './sync-driver';

const skip = browserSkipReason(CHROMIUM_PATH, 'chromium') ?? rcloneMissing;
const POST = '/kubecon-eu-2024-day-two/';
const PASSAGE = 'I found the kind of deep, personal engagement';
const NOTE = 'Hallway conversations beat keynotes';
const SECOND = 'The hallway track has reinforced my belief in slowing down';

describe.skipIf(skip)(`sync between two Chromium profiles${skip ? ` (${skip})` : ''}`, () => {
  let dav: WebDavServer;
  let site: Awaited<ReturnType<typeof startServer>>;
  let a: SyncBrowser;
  let b: SyncBrowser;
  let pageA: Dom;
  let pageB: Dom;

  beforeAll(async () => {
    [dav, site] = await Promise.all([startWebDavServer(), startServer({ root: resolve('demo') })]);
    // One after the other: two browsers starting at once on two cores time out.
    a = await launchChromiumSync();
    b = await launchChromiumSync();
    pageA = await a.open(new URL(POST, site.url).href);
    pageB = await b.open(new URL(POST, site.url).href);
  });
  afterAll(async () => {
    await a?.close();
    await b?.close();
    await site?.close();
    await dav?.stop();
  });

  test('a wrong password is said plainly by "Test connection"', async () => {
    await syncSectionLoaded(a);
    await fillServer(a, dav, 'not the password');
    await testConnection(a, /^Wrong user name or password \(401\)\.$/);
  });

  test('both browsers are set up through the options page', async () => {
    await setUpSync(a, dav);
    await setUpSync(b, dav);
    await syncNow(a);
    await syncNow(b);
    expect(await syncError(b)).toBe('None');
    await screenshotSyncSection(a, join(ARTIFACTS_DIR, 'sync-options-chromium.png'));
  });

  test('a highlight with a note made in A appears in B after sync: painted, and in the popup', async () => {
    await highlight(pageA, PASSAGE, 'green', NOTE);

    await syncNow(a);
    expect(await painted(pageB, 'green')).toMatchObject({ page: 0 });
    await syncNow(b);
    // B's page was open all along: the sync tells it to repaint.
    await expect.poll(() => painted(pageB, 'green'), { timeout: 10_000 }).toMatchObject({ page: 1, texts: [PASSAGE] });

    const popup = await b.popup(pageB);
    await expect.poll(() => highlightCount(popup)).toBe(1);
    expect(await noteOf(popup, PASSAGE)).toBe(NOTE);
    await expect.poll(async () => (await popupSyncLine(popup)).state).toBe('idle');
    expect((await popupSyncLine(popup)).text).toMatch(/^Synced just now/);
    await popup.close();
  });

  test('a delete in B disappears in A', async () => {
    const popup = await b.popup(pageB);
    await expect.poll(() => highlightCount(popup)).toBe(1);
    await deleteHighlight(popup, PASSAGE);
    await expect.poll(() => painted(pageB, 'green')).toMatchObject({ page: 0 });
    await popup.close();

    await syncNow(b);
    await syncNow(a);
    await expect.poll(() => painted(pageA, 'green'), { timeout: 10_000 }).toMatchObject({ page: 0 });
    const popupA = await a.popup(pageA);
    await expect.poll(() => highlightCountShown(popupA)).toBe('0');
    await popupA.close();
  });

  test('a note edited in both before either synced shows as a conflict in both; choosing in one clears it in both', async () => {
    await highlight(pageA, SECOND, 'blue');
    await syncNow(a);
    await syncNow(b);
    await expect.poll(() => painted(pageB, 'blue'), { timeout: 10_000 }).toMatchObject({ page: 1 });

    const popupA = await a.popup(pageA);
    const popupB = await b.popup(pageB);
    await expect.poll(() => highlightCount(popupB)).toBe(1);
    // Neither browser has seen the other's edit when it makes its own.
    await editNote(popupA, SECOND, 'Written in A');
    await editNote(popupB, SECOND, 'Written in B');

    await syncNow(a);
    await syncNow(b);
    await syncNow(a);

    for (const popup of [popupA, popupB]) {
      await expect.poll(() => conflictVersions(popup, SECOND), { timeout: 10_000 }).toEqual(['Written in A', 'Written in B']);
      expect(await conflictTitle(popup, SECOND)).toContain('Changed in another browser at the same time');
    }
    await popupB.screenshot(join(ARTIFACTS_DIR, 'sync-conflict-popup-chromium.png'));

    // A keeps B's version.
    await keepVersion(popupA, SECOND, 'Written in B');
    await expect.poll(() => conflictVersions(popupA, SECOND)).toEqual([]);
    expect(await noteOf(popupA, SECOND)).toBe('Written in B');

    await syncNow(a);
    await syncNow(b);
    await expect.poll(() => conflictVersions(popupB, SECOND), { timeout: 10_000 }).toEqual([]);
    expect(await noteOf(popupB, SECOND)).toBe('Written in B');
    await popupA.close();
    await popupB.close();
  });
});
