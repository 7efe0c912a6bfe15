/**
 * The hostile page of hostile-page.chromium.test.ts in Firefox ESR with the Firefox build
 * (puppeteer over WebDriver BiDi). Seeds through Margin's data layer in the options page; types
 * one note with the real mouse and keyboard. Other tenants of a shared host are served from the
 * local server: every host name resolves to 127.0.0.1 (`resolveHostsTo`, the twin of Chromium's
 * host-resolver rule). The content script's world is reached from the browser's chrome window
 * (`hostile-firefox.ts`), as the Chromium suite reaches it through the DevTools protocol.
 *
 * Left out here (Chromium only): the independent look into the reader's shadow tree (attack 4
 * checks what the page itself could do, not what DevTools sees).
 *
 * Attack 7, a compromised content script asking the background for what is not its page's
 * (`hostile-messages.ts`), runs in Chromium in hostile-messages.chromium.test.ts.
 */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import type { Frame, Page } from 'puppeteer-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { FIREFOX_PATH, launchFirefoxWithExtension, tabIdOf, toggleReader, type FirefoxSession } from '../../scripts/lib/firefox';
import { startServer } from '../../scripts/serve';
import { dataLayerBundle, readStoredInExtensionPage, seedInExtensionPage, type StoredState } from './hostile-db';
import { askBackground, evaluateInContentScript, sendFromContentScript } from './hostile-firefox';
import { carriedOut, compromisedContentScript, messagesSeed } from './hostile-messages';
import {
  HOSTILE_PATH,
  HOSTILE_TITLE,
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
  withCanonical,
  type Evaluates,
} from './hostile-driver';
import { browserSkipReason } from './support';

const skip = browserSkipReason(FIREFOX_PATH, 'firefox-esr');
const sleep = (ms: number) => new Promise((ok) => setTimeout(ok, ms));
const WEBDAV_PASSWORD = 'hunter2-WEBDAV-pw-7731';
const SYNC_PASSPHRASE = 'correct-horse-PASSPHRASE-4410';

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
    // Other tenants of a shared host, on the local server (the network is closed).
    session = await launchFirefoxWithExtension({ resolveHostsTo: '127.0.0.1' });
    await session.controlPage.evaluate(await dataLayerBundle());
  });
  afterAll(async () => {
    await session?.close();
    await server?.close();
  });

  const hostileUrl = () => new URL(HOSTILE_PATH, server.url).href;
  const stored = (): Promise<StoredState> => session.controlPage.evaluate(readStoredInExtensionPage);

  /** Opens `url` in a new tab and waits for `paints` to be painted (the records are seeded before). */
  async function open(url: string, paints: string[]): Promise<Page> {
    const page = await session.newPage(url);
    await page.bringToFront();
    await expect
      .poll(() => paintedTexts(ev(page)), { timeout: 15_000, message: `${url}: the seeded highlights are painted` })
      .toEqual(expect.arrayContaining(paints));
    return page;
  }
  async function openHostile(): Promise<Page> {
    await session.controlPage.evaluate(seedInExtensionPage, [seededArticle(hostileUrl())]);
    return open(hostileUrl(), [SECRET_PASSAGE, TYPED_PASSAGE]);
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

  test('attack 5: a page naming another tenant’s page as its canonical shows none of its highlights or notes', async () => {
    const victim = `http://victim.azurewebsites.net:${server.port}${HOSTILE_PATH}`;
    const evil = `http://evil.azurewebsites.net:${server.port}${HOSTILE_PATH}evil.html`;
    server.setOverride(`${HOSTILE_PATH}evil.html`, withCanonical(readFileSync(resolve('demo/hostile-annotator/index.html'), 'utf8'), victim));
    // The victim's own page, under its own name: its highlights show there.
    await session.controlPage.evaluate(seedInExtensionPage, [seededArticle(victim)]);
    const victimPage = await open(victim, [SECRET_PASSAGE, TYPED_PASSAGE]);
    const victimArticle = (await stored()).articles[0]!.id;
    await victimPage.close();

    const page = await session.newPage(evil);
    try {
      // Its attacks come after the first look (today they would delete what they were shown).
      await stopPageTimers(ev(page));
      expect(await page.title(), `${evil} is served`).toContain(HOSTILE_TITLE);
      expect(await page.evaluate(() => document.querySelector('link[rel=canonical]')?.getAttribute('href'))).toBe(victim);
      // The highlighter has run there and told the background which page it shows.
      const tabId = await tabIdOf(session, page);
      await expect
        .poll(async () => ((await askBackground(session, 'tab:page', { tabId })).res as { page: { pageUrl: string } | null })?.page?.pageUrl, {
          timeout: 15_000,
        })
        .toBe(evil);
      // Anchoring follows the page's answer within milliseconds; a second is plenty.
      await sleep(1000);
      expect(await paintedTexts(ev(page)), 'the victim’s highlights on the other tenant’s page').toEqual([]);
      await pageAttacks(ev(page), 'attack');
      expect(leaks(await lootOf(ev(page)), PRIVATE_NEEDLES), 'the other tenant’s page read the victim’s notes').toEqual([]);
      const { res } = await askBackground(session, 'tab:page', { tabId });
      expect((res as { articleId: string | null }).articleId, 'the page is filed under the victim’s article').not.toBe(victimArticle);
    } finally {
      await page.close();
      server.setOverride(`${HOSTILE_PATH}evil.html`, null);
    }
  });

  test('attack 6: a sync password and passphrase saved in the options page are out of the content scripts’ reach', async () => {
    const page = await openHostile();
    try {
      // A content script's world (or a renderer taken over through it) listens for storage changes…
      const listening = await evaluateInContentScript(
        session,
        page,
        `(() => { globalThis.__changes = []; browser.storage.onChanged.addListener((c, area) => globalThis.__changes.push(area + ' ' + JSON.stringify(c))); return true; })()`,
      );
      expect(listening).toBe(true);

      // …while the user saves sync settings in the options page (typed: React ignores a value set by script).
      const options = session.controlPage;
      await options.bringToFront();
      await expect.poll(() => options.$$eval('.options-sync[data-sync-loaded="true"]', (found) => found.length)).toBe(1);
      for (const [name, value] of [
        ['url', new URL('/dav/', server.url).href],
        ['username', 'reader'],
        ['password', WEBDAV_PASSWORD],
        ['folder', 'Margin'],
        ['passphrase', SYNC_PASSPHRASE],
      ] as const) {
        const field = await options.waitForSelector(`[data-sync-field="${name}"]`, { visible: true });
        await field!.evaluate((el) => {
          (el as HTMLInputElement).focus();
          (el as HTMLInputElement).select();
        });
        await options.keyboard.type(value);
      }
      await options.locator('[data-action="sync-save"]').click();
      await expect.poll(() => options.$eval('[data-sync-note="save"]', (el) => el.textContent ?? '').catch(() => '')).toMatch(/^Saved/);

      // Everything storage offers the content script's world, and what it heard.
      const reachable = await evaluateInContentScript(
        session,
        page,
        `(async () => {
          const read = async (area) => { try { return browser.storage[area] ? await browser.storage[area].get(null) : 'absent'; } catch (e) { return 'refused: ' + e.message; } };
          return JSON.stringify({ local: await read('local'), sync: await read('sync'), session: await read('session'), changes: globalThis.__changes });
        })()`,
      );
      expect(typeof reachable, `the content script's world answered: ${JSON.stringify(reachable)}`).toBe('string');
      const found = [WEBDAV_PASSWORD, SYNC_PASSPHRASE].filter((secret) => (reachable as string).includes(secret));
      expect(found, 'secrets a content script can read (storage.local/sync/session, storage.onChanged)').toEqual([]);
      expect(leaks(await lootOf(ev(page)), [WEBDAV_PASSWORD, SYNC_PASSPHRASE]), 'secrets the page saw').toEqual([]);
    } finally {
      await page.close();
    }
  });

  test('attack 7: a compromised content script gets nothing of another page or tab, and changes nothing there', async () => {
    // Another site's page, open in another tab, with the private note, tags and page note.
    const victimUrl = `http://victim.azurewebsites.net:${server.port}${HOSTILE_PATH}`;
    const ownUrl = hostileUrl();
    const ids = await session.controlPage.evaluate(seedInExtensionPage, messagesSeed(ownUrl, victimUrl));
    const [victimHighlight, ownHighlight] = [ids[SECRET_PASSAGE]!, ids[TYPED_PASSAGE]!];
    const victimPage = await open(victimUrl, [SECRET_PASSAGE]);
    const page = await open(ownUrl, [TYPED_PASSAGE]);
    try {
      await stopPageTimers(ev(page));
      const before = await stored();
      const { own, answers } = await compromisedContentScript((type, data) => sendFromContentScript(session, page, type, data), {
        ownUrl,
        victimUrl,
        victimTab: await tabIdOf(session, victimPage),
        victimHighlight,
        ownHighlight,
      });
      // The channel is Margin's own: its page's own highlight comes back.
      expect(JSON.stringify(own), 'the content script’s world opens its own page').toContain(ownHighlight);

      const said = JSON.stringify(answers);
      // Soft: every request that got through is reported, not only the first.
      expect.soft(said, 'an answer holds the other page’s highlight').not.toContain(victimHighlight);
      expect.soft(said, 'an answer holds the other tab’s address').not.toContain(new URL(victimUrl).host);
      expect.soft(leaks({ answers } as never, PRIVATE_NEEDLES), 'private text in the answers').toEqual([]);
      expect.soft(carriedOut(answers), 'requests the background carried out').toEqual([]);
      const victimArticle = before.articles.find((a) => a.urls.includes(victimUrl))?.id;
      for (const opened of [answers.openVictim, answers.claimVictim]) {
        expect.soft((opened.res as { article: { id: string } | null } | undefined)?.article?.id, 'opened as the other page’s article').not.toBe(victimArticle);
      }
      await sleep(500);
      expect.soft(await stored(), 'the records changed under the content script’s requests').toEqual(before);
      expect.soft(await paintedTexts(ev(victimPage)), 'the other tab’s highlight').toEqual([SECRET_PASSAGE]);
    } finally {
      await page.close();
      await victimPage.close();
    }
  });
});
