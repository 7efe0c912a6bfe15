/**
 * Starts Debian's Firefox ESR with a built Margin extension (the MV2 build) installed, for the
 * end-to-end tests, and drives the extension the way its own pages do. The Firefox twin of
 * scripts/lib/chromium.ts.
 *
 * Firefox is driven by puppeteer-core over WebDriver BiDi. Three things differ from Chromium:
 * - The extension is installed as a temporary add-on over BiDi (`webExtension.install`) after
 *   launch; there is no `--load-extension`.
 * - Its moz-extension:// origin holds a UUID Firefox picks at install time. The
 *   `extensions.webextensions.uuids` pref fixes it beforehand, so extension pages have a known URL.
 * - Opening a moz-extension:// page needs `--remote-allow-system-access`, and puppeteer's
 *   `page.goto()` never resolves there; a raw BiDi `browsingContext.navigate` does.
 */
import { randomUUID } from 'node:crypto';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { isIP } from 'node:net';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import puppeteer, { type Browser, type Page } from 'puppeteer-core';
import { readToggleReply, toggleFromExtensionPage, type ReaderToggle } from './reader-toggle';

export const FIREFOX_PATH = process.env.FIREFOX_PATH ?? '/usr/bin/firefox-esr';
export const FIREFOX_BUILD_DIR = resolve('.output/firefox-mv2');

export interface FirefoxSession {
  browser: Browser;
  /** The add-on id from the manifest's browser_specific_settings.gecko.id. */
  extensionId: string;
  /** Base of the extension's pages, e.g. `moz-extension://<uuid>/`. */
  extensionUrl: string;
  /** An extension page (options) kept open to send messages as the popup would. */
  controlPage: Page;
  /** Opens a new tab at `url` and waits for its load event. */
  newPage(url?: string): Promise<Page>;
  close(): Promise<void>;
}

export function firefoxAvailable(): boolean {
  return existsSync(FIREFOX_PATH);
}

function geckoId(extensionDir: string): string {
  const manifest = JSON.parse(readFileSync(join(extensionDir, 'manifest.json'), 'utf8')) as {
    browser_specific_settings?: { gecko?: { id?: string } };
  };
  const id = manifest.browser_specific_settings?.gecko?.id;
  if (!id) throw new Error(`${extensionDir}/manifest.json has no browser_specific_settings.gecko.id`);
  return id;
}

/** The raw WebDriver BiDi connection under a puppeteer BiDi browser. */
interface BidiConnection {
  send(method: string, params: object, timeout?: number): Promise<{ result: unknown }>;
}
function bidi(browser: Browser): BidiConnection {
  const connection = (browser as unknown as { connection?: BidiConnection }).connection;
  if (!connection?.send) throw new Error('puppeteer did not expose its WebDriver BiDi connection');
  return connection;
}
/** The BiDi browsing context id of a page's top frame. */
function contextId(page: Page): string {
  const id = (page.mainFrame() as unknown as { _id?: string })._id;
  if (!id) throw new Error('puppeteer did not expose the page’s browsing context id');
  return id;
}

/**
 * Navigates `page` to `url` and waits for its load event. Works for moz-extension:// pages,
 * where puppeteer's `page.goto()` never resolves.
 */
export async function navigate(session: Pick<FirefoxSession, 'browser'>, page: Page, url: string): Promise<void> {
  await bidi(session.browser).send('browsingContext.navigate', { context: contextId(page), url, wait: 'complete' });
}

/**
 * The live processes of the process group `pgid`. puppeteer starts Firefox detached, so Firefox
 * leads a group of its own that all its child processes (content, extensions, sockets) share.
 * Zombies do not count: where PID 1 does not reap orphans (containers) they linger, dead.
 */
function liveProcessesInGroup(pgid: number): number[] {
  let entries: string[];
  try {
    entries = readdirSync('/proc');
  } catch {
    // No procfs: ask the kernel whether the group has any member at all.
    try {
      process.kill(-pgid, 0);
      return [pgid];
    } catch {
      return [];
    }
  }
  const live: number[] = [];
  for (const entry of entries) {
    if (!/^\d+$/.test(entry)) continue;
    let stat: string;
    try {
      stat = readFileSync(`/proc/${entry}/stat`, 'utf8');
    } catch {
      continue; // Exited meanwhile.
    }
    // "pid (comm) state ppid pgrp ...": comm may hold spaces and parentheses.
    const [state, , pgrp] = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    if (Number(pgrp) === pgid && state !== 'Z' && state !== 'X') live.push(Number(entry));
  }
  return live;
}

/** Waits up to `ms` for Firefox's process group to end; kills what is left, and waits for that. */
async function endProcessGroup(pgid: number | undefined, ms: number): Promise<void> {
  if (!pgid) return;
  const sleep = (t: number) => new Promise((ok) => setTimeout(ok, t));
  for (let waited = 0; waited < ms && liveProcessesInGroup(pgid).length > 0; waited += 50) await sleep(50);
  if (liveProcessesInGroup(pgid).length === 0) return;
  try {
    process.kill(-pgid, 'SIGKILL');
  } catch {
    // Gone meanwhile.
  }
  for (let waited = 0; waited < 5_000 && liveProcessesInGroup(pgid).length > 0; waited += 50) await sleep(50);
}

function withTimeout<T>(promise: Promise<T>, ms: number): Promise<T | 'timeout'> {
  let timer: NodeJS.Timeout | undefined;
  return Promise.race([
    promise.finally(() => clearTimeout(timer)),
    new Promise<'timeout'>((ok) => (timer = setTimeout(() => ok('timeout'), ms))),
  ]);
}

/**
 * Prefs that send every host name Firefox looks up to `address` (a loopback address), Chromium's
 * `--host-resolver-rules=MAP * <address>`: a test can then serve `http://any.host.name:<port>/`
 * from its local server. Nothing can reach another machine by name; there is no proxy to
 * route around it (`network.proxy.type` 0: direct), no DNS over HTTPS to answer instead of
 * the override (`network.trr.mode` 5: off), and no upgrade to https:// first, which the
 * local server does not speak.
 */
export function resolveAllHostsPrefs(address: string): Record<string, string | number | boolean> {
  // Only this machine: a test must never send a page's requests anywhere else.
  const loopback = (isIP(address) === 4 && address.startsWith('127.')) || address === '::1';
  if (!loopback)
    throw new Error(`resolveHostsTo must be a loopback address (127.x.x.x or ::1), not ${JSON.stringify(address)}`);
  return {
    'network.dns.forceResolve': address,
    'network.proxy.type': 0,
    'network.trr.mode': 5,
    'dom.security.https_first': false,
    'dom.security.https_first_schemeless': false,
  };
}

/**
 * Launches Firefox with the extension in `extensionDir` installed, in a fresh profile.
 * @param headless - false to watch it in a real window
 * @param resolveHostsTo - a loopback address every host name then resolves to (`resolveAllHostsPrefs`),
 *   e.g. '127.0.0.1' to serve pages of other sites from a local server; by default names resolve as usual
 */
export async function launchFirefoxWithExtension({
  extensionDir = FIREFOX_BUILD_DIR,
  headless = true,
  resolveHostsTo,
}: {
  extensionDir?: string;
  headless?: boolean;
  resolveHostsTo?: string;
} = {}): Promise<FirefoxSession> {
  if (!existsSync(join(extensionDir, 'manifest.json'))) {
    throw new Error(`No built extension in ${extensionDir}: run \`npm run build:firefox\` first.`);
  }
  const extensionId = geckoId(extensionDir);
  const uuid = randomUUID();
  const extensionUrl = `moz-extension://${uuid}/`;
  const profileDir = mkdtempSync(join(tmpdir(), 'margin-firefox-'));

  const browser = await puppeteer
    .launch({
      browser: 'firefox',
      executablePath: FIREFOX_PATH,
      headless,
      protocol: 'webDriverBiDi',
      userDataDir: profileDir,
      defaultViewport: { width: 1280, height: 900 },
      args: ['--remote-allow-system-access'],
      extraPrefsFirefox: {
        'extensions.webextensions.uuids': JSON.stringify({ [extensionId]: uuid }),
        // The network here is closed: keep Firefox's own background traffic off, beyond what
        // puppeteer's default test prefs already turn off (updates, add-on metadata, safebrowsing).
        'browser.safebrowsing.update.enabled': false,
        'network.captive-portal-service.enabled': false,
        'network.connectivity-service.enabled': false,
        ...(resolveHostsTo === undefined ? {} : resolveAllHostsPrefs(resolveHostsTo)),
      },
    })
    .catch((error: unknown) => {
      rmSync(profileDir, { recursive: true, force: true });
      throw error;
    });
  const pid = browser.process()?.pid;

  let closed = false;
  async function close() {
    if (closed) return;
    closed = true;
    // Firefox sometimes takes its time to shut down over BiDi; never let that hang a run.
    const hung =
      (await withTimeout(
        browser.close().catch(() => undefined),
        5_000,
      )) === 'timeout';
    // Child processes can outlive the parent by a moment; after that they, or a hung Firefox, are killed.
    await endProcessGroup(pid, hung ? 0 : 2_000);
    rmSync(profileDir, { recursive: true, force: true });
  }

  try {
    const installedId = await browser.installExtension(extensionDir);
    if (installedId !== extensionId) throw new Error(`installed ${installedId}, expected ${extensionId}`);

    async function newPage(url?: string): Promise<Page> {
      const page = await browser.newPage();
      if (url) await navigate({ browser }, page, url);
      return page;
    }
    const controlPage = await newPage(`${extensionUrl}options.html`);
    // The options page's own bundle ran: it is an extension page with the WebExtension APIs.
    const hasApi = await controlPage.evaluate(
      () => typeof (globalThis as { browser?: { tabs?: unknown } }).browser?.tabs,
    );
    if (hasApi !== 'object') throw new Error(`${extensionUrl}options.html did not get the extension APIs`);

    return { browser, extensionId, extensionUrl, controlPage, newPage, close };
  } catch (error) {
    await close();
    throw error;
  }
}

/**
 * Toggles the reader view in `page` through the background, as the extension's own pages do.
 * @return the reader's answer and when the message left, in epoch ms (for timing)
 */
export async function sendReaderToggle(
  session: FirefoxSession,
  page: Page,
): Promise<{ result: ReaderToggle; sentAt: number }> {
  return readToggleReply(await session.controlPage.evaluate(toggleFromExtensionPage, page.url()));
}

/** Toggles the reader view in `page` as the extension's popup would; resolves to its new state. */
export async function toggleReader(session: FirefoxSession, page: Page): Promise<ReaderToggle> {
  return (await sendReaderToggle(session, page)).result;
}

/** The browser's id for the tab showing `page` (the newest, when several show its address). */
export async function tabIdOf(session: FirefoxSession, page: Page): Promise<number> {
  return session.controlPage.evaluate(async (url) => {
    const api = (globalThis as unknown as { browser: typeof chrome }).browser;
    const tab = (await api.tabs.query({})).filter((t) => t.url === url).sort((a, b) => (b.id ?? 0) - (a.id ?? 0))[0];
    if (tab?.id == null) throw new Error(`no tab with ${url}`);
    return tab.id;
  }, page.url());
}

/**
 * Opens the popup for `page`'s tab as a page of its own, in a new tab: headless Firefox has no
 * toolbar button to click. The popup reads which tab it is about from `?tab=`.
 */
export async function openPopup(session: FirefoxSession, page: Page): Promise<Page> {
  const tabId = await tabIdOf(session, page);
  const popup = await session.browser.newPage();
  await navigate(session, popup, `${session.extensionUrl}popup.html?tab=${tabId}`);
  return popup;
}
