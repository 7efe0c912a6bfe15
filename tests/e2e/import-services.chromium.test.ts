/**
 * A Pocket export imported from the library in real Chromium: the zip is read in
 * the page (fflate, papaparse), previewed as a Pocket export, applied; opening the
 * demo post then places the imported quote that is on it with today's highlighter
 * (a quote-only selector, status `unplaced`), and the one that is not is counted as
 * not found.
 */
import { writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { zipSync } from 'fflate';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { CHROMIUM_PATH, launchChromiumWithExtension, type ChromiumSession } from '../../scripts/lib/chromium';
import { startServer } from '../../scripts/serve';
import { openPopup, painted } from './highlight-driver';
import { browserSkipReason } from './support';

const skip = browserSkipReason(CHROMIUM_PATH, 'chromium');
const POST = '/kubecon-eu-2024-day-two/';
const PASSAGE = 'the kind of deep, personal engagement';

describe.skipIf(skip)(`import a Pocket export in Chromium${skip ? ` (${skip})` : ''}`, () => {
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

  test('the library imports the zip, and the post places the quote that is on it', async () => {
    const url = new URL(POST, server.url).href;
    const encode = (s: string) => new TextEncoder().encode(s);
    const zip = zipSync({
      'part_000000.csv': encode(`title,url,time_added,tags,status\n"KubeCon, day two",${url},1700000000,conferences|hallway,unread\n`),
      'annotations/part_000000.json': encode(
        JSON.stringify([{ url, title: 'KubeCon, day two', highlights: [{ quote: PASSAGE, created_at: 1700000100 }, { quote: 'A sentence the post never had.', created_at: 1700000200 }] }]),
      ),
    });
    const file = join(tmpdir(), `margin-pocket-${process.pid}.zip`);
    writeFileSync(file, zip);

    const lib = await session.context.newPage();
    await lib.goto(`chrome-extension://${session.extensionId}/library.html`);
    await lib.locator('[data-panel="export-import"] summary').click();
    await lib.locator('[data-import-file]').setInputFiles(file);
    const preview = lib.locator('[data-import-preview]');
    await expect.poll(() => preview.textContent(), { timeout: 10_000 }).toContain('Pocket export: nothing has been written yet.');
    expect(await preview.textContent()).toContain('highlights: 2 new');
    await lib.locator('[data-action="apply-import"]').click();
    await expect.poll(() => lib.locator('[data-transfer-status]').textContent()).toMatch(/^Imported/);

    const post = await session.context.newPage();
    await post.goto(url);
    await expect.poll(() => painted(post, 'yellow'), { timeout: 10_000 }).toMatchObject({ page: 1, texts: [PASSAGE] });
    const popup = await openPopup(session, post);
    await expect.poll(() => popup.locator('[data-count="orphans"]').textContent(), { timeout: 15_000 }).toBe('1');
  });
});
