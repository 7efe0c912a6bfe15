/**
 * Export and restore end to end in real Chromium: highlight the sample post, export
 * it as Markdown from the popup (the file has the quote, the note and a text-fragment
 * link that finds the passage), save a backup from the library, and restore it into
 * a fresh browser profile, where the highlight reappears on the page.
 */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { CHROMIUM_PATH, launchChromiumWithExtension, type ChromiumSession } from '../../scripts/lib/chromium';
import { startServer } from '../../scripts/serve';
import { openPopup, painted, selectUntilToolbar, toolbar, writeNote } from './highlight-driver';
import { browserSkipReason } from './support';

const skip = browserSkipReason(CHROMIUM_PATH, 'chromium');
const POST = '/kubecon-eu-2024-day-two/';
const PASSAGE = 'the kind of deep, personal engagement';
const NOTE = 'The hallway track, in one line';

describe.skipIf(skip)(`export and restore in Chromium${skip ? ` (${skip})` : ''}`, () => {
  let server: Awaited<ReturnType<typeof startServer>>;
  let session: ChromiumSession;
  let page: Page;
  let backupPath = '';

  beforeAll(async () => {
    server = await startServer({ root: resolve('demo') });
    session = await launchChromiumWithExtension();
    page = await session.context.newPage();
    await page.goto(new URL(POST, server.url).href);
    await selectUntilToolbar(page, PASSAGE);
    await toolbar(page).click('[data-colour="blue"]');
    // (expect.poll is for tests, not set-up: wait by hand.)
    for (let i = 0; i < 50 && (await painted(page, 'blue')).page !== 1; i++) await page.waitForTimeout(100);
    await writeNote(page, NOTE);
  });
  afterAll(async () => {
    await session?.close();
    await server?.close();
  });

  test('Markdown from the popup has the quote, the note and a text-fragment link to the passage', async () => {
    const popup = await openPopup(session, page);
    const [download] = await Promise.all([
      popup.waitForEvent('download'),
      popup.locator('[data-export="markdown"]').click(),
    ]);
    expect(download.suggestedFilename()).toMatch(/^KubeCon EU 2024.*\.md$/);
    const markdown = readFileSync((await download.path())!, 'utf8');
    expect(markdown).toMatch(/^---\ntitle: /);
    expect(markdown).toContain(`> ${PASSAGE}`);
    expect(markdown).toContain(NOTE);
    const link = markdown.match(/\((https?:[^)\s]*#:~:text=[^)\s]+)\)/)?.[1];
    expect(link).toBeDefined();
    // The directive's terms, decoded, are on the page in the order the link states them.
    const directive = new URL(link!).hash.split(':~:text=')[1]!;
    const terms = directive.split(',').map((t) => decodeURIComponent(t.replace(/^-|-$/g, '')));
    const text = await page.evaluate(() => document.body.innerText.replace(/\s+/g, ' '));
    let from = 0;
    for (const term of terms) {
      const at = text.indexOf(term, from);
      expect(at, `"${term}" after offset ${from}`).toBeGreaterThanOrEqual(0);
      from = at + term.length;
    }
    await popup.close();
  });

  test('a backup saved from the library restores into a fresh profile, and the highlight is back on the page', async () => {
    const library = await session.context.newPage();
    await library.goto(`chrome-extension://${session.extensionId}/library.html`);
    await library.locator('[data-panel="export-import"] summary').click();
    const [download] = await Promise.all([
      library.waitForEvent('download'),
      library.locator('[data-action="backup"]').click(),
    ]);
    backupPath = (await download.path())!;
    const backup = JSON.parse(readFileSync(backupPath, 'utf8')) as {
      format: string;
      records: { highlights: { note: string }[] };
    };
    expect(backup.format).toBe('margin-backup');
    expect(backup.records.highlights.map((h) => h.note)).toEqual([NOTE]);

    const fresh = await launchChromiumWithExtension();
    try {
      const lib = await fresh.context.newPage();
      await lib.goto(`chrome-extension://${fresh.extensionId}/library.html`);
      await lib.locator('[data-panel="export-import"] summary').click();
      await lib.locator('[data-import-file]').setInputFiles(backupPath);
      const preview = lib.locator('[data-import-preview]');
      await expect.poll(() => preview.textContent(), { timeout: 10_000 }).toContain('1 new');
      await lib.locator('[data-action="apply-import"]').click();
      await expect.poll(() => lib.locator('[data-transfer-status]').textContent()).toMatch(/^Imported/);

      const post = await fresh.context.newPage();
      await post.goto(new URL(POST, server.url).href);
      await expect.poll(() => painted(post, 'blue'), { timeout: 10_000 }).toMatchObject({ page: 1, texts: [PASSAGE] });

      // Importing the same file again changes nothing.
      await lib.locator('[data-import-file]').setInputFiles([]);
      await lib.locator('[data-import-file]').setInputFiles(backupPath);
      await expect.poll(() => preview.textContent(), { timeout: 10_000 }).toContain('In total:');
      expect(await preview.textContent()).not.toMatch(/\b[1-9]\d* new/);
    } finally {
      await fresh.close();
    }
  });

  test('a file that is not a backup is refused with its problems named, and nothing changes', async () => {
    const library = await session.context.newPage();
    await library.goto(`chrome-extension://${session.extensionId}/library.html`);
    await library.locator('[data-panel="export-import"] summary').click();
    await library.locator('[data-import-file]').setInputFiles({
      name: 'evil.json',
      mimeType: 'application/json',
      buffer: Buffer.from(
        '{"format":"margin-backup","version":1,"exportedAt":1,"records":{"__proto__":{"polluted":1}}}',
      ),
    });
    await expect.poll(() => library.locator('[data-transfer-status]').textContent()).toContain('cannot be imported');
    expect(await library.locator('[data-import-problems] li').count()).toBeGreaterThan(0);
    expect(await library.locator('[data-import-preview]').count()).toBe(0);
  });
});
