/**
 * A shortcut conflict as a user meets it: another extension, installed first, holds
 * Alt+Shift+R (Obsidian Web Clipper suggests it too), so Chromium leaves Margin's reader
 * command without a key. The popup and the settings page must say so and offer the way
 * to set one. The other extension is a stub whose manifest only suggests that key.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { CHROMIUM_PATH, launchChromiumWithExtension, type ChromiumSession } from '../../scripts/lib/chromium';
import { ARTIFACTS_DIR, browserSkipReason } from './support';

const skip = browserSkipReason(CHROMIUM_PATH, 'chromium');

describe.skipIf(skip)(`shortcut conflicts in Chromium${skip ? ` (${skip})` : ''}`, () => {
  let session: ChromiumSession;
  let context: BrowserContext;
  let extensionId: string;
  const dirs: string[] = [];

  beforeAll(async () => {
    const stub = mkdtempSync(join(tmpdir(), 'margin-stub-clipper-'));
    dirs.push(stub);
    writeFileSync(
      join(stub, 'manifest.json'),
      JSON.stringify({
        manifest_version: 3,
        name: 'Another clipper',
        version: '1.0',
        commands: { 'open-clipper': { suggested_key: { default: 'Alt+Shift+R' }, description: 'Clip this page' } },
      }),
    );
    // The stub is installed first, so it gets the key.
    session = await launchChromiumWithExtension({ extensionsBefore: [stub] });
    context = session.context;
    extensionId = session.extensionId;
  });
  afterAll(async () => {
    await session?.close();
    for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
  });

  async function extensionPage(path: string, viewport?: { width: number; height: number }): Promise<Page> {
    const page = await context.newPage();
    if (viewport) await page.setViewportSize(viewport);
    await page.goto(`chrome-extension://${extensionId}/${path}`);
    return page;
  }

  test('Chromium leaves the reader command unassigned; the popup says so in one line', async () => {
    const options = await extensionPage('options.html');
    const bound = await options.evaluate(async () =>
      Object.fromEntries((await chrome.commands.getAll()).map((c) => [c.name, c.shortcut])),
    );
    expect(bound['toggle-reader']).toBe('');
    expect(bound['highlight-selection']).toBe('Alt+Shift+H');

    // The popup beside a tab Margin cannot run on still tells.
    const popup = await extensionPage('popup.html?tab=1', { width: 400, height: 600 });
    const line = popup.locator('[data-shortcut-notice]');
    await expect.poll(() => line.textContent()).toBe('No keyboard shortcut for the reader view. Set one…');
    expect(await line.getAttribute('data-shortcut-notice')).toBe('toggle-reader');
    await popup.screenshot({ path: join(ARTIFACTS_DIR, 'popup-shortcut-conflict-chromium.png') });

    // "Set one…" opens Chromium's shortcut page.
    const opened = context.waitForEvent('page');
    await line.locator('button').click();
    const settings = await opened;
    await expect.poll(() => settings.url()).toBe('chrome://extensions/shortcuts');
  });

  test('the settings page marks the command "not set" and explains', async () => {
    const options = await extensionPage('options.html');
    await expect.poll(() => options.locator('[data-shortcut="toggle-reader"]').textContent()).toBe('not set');
    expect(await options.locator('[data-shortcut-unassigned="toggle-reader"]').textContent()).toContain(
      'another extension may use Alt+Shift+R',
    );
    expect(await options.locator('[data-shortcut="highlight-selection"]').textContent()).toBe('Alt+Shift+H');
    expect(await options.locator('[data-shortcut-help]').textContent()).toContain('chrome://extensions/shortcuts');
    await options
      .locator('[data-shortcut-help]')
      .screenshot({ path: join(ARTIFACTS_DIR, 'options-shortcut-conflict-chromium.png') });
  });
});
