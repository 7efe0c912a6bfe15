/**
 * The hostile page of hostile-page.chromium.test.ts in Firefox ESR with the Firefox build
 * (puppeteer over WebDriver BiDi): the attacks this driver can run. Seeds through Margin's data
 * layer in the options page; types one note with the real mouse and keyboard.
 *
 * Left out here (Chromium only): the independent look into the reader's shadow tree (attack 4
 * checks what the page itself could do, not what DevTools sees), the foreign-tenant canonical
 * (Firefox cannot map host names to 127.0.0.1 without a pref `scripts/lib/firefox.ts` does not
 * take), and the content-script world's storage (BiDi gives no handle on an extension's
 * content-script sandbox).
 */
import { resolve } from 'node:path';
import type { Frame, Page } from 'puppeteer-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { FIREFOX_PATH, launchFirefoxWithExtension, tabIdOf, toggleReader, type FirefoxSession } from '../../scripts/lib/firefox';
import { startServer } from '../../scripts/serve';
import { dataLayerBundle, readStoredInExtensionPage, seedInExtensionPage, type StoredState } from './hostile-db';
import {
  HOSTILE_PATH,
  PLANTED,
  PRIVATE_NEEDLES,
  SECRET_PASSAGE,
  TRUSTED_PASSAGE,
  TYPED_NOTE,
  TYPED_PASSAGE,
  highlightPoint,
  leaks,
  lootOf,
  pageAttacks,
  paintedTexts,
  phraseEnds,
  seededArticle,
  stopPageTimers,
  type Evaluates,
} from './hostile-driver';
import { browserSkipReason } from './support';

const skip = browserSkipReason(FIREFOX_PATH, 'firefox-esr');
const sleep = (ms: number) => new Promise((ok) => setTimeout(ok, ms));

/** A puppeteer page as the shared driver takes it. */
const ev = (page: Page): Evaluates => ({ evaluate: (fn, arg) => page.evaluate(fn as never, arg as never) as never });

/**
 * The note card frame (`note-card.html`), when Margin shows one. Asked for its own address:
 * puppeteer's `Frame.url()` still says about:blank for an extension frame the page's content
 * script added.
 */
async function noteCardFrame(page: Page): Promise<Frame | undefined> {
  for (const frame of page.frames().slice(1)) {
    const href = await frame.evaluate(() => location.href).catch(() => '');
    if (/^moz-extension:\/\/[^/]+\/note-card\.html/.test(href)) return frame;
  }
  return undefined;
}

/**
 * Clicks the painted highlight of `quote` with the real mouse and types `text` with the real
 * keyboard into the note editor that appears (the note card's frame, else the toolbar's field),
 * then Ctrl+Enter.
 */
async function typeNoteForReal(page: Page, quote: string, text: string): Promise<'note-card' | 'toolbar'> {
  let point: { x: number; y: number } | null = null;
  for (const started = Date.now(); !(point = await highlightPoint(ev(page), quote)); await sleep(100)) {
    if (Date.now() - started > 10_000) throw new Error(`“${quote}” is not painted: nothing to click`);
  }
  await page.mouse.click(point.x, point.y);
  for (const started = Date.now(); ; await sleep(100)) {
    const card = await noteCardFrame(page);
    const field = card ? await card.$('textarea, [contenteditable="true"], input[type="text"]') : null;
    if (field) {
      await field.click();
      await typeReplacing(page, text);
      return 'note-card';
    }
    const toolbarField = await page.$('margin-toolbar >>> [data-field="note"]');
    if (toolbarField && (await toolbarField.isVisible())) {
      await toolbarField.click();
      await typeReplacing(page, text);
      return 'toolbar';
    }
    if (Date.now() - started > 10_000) throw new Error('clicking the highlight opened no note editor');
  }
}

async function typeReplacing(page: Page, text: string): Promise<void> {
  await page.keyboard.down('Control');
  await page.keyboard.press('KeyA');
  await page.keyboard.up('Control');
  await page.keyboard.type(text);
  await page.keyboard.down('Control');
  await page.keyboard.press('Enter');
  await page.keyboard.up('Control');
}

describe.skipIf(skip)(`a hostile page in Firefox${skip ? ` (${skip})` : ''}`, () => {
  let server: Awaited<ReturnType<typeof startServer>>;
  let session: FirefoxSession;

  beforeAll(async () => {
    server = await startServer({ root: resolve('demo') });
    session = await launchFirefoxWithExtension();
    await session.controlPage.evaluate(await dataLayerBundle());
  });
  afterAll(async () => {
    await session?.close();
    await server?.close();
  });

  const hostileUrl = () => new URL(HOSTILE_PATH, server.url).href;
  const stored = (): Promise<StoredState> => session.controlPage.evaluate(readStoredInExtensionPage);

  async function openHostile(): Promise<Page> {
    await session.controlPage.evaluate(seedInExtensionPage, [seededArticle(hostileUrl())]);
    const page = await session.newPage(hostileUrl());
    await page.bringToFront();
    await expect
      .poll(() => paintedTexts(ev(page)), { timeout: 15_000, message: 'the seeded highlights are painted' })
      .toEqual(expect.arrayContaining([SECRET_PASSAGE, TYPED_PASSAGE]));
    return page;
  }

  test('attack 1: the page observes no note or tag text, neither seeded nor typed for real', async () => {
    const page = await openHostile();
    try {
      const editor = await typeNoteForReal(page, TYPED_PASSAGE, TYPED_NOTE);
      await pageAttacks(ev(page), 'attack');
      await pageAttacks(ev(page), 'replay');
      await pageAttacks(ev(page), 'attack');
      const loot = await lootOf(ev(page));
      expect(loot.rounds).toBeGreaterThan(0);
      expect(loot.highlightTexts).toContain(SECRET_PASSAGE);
      expect(leaks(loot, PRIVATE_NEEDLES), `the page read private text (the note was typed into the ${editor})`).toEqual([]);
      await expect
        .poll(async () => (await stored()).highlights.find((h) => h.quote === TYPED_PASSAGE && h.deletedAt === null)?.note)
        .toBe(TYPED_NOTE);
    } finally {
      await page.close();
    }
  });

  test('attack 2: synthetic events create, change and delete nothing', async () => {
    const page = await openHostile();
    try {
      const before = await stored();
      expect(before.highlights.filter((h) => h.deletedAt === null)).toHaveLength(2);
      await pageAttacks(ev(page), 'attack');
      await pageAttacks(ev(page), 'replay');
      await pageAttacks(ev(page), 'attack');
      await sleep(1500);
      const after = await stored();
      expect(JSON.stringify(after), 'the page planted its own note or tag').not.toMatch(new RegExp(PLANTED.join('|'), 'i'));
      expect(after, 'the records changed under the page’s synthetic events').toEqual(before);
    } finally {
      await page.close();
    }
  });

  test('attack 3: replaying every event it observed does not stop the painting, and a trusted highlight still works', async () => {
    const page = await openHostile();
    try {
      // Something real for the page to observe and replay: the user clicks and types on the page.
      const point = await highlightPoint(ev(page), SECRET_PASSAGE);
      if (point) await page.mouse.click(point.x, point.y);
      await page.keyboard.press('Escape');
      await (await page.$('h1'))!.click();
      await page.keyboard.type('ok');
      await page.keyboard.press('Escape');
      await stopPageTimers(ev(page));
      await pageAttacks(ev(page), 'replay');
      await pageAttacks(ev(page), 'replay');
      expect((await lootOf(ev(page))).replayedCustomEvents.length).toBeGreaterThan(0);
      await sleep(1000);
      expect(await paintedTexts(ev(page)), 'the seeded highlights after the replays').toEqual(
        expect.arrayContaining([SECRET_PASSAGE, TYPED_PASSAGE]),
      );

      const { from, to } = await phraseEnds(ev(page), TRUSTED_PASSAGE);
      await page.mouse.move(from.x, from.y);
      await page.mouse.down();
      await page.mouse.move(to.x, to.y, { steps: 8 });
      await page.mouse.up();
      expect(await page.evaluate(() => String(document.getSelection()))).toContain('turns the water the colour of');
      const tabId = await tabIdOf(session, page);
      const reply = await session.controlPage.evaluate(
        (tabId) =>
          (globalThis as unknown as { browser: typeof chrome }).browser.tabs
            .sendMessage(tabId, { id: Date.now(), type: 'selection:highlight', data: {}, timestamp: Date.now() })
            .then((r: unknown) => r ?? { err: 'no answer' }, (e: Error) => ({ err: e.message })),
        tabId,
      );
      expect(reply, 'the highlighter answers the shortcut').toEqual({ res: true });
      await expect.poll(async () => (await paintedTexts(ev(page))).some((t) => t.includes('turns the water the colour of'))).toBe(true);
    } finally {
      await page.close();
    }
  });

  test('attack 4: the reader overlay can be neither read nor rewritten by the page', async () => {
    const page = await openHostile();
    try {
      await stopPageTimers(ev(page));
      expect(await toggleReader(session, page)).toEqual({ state: 'opened' });
      await expect.poll(() => page.evaluate(() => document.querySelector('margin-reader') !== null)).toBe(true);
      await pageAttacks(ev(page), 'spoof');
      const { reader } = await lootOf(ev(page));
      expect(reader.seen, 'the page found <margin-reader>').toBe(true);
      expect({ readable: reader.readable, rewritten: reader.rewritten, readText: reader.text.slice(0, 80) }).toEqual({
        readable: false,
        rewritten: false,
        readText: '',
      });
    } finally {
      await page.close();
    }
  });
});
