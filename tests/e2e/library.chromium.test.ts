/**
 * The library, the offline reader page and the settings page in real Chromium
 * with the built extension loaded. The library is written the way the
 * extension writes it: the data layer (`utils/db`, bundled) running in one of
 * the extension's own pages, so records, ids and search words are the real ones.
 */
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, test } from 'vitest';
import { marginDbBundle } from '../../bench/search-browser';
import { CHROMIUM_PATH, launchChromiumWithExtension, type ChromiumSession } from '../../scripts/lib/chromium';
import { ARTIFACTS_DIR, browserSkipReason } from './support';

const skip = browserSkipReason(CHROMIUM_PATH, 'chromium');

const TIDES_HTML =
  '<p>The tide comes in twice a day, and the harbour empties with it.</p>' +
  '<p>Fishermen read the water before the charts; the charts are often wrong.</p>';

describe.skipIf(skip)(`library in Chromium${skip ? ` (${skip})` : ''}`, () => {
  let session: ChromiumSession;
  let dbCode: string;

  beforeAll(async () => {
    [session, dbCode] = await Promise.all([launchChromiumWithExtension(), marginDbBundle()]);
  });
  afterAll(async () => {
    await session?.close();
  });
  /** Errors the extension's pages reported (uncaught, or logged by React): every test ends with none. */
  let pageErrors: string[] = [];
  afterEach(async () => {
    for (const page of session.context.pages()) if (page !== session.controlPage) await page.close();
    const errors = pageErrors;
    pageErrors = [];
    expect(errors).toEqual([]);
  });

  const pageUrl = (path: string) => `chrome-extension://${session.extensionId}/${path}`;
  async function open(path: string): Promise<Page> {
    const page = await session.context.newPage();
    page.on('pageerror', (error) => pageErrors.push(`${page.url()}: ${error.message}`));
    page.on('console', (message) => {
      if (message.type() === 'error') pageErrors.push(`${page.url()}: ${message.text()}`);
    });
    await page.goto(pageUrl(path));
    return page;
  }
  /**
   * Waits until the library shows `expected` results for the latest search (typing
   * passes through intermediate searches, so the count is polled, not read once).
   */
  async function expectCount(page: Page, expected: number): Promise<void> {
    const count = page.locator('[data-library-results][data-busy="false"] [data-result-count]');
    await expect
      .poll(async () => ((await count.count()) ? Number(await count.getAttribute('data-result-count')) : null))
      .toBe(expected);
  }
  const quotes = (page: Page) => page.locator('[data-hit-kind="highlight"] [data-field="quote"]').allTextContents();

  test('an empty library says how to start', async () => {
    const page = await open('library.html');
    await expect.poll(() => page.locator('[data-library-empty]').textContent()).toContain('Nothing here yet');
  });

  describe('with two articles', () => {
    let tidesId: string;
    let planningId: string;

    beforeAll(async () => {
      // The reader page without an article reads nothing: a quiet extension page to write from.
      const page = await open('reader-page.html');
      await page.evaluate(dbCode);
      ({ tidesId, planningId } = await page.evaluate(seedLibrary, TIDES_HTML));
    });

    test('lists every article, newest first, with its highlights, notes and anchor status', async () => {
      const page = await open('library.html');
      const articles = page.locator('[data-article-id]');
      await expect.poll(() => articles.count()).toBe(2);
      expect(await articles.evaluateAll((els) => els.map((e) => e.getAttribute('data-article-id')))).toEqual([
        planningId,
        tidesId,
      ]);

      const planning = page.locator(`[data-article-id="${planningId}"]`);
      expect(await planning.locator('[data-hit-kind="pageNote"]').textContent()).toContain(
        'Revisit after the council vote',
      );
      expect(await planning.locator('[data-anchor-badge="orphaned"]').textContent()).toContain('Not found on the page');
      expect(await planning.locator('[data-anchor-badge="detached"]').textContent()).toContain('Kept as note');
      expect(await planning.locator('[data-original-link]').getAttribute('href')).toBe(
        'https://cities.example/planning',
      );
      expect(await planning.locator('[data-read-offline]').count()).toBe(0);

      const tides = page.locator(`[data-article-id="${tidesId}"]`);
      // Reading order within an article.
      expect(await tides.locator('[data-field="quote"]').allTextContents()).toEqual([
        'comes in twice a day',
        'the charts are often wrong',
      ]);
      expect(await tides.locator('[data-anchor-badge="weak"]').textContent()).toContain('Low confidence');
      expect(await tides.locator('[data-highlight-id] [data-tag]').allTextContents()).toEqual([
        '#science',
        '#maps',
        '#science',
      ]);
      expect(await tides.locator('[data-read-offline]').count()).toBe(1);
      // Each placed highlight links to its passage on the page (a URL text fragment); a lost one does not.
      const deepLink = await tides.locator('[data-highlight-id] [data-deep-link]').first().getAttribute('href');
      expect(deepLink).toMatch(
        /^https:\/\/coast\.example\/tides\?utm_source=newsletter#:~:text=.*comes%20in%20twice%20a%20day/,
      );
      expect(await planning.locator('[data-anchor="orphaned"] [data-deep-link]').count()).toBe(0);
      await page.screenshot({ path: join(ARTIFACTS_DIR, 'library-chromium.png'), fullPage: true });
    });

    test('search finds a word of a note, as typed, with a result count', async () => {
      const page = await open('library.html');
      await page.locator('[data-article-id]').first().waitFor();
      // "/" jumps to the search box from anywhere on the page.
      await page.keyboard.press('/');
      expect(await page.evaluate(() => document.activeElement?.hasAttribute('data-library-search'))).toBe(true);
      await page.keyboard.type('semidiur');
      await expectCount(page, 1);
      expect(await quotes(page)).toEqual(['comes in twice a day']);
      expect(await page.locator('[data-hit-kind="highlight"] [data-field="note"]').textContent()).toContain(
        'semidiurnal',
      );
      expect(await page.locator('[role="status"]').textContent()).toBe('1 result: 1 highlight');

      // Words of a title and of a saved copy find their article.
      await page.locator('[data-library-search]').fill('harbour');
      await expect.poll(() => page.locator('[data-hit-kind="article"]').count()).toBe(1);
      expect(
        await page
          .locator('[data-hit-kind="article"]')
          .evaluate((el) => el.closest('[data-article-id]')?.getAttribute('data-article-id')),
      ).toBe(tidesId);

      await page.locator('[data-library-search]').fill('no such word anywhere');
      await expectCount(page, 0);
      // Esc clears the search: back to the whole library.
      await page.locator('[data-library-search]').press('Escape');
      await expect.poll(() => page.locator('[data-library-list] [data-article-id]').count()).toBe(2);
    });

    test('tag, colour, site and date filters narrow the results', async () => {
      const page = await open('library.html');
      await page.locator('[data-article-id]').first().waitFor();
      await page.locator('[data-filter="tag"]').selectOption('cities');
      await expectCount(page, 2);
      expect((await quotes(page)).sort()).toEqual(['Parking minimums', 'Streets are for people']);

      await page.locator('[data-filter="colour"]').selectOption('yellow');
      await expectCount(page, 1);
      expect(await quotes(page)).toEqual(['Parking minimums']);

      await page.locator('[data-filter="tag"]').selectOption('');
      await expectCount(page, 2);
      expect((await quotes(page)).sort()).toEqual(['Parking minimums', 'comes in twice a day']);

      await page.getByRole('button', { name: 'Clear filters' }).click();
      await page.locator('[data-filter="site"]').selectOption('coast.example');
      await expect
        .poll(() =>
          page
            .locator('[data-library-results] [data-article-id]')
            .evaluateAll((els) => els.map((e) => e.getAttribute('data-article-id'))),
        )
        .toEqual([tidesId]);

      // Everything was made today: a range that ends yesterday finds nothing, one from today finds it all.
      const day = (offset: number) => {
        const d = new Date();
        d.setDate(d.getDate() + offset);
        return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
      };
      await page.locator('[data-filter="site"]').selectOption('');
      await page.locator('[data-filter="to"]').fill(day(-1));
      await expectCount(page, 0);
      await page.locator('[data-filter="to"]').fill('');
      await page.locator('[data-filter="from"]').fill(day(0));
      await expectCount(page, 7); // 4 highlights, 1 article note, 2 articles
    });

    test('"Read offline" opens the saved copy with its title and the highlights painted', async () => {
      const page = await open('library.html');
      await page.locator(`[data-article-id="${tidesId}"] [data-read-offline]`).click();
      await page.waitForURL(/reader-page\.html\?article=/);
      await expect.poll(() => page.locator('[data-field="title"]').textContent()).toBe('Tides of the northern coast');
      expect(await page.locator('[data-field="body"]').textContent()).toContain('Fishermen read the water');
      const host = page.locator('[data-offline-reader]');
      await expect.poll(() => host.getAttribute('data-painted')).toBe('2');
      expect(await host.getAttribute('data-paint-mode')).toBe('custom-highlight');
      const painted = await page.evaluate(() =>
        ['margin-yellow', 'margin-green'].map((name) =>
          [...(CSS.highlights.get(name) ?? [])].map((r) => (r as Range).toString()),
        ),
      );
      expect(painted).toEqual([['comes in twice a day'], ['the charts are often wrong']]);
      // The styles that make them visible apply.
      expect(
        await page.evaluate(() =>
          [...document.styleSheets].some((s) =>
            [...s.cssRules].some((r) => r.cssText.includes('::highlight(margin-yellow)')),
          ),
        ),
      ).toBe(true);
      await page.screenshot({ path: join(ARTIFACTS_DIR, 'offline-reader-chromium.png') });

      // The close button goes back to the library.
      await page.getByRole('button', { name: 'Close reader view (Esc)' }).click();
      await page.waitForURL(/library\.html/);
    });

    test('the offline reader says so when the article or its copy is missing', async () => {
      const page = await open(`reader-page.html?article=${planningId}`);
      await expect
        .poll(() => page.locator('[data-offline-missing] h1').textContent())
        .toBe('No offline copy of this article');
      await page.goto(pageUrl('reader-page.html?article=not-an-article'));
      await expect.poll(() => page.locator('[data-offline-missing] h1').textContent()).toBe('Article not found');
    });
  });

  test('a saved copy is sanitized again before the offline reader renders it', async () => {
    const writer = await open('reader-page.html');
    await writer.evaluate(dbCode);
    const id = await writer.evaluate(async () => {
      const m = (globalThis as unknown as { MarginDbModule: typeof import('../../utils/db/index') }).MarginDbModule;
      const db = m.createMarginDb();
      const html =
        '<p>Plain words.</p><img src="x" onerror="window.__pwned = 1"><script>window.__pwned = 2</script>' +
        '<a href="javascript:window.__pwned = 3">link</a><iframe src="https://evil.example/"></iframe>';
      const article = await m.upsertArticle(db, {
        pageUrl: 'https://evil.example/post',
        title: 'Tampered copy',
        body: { html, text: 'Plain words. link' },
      });
      db.close();
      return article.id;
    });
    const page = await open(`reader-page.html?article=${id}`);
    const body = page.locator('[data-field="body"]');
    await expect.poll(() => body.textContent()).toContain('Plain words.');
    expect(
      await body.evaluate((el) => ({
        dangerous: el.querySelectorAll('script, iframe').length,
        handlers: [...el.querySelectorAll('*')].filter((n) => [...n.attributes].some((a) => a.name.startsWith('on')))
          .length,
        jsLinks: [...el.querySelectorAll('[href]')].filter((n) => /^\s*javascript:/i.test(n.getAttribute('href') ?? ''))
          .length,
      })),
    ).toEqual({ dangerous: 0, handlers: 0, jsLinks: 0 });
    await page.waitForTimeout(200);
    expect(await page.evaluate(() => (window as unknown as { __pwned?: number }).__pwned)).toBeUndefined();
    // Chromium reports the `onerror` attribute to the console as soon as the dirty copy is
    // parsed (into DOMPurify's inert document): blocked by the extension's CSP, so expected.
    pageErrors = pageErrors.filter(
      (e) => !/Executing inline event handler violates the following Content Security Policy/.test(e),
    );
  });

  test('settings: the default colour persists after a reload; storage used and the shortcuts are shown', async () => {
    const page = await open('options.html');
    const green = page.locator('[data-default-colour="green"]');
    await page.locator('section[data-loaded="true"]').waitFor();
    await green.check();
    await page.reload();
    await page.locator('section[data-loaded="true"]').waitFor();
    expect(await green.isChecked()).toBe(true);
    expect(await page.locator('[data-default-colour="yellow"]').isChecked()).toBe(false);

    const toolbar = page.locator('[data-setting="toolbarOnSelect"]');
    expect(await toolbar.isChecked()).toBe(true);
    await toolbar.uncheck();
    await page.reload();
    await page.locator('section[data-loaded="true"]').waitFor();
    expect(await toolbar.isChecked()).toBe(false);

    const usage = page.locator('[data-storage-usage]');
    await expect
      .poll(() => usage.textContent())
      .toMatch(/^\d+(\.\d)? (B|kB|MB|GB) of the \d+(\.\d)? (kB|MB|GB|TB) this browser allows/);
    expect(Number(await usage.getAttribute('data-storage-usage'))).toBeGreaterThan(0);
    expect(await page.locator('[data-storage-persisted]').textContent()).toMatch(/^(Yes|No)/);
    expect(await page.locator('[data-where-data-lives]').textContent()).toContain('Nothing leaves this machine');
    // Shortcuts as the browser has them bound (headless Chromium may leave them unbound).
    const bound = await page.evaluate(async () =>
      Object.fromEntries((await chrome.commands.getAll()).map((c) => [c.name, c.shortcut])),
    );
    expect(Object.keys(bound)).toEqual(expect.arrayContaining(['toggle-reader', 'highlight-selection']));
    for (const name of ['toggle-reader', 'highlight-selection']) {
      expect(await page.locator(`[data-shortcut="${name}"]`).textContent()).toBe(bound[name] || 'not set');
    }
    expect(await page.locator('[data-library-link]').first().getAttribute('href')).toBe('library.html');
    await page.screenshot({ path: join(ARTIFACTS_DIR, 'options-chromium.png'), fullPage: true });
  });
});

/**
 * Writes two articles through the data layer, inside an extension page (serialized:
 * nothing from outside this function). The second is newer.
 */
async function seedLibrary(tidesHtml: string) {
  const m = (globalThis as unknown as { MarginDbModule: typeof import('../../utils/db/index') }).MarginDbModule;
  const db = m.createMarginDb();
  const quoteAt = (text: string, exact: string) => {
    const start = text.indexOf(exact);
    return [
      {
        type: 'TextQuoteSelector' as const,
        exact,
        prefix: text.slice(Math.max(0, start - 32), start),
        suffix: text.slice(start + exact.length, start + exact.length + 32),
      },
      { type: 'TextPositionSelector' as const, start, end: start + exact.length },
    ];
  };
  const tidesText =
    'The tide comes in twice a day, and the harbour empties with it. Fishermen read the water before the charts; the charts are often wrong.';
  const tides = await m.upsertArticle(db, {
    pageUrl: 'https://coast.example/tides?utm_source=newsletter',
    title: 'Tides of the northern coast',
    author: 'Mara Quill',
    site: 'Coast Weekly',
    body: { html: tidesHtml, text: tidesText },
  });
  // Made in the reverse of reading order: the library must list them in reading order.
  await m.addHighlight(db, {
    articleId: tides.id,
    selectors: quoteAt(tidesText, 'the charts are often wrong'),
    colour: 'green',
    tags: ['maps', 'science'],
    anchor: 'weak',
  });
  await m.addHighlight(db, {
    articleId: tides.id,
    selectors: quoteAt(tidesText, 'comes in twice a day'),
    colour: 'yellow',
    note: 'Check the lunar tables: a semidiurnal pattern.',
    tags: ['science'],
  });
  await new Promise((r) => setTimeout(r, 20)); // a later creation time for the second article
  const planningText = 'Streets are for people. Parking minimums shape cities.';
  const planning = await m.upsertArticle(db, {
    pageUrl: 'https://cities.example/planning',
    title: 'Notes on city planning',
  });
  await m.addHighlight(db, {
    articleId: planning.id,
    selectors: quoteAt(planningText, 'Streets are for people'),
    colour: 'pink',
    note: 'The zoning argument',
    tags: ['cities'],
    anchor: 'orphaned',
  });
  await m.addHighlight(db, {
    articleId: planning.id,
    selectors: quoteAt(planningText, 'Parking minimums'),
    colour: 'yellow',
    tags: ['cities'],
    anchor: 'detached',
  });
  await m.setPageNote(db, planning.id, 'Revisit after the council vote.');
  db.close();
  return { tidesId: tides.id, planningId: planning.id };
}
