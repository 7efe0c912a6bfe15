/**
 * The sync scenario of issue #5, end to end, for any two browsers: both set up
 * through their options page for one real WebDAV server (rclone or Apache, on 127.0.0.1),
 * both showing the sample post. A highlight with a note made in A (from the in-page
 * toolbar, the note typed into the note card) shows in B, painted, in the side panel
 * with its note and counted in the popup; a delete in B's side panel disappears from
 * A; a note edited in both side panels before either synced shows as a conflict in
 * both, and choosing a version in B clears it in A; a highlight made in B shows in A.
 * The steps are in sync-driver.ts (Playwright for Chromium, puppeteer over WebDriver
 * BiDi for Firefox).
 */
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { startServer } from '../../scripts/serve';
import { startWebDav, webDavMissing, type WebDavKind } from '../support/webdav-kinds';
import type { WebDavServer } from '../support/webdav-server';
import { ARTIFACTS_DIR } from './support';
import {
  addressWarning,
  conflictTitle,
  conflictVersions,
  deleteHighlight,
  editNote,
  fillServer,
  highlight,
  highlightCount,
  highlightCountShown,
  keepVersion,
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

const POST = '/kubecon-eu-2024-day-two/';
const PASSAGE = 'I found the kind of deep, personal engagement';
const NOTE = 'Hallway conversations beat keynotes';
const SECOND = 'The hallway track has reinforced my belief in slowing down';
const THIRD = 'It has underscored the importance of community';
const THIRD_NOTE = 'Written at home, read at work';

export interface SyncScenario {
  title: string;
  /** Why the browsers cannot run here, or null. */
  skip: string | null;
  /** The WebDAV server both browsers sync through. */
  server: WebDavKind;
  a: { name: string; launch: () => Promise<SyncBrowser> };
  b: { name: string; launch: () => Promise<SyncBrowser>; screenshots: string };
}

export function describeSyncScenario({ title: name, skip: browsersMissing, server, a: A, b: B }: SyncScenario): void {
  const skip = browsersMissing ?? webDavMissing(server);
  const title = `${name}, through ${server}`;
  describe.skipIf(skip)(`${title}${skip ? ` (${skip})` : ''}`, () => {
    let dav: WebDavServer;
    let site: Awaited<ReturnType<typeof startServer>>;
    let a: SyncBrowser;
    let b: SyncBrowser;
    let pageA: Dom;
    let pageB: Dom;
    /** Popups and side panel pages a test opened, closed after it even when it fails. */
    const popups: Dom[] = [];
    const popupOf = async (browser: SyncBrowser, page: Dom) => {
      const popup = await browser.popup(page);
      popups.push(popup);
      return popup;
    };
    const panelOf = async (browser: SyncBrowser, page: Dom) => {
      const panel = await browser.panel(page);
      popups.push(panel);
      return panel;
    };
    const closePopups = () => Promise.all(popups.splice(0).map((p) => p.close().catch(() => undefined)));

    beforeAll(async () => {
      [dav, site] = await Promise.all([startWebDav(server), startServer({ root: resolve('demo') })]);
      // One after the other: two browsers starting at once on two cores time out.
      a = await A.launch();
      b = await B.launch();
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

    test('a wrong password is said plainly by "Test connection"', async () => {
      await syncSectionLoaded(a);
      // A plain-http server elsewhere is warned about as it is typed; this machine's own is not.
      expect(await addressWarning(a, 'http://cloud.example.org/remote.php/dav/')).toMatch(
        /^This address is plain http:\/\/: your password/,
      );
      expect(await addressWarning(a, dav.url)).toBeNull();
      await fillServer(a, dav, 'not the password');
      await testConnection(a, /^Wrong user name or password \(401\)\.$/);
    });

    test('a server that sends Margin on to another address is refused by "Test connection"', async () => {
      // A moved or hostile server: every request is redirected to the real one on another origin.
      const mover: Server = createServer((req, res) => {
        res.writeHead(307, { Location: new URL(req.url ?? '/', dav.url).href });
        res.end();
      });
      await new Promise<void>((done) => mover.listen(0, '127.0.0.1', done));
      try {
        await fillServer(a, dav, dav.password);
        await a.options.fill('[data-sync-field="url"]', `http://127.0.0.1:${(mover.address() as AddressInfo).port}/`);
        await testConnection(a, /^The server sent Margin on to another address\./);
      } finally {
        mover.closeAllConnections();
        await new Promise<void>((done) => mover.close(() => done()));
      }
    });

    test('both browsers are set up through their options page', async () => {
      await setUpSync(a, dav);
      // In Firefox, Save asks for the server's host permission: a real click is the user gesture it needs.
      await setUpSync(b, dav);
      await syncNow(a);
      await syncNow(b);
      expect(await syncError(a)).toBe('None');
      expect(await syncError(b)).toBe('None');
      await screenshotSyncSection(b, join(ARTIFACTS_DIR, `sync-options-${B.screenshots}.png`));
    });

    test(`a highlight with a note made in ${A.name} appears in ${B.name} after sync: painted, in the side panel and the popup`, async () => {
      await highlight(pageA, PASSAGE, 'green', NOTE);
      await syncNow(a);
      expect(await painted(pageB, 'green')).toMatchObject({ page: 0 });
      await syncNow(b);
      // B's page was open all along: the sync tells it to repaint.
      await expect
        .poll(() => painted(pageB, 'green'), { timeout: 10_000 })
        .toMatchObject({ page: 1, texts: [PASSAGE] });

      const panel = await panelOf(b, pageB);
      await expect.poll(() => highlightCount(panel), { timeout: 10_000 }).toBe(1);
      expect(await noteOf(panel, PASSAGE)).toBe(NOTE);
      const popup = await popupOf(b, pageB);
      await expect.poll(() => highlightCountShown(popup), { timeout: 10_000 }).toBe('1');
      await expect.poll(async () => (await popupSyncLine(popup)).state).toBe('idle');
      expect((await popupSyncLine(popup)).text).toMatch(/^Synced just now/);
      await closePopups();
    });

    test(`a delete in ${B.name} disappears in ${A.name}`, async () => {
      const panel = await panelOf(b, pageB);
      await expect.poll(() => highlightCount(panel), { timeout: 10_000 }).toBe(1);
      await deleteHighlight(panel, PASSAGE);
      await expect.poll(() => highlightCount(panel)).toBe(0);
      await expect.poll(() => painted(pageB, 'green')).toMatchObject({ page: 0 });

      await syncNow(b);
      await syncNow(a);
      await expect.poll(() => painted(pageA, 'green'), { timeout: 10_000 }).toMatchObject({ page: 0 });
      const panelA = await panelOf(a, pageA);
      await expect.poll(() => highlightCount(panelA), { timeout: 10_000 }).toBe(0);
      const popupA = await popupOf(a, pageA);
      await expect.poll(() => highlightCountShown(popupA)).toBe('0');
      await closePopups();
    });

    test(`a note edited in both before either synced shows as a conflict in both; choosing in ${B.name} clears it in ${A.name}`, async () => {
      const inA = `Written in ${A.name}`;
      const inB = `Written in ${B.name}`;
      await highlight(pageA, SECOND, 'blue');
      await syncNow(a);
      await syncNow(b);
      await expect.poll(() => painted(pageB, 'blue'), { timeout: 10_000 }).toMatchObject({ page: 1, texts: [SECOND] });

      const panelA = await panelOf(a, pageA);
      const panelB = await panelOf(b, pageB);
      await expect.poll(() => highlightCount(panelA), { timeout: 10_000 }).toBe(1);
      await expect.poll(() => highlightCount(panelB), { timeout: 10_000 }).toBe(1);
      // Neither browser has seen the other's edit when it makes its own.
      await editNote(panelA, SECOND, inA);
      await editNote(panelB, SECOND, inB);
      await expect.poll(() => noteOf(panelB, SECOND)).toBe(inB);

      await syncNow(a);
      await syncNow(b);
      await syncNow(a);

      for (const panel of [panelA, panelB]) {
        await expect.poll(() => conflictVersions(panel, SECOND), { timeout: 10_000 }).toEqual([inA, inB].sort());
        expect(await conflictTitle(panel, SECOND)).toContain('Changed in another browser at the same time');
      }
      await panelB.front();
      await panelB.screenshot(join(ARTIFACTS_DIR, `sync-conflict-sidepanel-${B.screenshots}.png`));

      // B keeps A's version.
      await keepVersion(panelB, SECOND, inA);
      await expect.poll(() => conflictVersions(panelB, SECOND)).toEqual([]);
      expect(await noteOf(panelB, SECOND)).toBe(inA);

      await syncNow(b);
      await syncNow(a);
      await expect.poll(() => conflictVersions(panelA, SECOND), { timeout: 10_000 }).toEqual([]);
      expect(await noteOf(panelA, SECOND)).toBe(inA);
      await closePopups();
    });

    test(`a highlight with a note made in ${B.name} appears in ${A.name} after sync`, async () => {
      await highlight(pageB, THIRD, 'yellow', THIRD_NOTE);
      await syncNow(b);
      await syncNow(a);
      await expect.poll(() => painted(pageA, 'yellow'), { timeout: 10_000 }).toMatchObject({ page: 1, texts: [THIRD] });

      const panel = await panelOf(a, pageA);
      // The highlight from the conflict test is still there.
      await expect.poll(() => highlightCount(panel), { timeout: 10_000 }).toBe(2);
      expect(await noteOf(panel, THIRD)).toBe(THIRD_NOTE);
      expect(await noteOf(panel, SECOND)).toBe(`Written in ${A.name}`);
      await closePopups();
    });
  });
}
