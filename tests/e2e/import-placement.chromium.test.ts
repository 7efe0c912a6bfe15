/**
 * Highlights come home (#15): a Pocket export with annotations (a zip, read in the
 * library page with fflate and papaparse) is previewed and imported in a fresh
 * profile; opening the page places its imported quotes (painted, the user told how
 * many), and the quote no longer on the page is listed as not found in the side panel
 * with its quote, and counted in the popup.
 */
import { resolve } from 'node:path';
import { strToU8, zipSync } from 'fflate';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { CHROMIUM_PATH, launchChromiumWithExtension, type ChromiumSession } from '../../scripts/lib/chromium';
import { startServer } from '../../scripts/serve';
import { openPopup, painted, toolbar } from './highlight-driver';
import { openSidePanelPage } from './sidepanel-driver';
import { browserSkipReason } from './support';

const skip = browserSkipReason(CHROMIUM_PATH, 'chromium');
const POST = '/kubecon-eu-2024-day-two/';
const ON_PAGE = [
  'I pivoted towards the “hallway track.”',
  'The hallway track has reinforced my belief in slowing down',
];
const GONE = 'A sentence this post never had, about keynotes.';

/** A Pocket export as Pocket writes it: the saves as CSV, the highlights as JSON, in one zip. */
function pocketExport(url: string): Buffer {
  const csv = `title,url,time_added,tags,status\n"KubeCon EU 2024: Day Two",${url},1711000000,kubecon|conferences,unread\n`;
  const annotations = [
    {
      url,
      title: 'KubeCon EU 2024: Day Two',
      highlights: [...ON_PAGE, GONE].map((quote, i) => ({ quote, created_at: 1711000100 + i })),
    },
  ];
  return Buffer.from(
    zipSync({ 'part_000000.csv': strToU8(csv), 'annotations/part_000000.json': strToU8(JSON.stringify(annotations)) }),
  );
}

describe.skipIf(skip)(`imported highlights placed on the page in Chromium${skip ? ` (${skip})` : ''}`, () => {
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

  test('a Pocket export imports; its quotes are placed on the page, and the one not there is listed as not found', async () => {
    const url = new URL(POST, server.url).href;
    const library = await session.context.newPage();
    await library.goto(`chrome-extension://${session.extensionId}/library.html`);
    await library.locator('[data-panel="export-import"] summary').click();
    await library
      .locator('[data-import-file]')
      .setInputFiles({ name: 'pocket.zip', mimeType: 'application/zip', buffer: pocketExport(url) });
    const preview = library.locator('[data-import-preview]');
    await expect
      .poll(() => preview.textContent(), { timeout: 10_000 })
      .toContain('Pocket export: nothing has been written yet.');
    expect(await preview.textContent()).toContain('highlights: 3 new');
    await library.locator('[data-action="apply-import"]').click();
    await expect.poll(() => library.locator('[data-transfer-status]').textContent()).toMatch(/^Imported/);

    const page = await session.context.newPage();
    await page.goto(url);
    await expect
      .poll(() => toolbar(page).toast(), { timeout: 15_000 })
      .toBe('2 imported highlights placed on this page.');
    await expect
      .poll(async () => (await painted(page, 'yellow')).texts.sort(), { timeout: 10_000 })
      .toEqual([...ON_PAGE].sort());

    const panel = await openSidePanelPage(session, page);
    const orphan = panel.locator('[data-list="cards"] [data-highlight-id][data-state="orphan"]');
    await expect.poll(() => orphan.count(), { timeout: 15_000 }).toBe(1);
    expect(await orphan.textContent()).toContain(GONE);
    const placed = panel.locator('[data-list="cards"] [data-highlight-id][data-anchor="anchored"]');
    await expect.poll(() => placed.count()).toBe(2);
    await panel.close();
    const popup = await openPopup(session, page);
    await expect.poll(() => popup.locator('[data-count="orphans"]').textContent()).toBe('1');
    await popup.close();

    // The next visit anchors them like highlights made here, from their stored context.
    await page.reload();
    await expect.poll(async () => (await painted(page, 'yellow')).texts.length, { timeout: 10_000 }).toBe(2);
  });
});
