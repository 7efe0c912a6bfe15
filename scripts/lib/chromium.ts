/**
 * Starts Debian's Chromium with a built Margin extension loaded, for the demo,
 * the end-to-end tests and the benchmarks, and drives the extension the way its
 * own pages do.
 */
import { existsSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { chromium, type BrowserContext, type Page } from 'playwright-core';
import { readToggleReply, toggleFromExtensionPage, type ReaderToggle } from './reader-toggle';

export const CHROMIUM_PATH = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
export const CHROME_BUILD_DIR = resolve('.output/chrome-mv3');

/**
 * Switches every Chromium run here starts with (the extension's sessions and
 * the bare-page benchmarks alike): no sandbox or GPU in containers, and none
 * of Chromium's own background traffic, since the network here is closed.
 */
export const CHROMIUM_SWITCHES: readonly string[] = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
  '--disable-quic',
];

export interface ChromiumSession {
  context: BrowserContext;
  extensionId: string;
  /** An extension page (options) kept open to send messages as the popup would. */
  controlPage: Page;
  close(): Promise<void>;
}

export function chromiumAvailable(): boolean {
  return existsSync(CHROMIUM_PATH);
}

/**
 * Launches Chromium with the extension in `extensionDir` loaded.
 * @param headless - false for the demo, which opens a real window
 */
export async function launchChromiumWithExtension({
  extensionDir = CHROME_BUILD_DIR,
  headless = true,
  keptProfile,
  extraArgs = [],
  extensionsBefore = [],
}: {
  extensionDir?: string;
  headless?: boolean;
  /** A profile folder to use and keep (benchmarks reuse what they wrote into it); by default a temporary one, deleted on close. */
  keptProfile?: string;
  /** More command-line switches, e.g. `--host-resolver-rules` to give 127.0.0.1 other host names. */
  extraArgs?: string[];
  /** Other unpacked extensions, installed before Margin (one that claims Margin's shortcut first, say). */
  extensionsBefore?: string[];
} = {}): Promise<ChromiumSession> {
  if (!existsSync(join(extensionDir, 'manifest.json'))) {
    throw new Error(`No built extension in ${extensionDir}: run \`npm run build\` first.`);
  }
  if (keptProfile) mkdirSync(keptProfile, { recursive: true });
  const userDataDir = keptProfile ?? mkdtempSync(join(tmpdir(), 'margin-chromium-'));
  const extensions = [...extensionsBefore, extensionDir].join(',');
  const context = await chromium.launchPersistentContext(userDataDir, {
    executablePath: CHROMIUM_PATH,
    headless,
    viewport: { width: 1280, height: 900 },
    ignoreDefaultArgs: ['--disable-extensions'],
    args: [
      `--disable-extensions-except=${extensions}`,
      `--load-extension=${extensions}`,
      ...CHROMIUM_SWITCHES,
      ...extraArgs,
    ],
  });
  const worker = context.serviceWorkers()[0] ?? (await context.waitForEvent('serviceworker'));
  const extensionId = new URL(worker.url()).host;
  const controlPage = await context.newPage();
  await controlPage.goto(`chrome-extension://${extensionId}/options.html`);
  return {
    context,
    extensionId,
    controlPage,
    async close() {
      await context.close();
      if (!keptProfile) rmSync(userDataDir, { recursive: true, force: true });
    },
  };
}

/**
 * Toggles the reader view in `page` through the background, as the extension's own pages do.
 * @return the reader's answer and when the message left, in epoch ms (for timing)
 */
export async function sendReaderToggle(
  session: ChromiumSession,
  page: Page,
): Promise<{ result: ReaderToggle; sentAt: number }> {
  return readToggleReply(await session.controlPage.evaluate(toggleFromExtensionPage, page.url()));
}

/** Toggles the reader view in `page` as the extension's popup would; resolves to its new state. */
export async function toggleReader(session: ChromiumSession, page: Page): Promise<ReaderToggle> {
  return (await sendReaderToggle(session, page)).result;
}
