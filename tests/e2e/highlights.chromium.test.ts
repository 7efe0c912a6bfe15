/**
 * Highlights end to end in real Chromium with the built extension, on the sample
 * post served from 127.0.0.1: highlight and annotate, come back after a reload,
 * the same highlight in the reader view and back, the side panel (its page loaded
 * in a tab, bound to the post's tab with `sidepanel.html?tab=<id>`: Playwright cannot
 * open Chrome's side panel) and the popup's quick view, a page edited on the server,
 * a passage removed (an orphan, with its note, re-attached by the user in the panel).
 */
import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import {
  CHROMIUM_PATH,
  launchChromiumWithExtension,
  toggleReader,
  type ChromiumSession,
} from '../../scripts/lib/chromium';
import { startServer } from '../../scripts/serve';
import {
  clickHighlight,
  noteCard,
  openPopup,
  painted,
  pressClosingFrame,
  selectBetween,
  selectPhrase,
  selectUntilToolbar,
  tabIdOf,
  toolbar,
  writeNote,
} from './highlight-driver';
import { openSidePanelPage, savePageNote } from './sidepanel-driver';
import { ARTIFACTS_DIR, browserSkipReason } from './support';

const skip = browserSkipReason(CHROMIUM_PATH, 'chromium');
const POST = '/kubecon-eu-2024-day-two/';
const ORIGINAL = readFileSync(resolve('demo/kubecon-eu-2024-day-two/index.html'), 'utf8');

const PASSAGE = 'I found the kind of deep, personal engagement';
const NOTE = 'Hallway conversations beat keynotes';
const READER_PASSAGE = 'The hallway track has reinforced my belief in slowing down';

describe.skipIf(skip)(`highlights in Chromium${skip ? ` (${skip})` : ''}`, () => {
  let server: Awaited<ReturnType<typeof startServer>>;
  let session: ChromiumSession;
  let page: Page;

  beforeAll(async () => {
    server = await startServer({ root: resolve('demo') });
    session = await launchChromiumWithExtension();
    // A step that cannot happen fails with its reason, not with the test's timeout.
    session.context.setDefaultTimeout(15_000);
    page = await session.context.newPage();
    // What a page can overhear from its first byte: every message posted to its window.
    await page.addInitScript(() => {
      const heard: string[] = ((window as unknown as { heard: string[] }).heard = []);
      window.addEventListener('message', (e) => heard.push(JSON.stringify(e.data)), true);
    });
    await page.goto(new URL(`${POST}?utm_source=test`, server.url).href);
  });
  afterAll(async () => {
    await session?.close();
    await server?.close();
  });

  async function reload() {
    await page.reload();
  }

  test('select a passage, highlight it green and add a note', async () => {
    await selectUntilToolbar(page, PASSAGE);
    await toolbar(page).click('[data-colour="green"]');
    await expect.poll(() => painted(page, 'green')).toMatchObject({ page: 1, texts: [PASSAGE] });
    // The page listens to every key it can see while the note is typed.
    await page.evaluate(() => {
      const seen: string[] = ((window as unknown as { seenKeys: string[] }).seenKeys = []);
      for (const type of ['keydown', 'keyup', 'keypress', 'input', 'beforeinput']) {
        window.addEventListener(type, (e) => seen.push(`${type}:${(e as KeyboardEvent).key ?? ''}`), true);
      }
    });
    // The selection is gone, the toolbar now edits the new highlight: add a note in the note card.
    await writeNote(page, NOTE);
    await expect.poll(() => toolbar(page).isVisible()).toBe(false);
    // The note was typed in the card (an extension frame): the page saw none of its keys.
    // (Only the release of Ctrl+Enter, after that keypress closed the card, may reach the page.)
    const seen = await page.evaluate(() => (window as unknown as { seenKeys: string[] }).seenKeys);
    expect(seen.filter((k) => !/^keyup:(Control|Meta|Enter)$/.test(k))).toEqual([]);
    await page.screenshot({ path: join(ARTIFACTS_DIR, 'highlight-chromium.png') });
  });

  test('a highlight across two paragraphs, overlapping another, leaves the page’s DOM untouched', async () => {
    const before = await page.evaluate(() => document.body.innerHTML);
    await selectBetween(page, 'personal engagement I had been', 'One of the most humbling aspects');
    await expect.poll(() => toolbar(page).isVisible()).toBe(true);
    await toolbar(page).click('[data-colour="yellow"]');
    await expect.poll(() => painted(page, 'yellow')).toMatchObject({ page: 1 });
    const [text] = (await painted(page, 'yellow')).texts;
    expect(text).toMatch(/^personal engagement I had been[\s\S]*One of the most humbling aspects$/);
    expect((await painted(page, 'green')).page).toBe(1); // the overlapped one is still there
    // Custom highlights paint without elements: the page's own DOM is exactly as it was.
    expect(await page.evaluate(() => document.body.innerHTML)).toBe(before);
    await toolbar(page).click('[data-action="delete"]');
    await expect.poll(() => painted(page, 'yellow')).toMatchObject({ page: 0 });
  });

  test('after a reload the highlight is back, and clicking it opens its note', async () => {
    await reload();
    await expect.poll(() => painted(page, 'green'), { timeout: 10_000 }).toMatchObject({ page: 1, texts: [PASSAGE] });
    await clickHighlight(page, 'green');
    const card = await noteCard(page);
    expect(await card.locator('[data-field="note"]').inputValue()).toBe(NOTE);
    // Esc in the card closes it (and the toolbar).
    await card.locator('[data-field="note"]').click();
    await pressClosingFrame(page, 'Escape');
    await expect.poll(() => toolbar(page).isCardOpen()).toBe(false);
    await expect.poll(() => toolbar(page).isVisible()).toBe(false);
  });

  test('a note being typed survives the page changing its own address (pushState) on the same post', async () => {
    await reload();
    await expect.poll(() => painted(page, 'green'), { timeout: 10_000 }).toMatchObject({ page: 1 });
    await clickHighlight(page, 'green');
    const card = await noteCard(page);
    await expect
      .poll(() =>
        card.evaluate(
          () => document.hasFocus() && (document.activeElement as HTMLElement | null)?.dataset['field'] === 'note',
        ),
      )
      .toBe(true);
    await page.keyboard.type(' and corridors');
    // A scroll-spy on the page moves the address to a section of the same post.
    await page.evaluate(() => history.pushState(null, '', `${location.pathname}${location.search}#recognition`));
    await page.waitForTimeout(1000);
    expect(await toolbar(page).isCardOpen()).toBe(true);
    expect(await card.locator('[data-field="note"]').inputValue()).toBe(`${NOTE} and corridors`);
    await pressClosingFrame(page, 'Escape');
    await expect.poll(() => toolbar(page).isCardOpen()).toBe(false);
  });

  test('a click the page lures onto a highlight (a transparent layer over it) opens nothing of Margin’s', async () => {
    await reload();
    await expect.poll(() => painted(page, 'green'), { timeout: 10_000 }).toMatchObject({ page: 1 });
    // The page lays an invisible "Continue" layer exactly over the highlighted passage.
    await page.evaluate(() => {
      const r = [...(CSS as unknown as { highlights: Map<string, Set<Range>> }).highlights.get('margin-green')!][0]!;
      r.startContainer.parentElement!.scrollIntoView({ block: 'center', behavior: 'instant' });
      const b = r.getBoundingClientRect();
      const lure = document.createElement('div');
      lure.id = 'lure';
      lure.style.cssText = `position:fixed;left:${b.left}px;top:${b.top}px;width:${b.width}px;height:${b.height}px;opacity:0;z-index:2147483647`;
      document.body.append(lure);
    });
    await clickHighlight(page, 'green');
    await page.waitForTimeout(300);
    expect(await toolbar(page).isVisible()).toBe(false);
    expect(await toolbar(page).isCardOpen()).toBe(false);
    // Without the layer, the same real click opens the highlight's note.
    await page.evaluate(() => document.getElementById('lure')!.remove());
    await clickHighlight(page, 'green');
    await noteCard(page);
    await pressClosingFrame(page, 'Escape');
    await expect.poll(() => toolbar(page).isCardOpen()).toBe(false);
  });

  test('the page can neither detect Margin, nor drive it with synthetic events, nor switch it off', async () => {
    await reload();
    await expect.poll(() => painted(page, 'green'), { timeout: 10_000 }).toMatchObject({ page: 1 });
    // Nothing announced Margin's start to the page.
    expect((await page.evaluate(() => (window as unknown as { heard: string[] }).heard)).join('\n')).not.toContain(
      'content-script-started',
    );
    // Replaying WXT's started event (with Margin's id) does not stop the highlighter…
    await page.evaluate((id) => {
      for (const name of [`${id}:highlighter:wxt:content-script-started`, 'wxt:content-script-started']) {
        document.dispatchEvent(
          new CustomEvent(name, { detail: { contentScriptName: 'highlighter', messageId: 'page' } }),
        );
        window.postMessage({ type: name, contentScriptName: 'highlighter', messageId: 'page' }, '*');
      }
    }, session.extensionId);
    // …and a selection ended by synthetic events, or a synthetic click on a highlight, opens nothing.
    await page.evaluate((phrase) => {
      const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
      for (let n = walker.nextNode(); n; n = walker.nextNode()) {
        const at = (n as Text).data.indexOf(phrase);
        if (at < 0) continue;
        document.getSelection()!.setBaseAndExtent(n, at, n, at + phrase.length);
        const box = n.parentElement!.getBoundingClientRect();
        const init = { bubbles: true, composed: true, clientX: box.left + 5, clientY: box.top + 5 };
        n.parentElement!.dispatchEvent(new MouseEvent('mouseup', init));
        document.dispatchEvent(new KeyboardEvent('keyup', { key: 'Shift', bubbles: true }));
        return;
      }
    }, 'One of the most humbling aspects');
    await page.evaluate(() => {
      const r = [...(CSS as unknown as { highlights: Map<string, Set<Range>> }).highlights.get('margin-green')!][0]!;
      const b = r.getClientRects()[0]!;
      const init = { bubbles: true, composed: true, clientX: b.left + 4, clientY: b.top + b.height / 2 };
      for (const type of ['mousedown', 'mouseup', 'click'])
        document.elementFromPoint(init.clientX, init.clientY)!.dispatchEvent(new MouseEvent(type, init));
    });
    await page.waitForTimeout(500);
    expect(await toolbar(page).isVisible()).toBe(false);
    expect(await toolbar(page).isCardOpen()).toBe(false);
    // The user's own selection still works: the highlighter is running.
    await selectUntilToolbar(page, 'One of the most humbling aspects');
    await page.keyboard.press('Escape');
    await expect.poll(() => toolbar(page).isVisible()).toBe(false);
    expect(await painted(page, 'green')).toMatchObject({ page: 1 });
  });

  test('the reader view shows the same highlight; one made there shows on the page', async () => {
    expect(await toggleReader(session, page)).toEqual({ state: 'opened' });
    await expect.poll(() => painted(page, 'green')).toMatchObject({ page: 1, reader: 1 });

    await selectUntilToolbar(page, READER_PASSAGE, true);
    await toolbar(page).click('[data-colour="blue"]');
    await expect.poll(() => painted(page, 'blue')).toMatchObject({ page: 1, reader: 1 });
    await page.screenshot({ path: join(ARTIFACTS_DIR, 'highlight-reader-chromium.png') });

    expect(await toolbar(page).isVisible()).toBe(true);
    await page.keyboard.press('Escape'); // closes the toolbar, and only the toolbar
    await expect.poll(() => toolbar(page).isVisible()).toBe(false);
    expect(await page.locator('margin-reader').count()).toBe(1);
    await page.keyboard.press('Escape'); // closes the reader
    await expect.poll(() => page.locator('margin-reader').count()).toBe(0);
    expect(await painted(page, 'blue')).toMatchObject({ page: 1, reader: 0, texts: [READER_PASSAGE] });
  });

  test('the side panel lists both highlights in page order with the note; edits there repaint the page', async () => {
    const panel = await openSidePanelPage(session, page);
    const items = panel.locator('[data-list="cards"] [data-highlight-id]');
    await expect.poll(() => items.count(), { timeout: 10_000 }).toBe(2);
    expect(await items.nth(0).locator('[data-action="reveal"]').textContent()).toBe(PASSAGE);
    expect(await items.nth(0).locator('[data-field="note"]').textContent()).toBe(NOTE);
    expect(await items.nth(1).locator('[data-action="reveal"]').textContent()).toBe(READER_PASSAGE);
    expect(await panel.locator('[data-count="cards"]').textContent()).toBe('2');

    // Recolour the second one from the panel: the page repaints without a reload.
    await items.nth(1).locator('[data-action="edit"]').click();
    await items.nth(1).locator('[data-colour-choice="pink"]').click();
    await expect.poll(() => painted(page, 'pink')).toMatchObject({ page: 1 });
    expect((await painted(page, 'blue')).page).toBe(0);
    await panel.keyboard.press('Escape');
    await expect.poll(() => items.nth(1).getAttribute('data-editing')).toBeNull();

    // A page note, kept with the article.
    await savePageNote(panel, 'Worth re-reading before KubeCon NA');
    await panel.screenshot({ path: join(ARTIFACTS_DIR, 'sidepanel-highlights-chromium.png') });
    await panel.close();

    // The popup stays a quick view: how many highlights the page has.
    const popup = await openPopup(session, page);
    await expect.poll(() => popup.locator('[data-count="highlights"]').textContent()).toBe('2');
    expect(await popup.locator('[data-count="orphans"]').count()).toBe(0);
    await popup.screenshot({ path: join(ARTIFACTS_DIR, 'popup-chromium.png') });
    await popup.close();
  });

  test('delete from the toolbar, then undo: the highlight and its note come back', async () => {
    await clickHighlight(page, 'pink');
    await toolbar(page).click('[data-action="delete"]');
    await expect.poll(() => painted(page, 'pink')).toMatchObject({ page: 0 });
    expect(await toolbar(page).toast()).toBe('Highlight deleted.Undo');
    await toolbar(page).clickUndo();
    await expect.poll(() => painted(page, 'pink')).toMatchObject({ page: 1 });
    await reload();
    await expect.poll(() => painted(page, 'pink'), { timeout: 10_000 }).toMatchObject({ page: 1 });
  });

  test('the site edits the post slightly: both highlights are still placed', async () => {
    const edited = ORIGINAL
      // A new paragraph at the top moves every offset.
      .replace(
        '<p id="a1c4"',
        '<p id="new0" class="pw-post-body-paragraph">Update: the recording of my talk is now online, thanks to everyone who came by.</p><p id="a1c4"',
      )
      // A word changed right next to the first passage, and inline markup added inside it.
      .replace('away from the glare of the main stage lights', 'away from the glare of the keynote stage lights')
      .replace('deep, personal engagement', 'deep, <em>personal</em> engagement');
    expect(edited).not.toBe(ORIGINAL);
    server.setOverride(POST, edited);
    await reload();
    await expect.poll(() => painted(page, 'green'), { timeout: 10_000 }).toMatchObject({ page: 1, texts: [PASSAGE] });
    await expect.poll(() => painted(page, 'pink')).toMatchObject({ page: 1, texts: [READER_PASSAGE] });
  });

  test('the passage is removed: the highlight is listed as not found, with its note, and can be re-attached', async () => {
    const removed = ORIGINAL.replace(/<p id="c07e"[\s\S]*?<\/p>/, '');
    expect(removed).not.toContain('deep, personal engagement');
    server.setOverride(POST, removed);
    await reload();
    // The user is told on the page…
    await expect.poll(() => toolbar(page).toast(), { timeout: 10_000 }).toContain('could not find 1 highlight');
    expect((await painted(page, 'green')).page).toBe(0);
    expect((await painted(page, 'pink')).page).toBe(1);

    // …the popup counts it apart…
    const popup = await openPopup(session, page);
    await expect.poll(() => popup.locator('[data-count="orphans"]').textContent()).toBe('1');
    expect(await popup.locator('[data-count="highlights"]').textContent()).toBe('1');
    await popup.close();

    // …and the side panel lists it with its quote and note.
    const panel = await openSidePanelPage(session, page);
    const orphan = panel.locator('[data-list="cards"] [data-highlight-id][data-state="orphan"]');
    await expect.poll(() => orphan.count(), { timeout: 10_000 }).toBe(1);
    const id = await orphan.getAttribute('data-highlight-id');
    expect(await orphan.getAttribute('data-anchor')).toBe('orphaned');
    expect(await orphan.locator('[data-action="reveal"]').textContent()).toBe(PASSAGE);
    expect(await orphan.locator('[data-field="note"]').textContent()).toBe(NOTE);
    expect(await orphan.locator('[data-field="state"]').textContent()).toBe('not found on the page');

    // Re-attach it to a passage the user selects.
    await selectPhrase(page, 'the power of personal connections');
    await orphan.locator('[data-action="reattach"]').click();
    await expect
      .poll(() => painted(page, 'green'))
      .toMatchObject({ page: 1, texts: ['the power of personal connections'] });
    const reattached = panel.locator(`[data-list="cards"] [data-highlight-id="${id}"]`);
    await expect.poll(() => reattached.getAttribute('data-state')).toBe('placed');
    expect(await reattached.getAttribute('data-anchor')).toBe('anchored');
    expect(await reattached.locator('[data-field="note"]').textContent()).toBe(NOTE);
    expect(await panel.locator('[data-list="cards"] [data-state="orphan"]').count()).toBe(0);
    await panel.close();
    server.setOverride(POST, null);
  });

  test('the shortcut and context-menu path highlights the selection in the chosen default colour; the badge counts', async () => {
    await reload();
    await expect.poll(() => painted(page, 'green'), { timeout: 10_000 }).toMatchObject({ page: 1 });
    // The user picked purple as the default colour in the options page.
    await session.controlPage.evaluate(() =>
      chrome.storage.local.set({ highlightSettings: { defaultColour: 'purple', toolbarOnSelect: true } }),
    );
    await selectPhrase(page, 'away from the glare of the main stage lights');
    const tabId = await tabIdOf(session, page);
    // What the background sends on Alt+Shift+H or "Highlight with Margin" (headless Chromium has neither).
    const sent = await session.controlPage.evaluate(
      (tabId) =>
        chrome.tabs.sendMessage(tabId, { id: 1, type: 'selection:highlight', data: {}, timestamp: Date.now() }),
      tabId,
    );
    expect(sent).toEqual({ res: true });
    await expect
      .poll(() => painted(page, 'purple'))
      .toMatchObject({ page: 1, texts: ['away from the glare of the main stage lights'] });
    await expect
      .poll(() => session.controlPage.evaluate((tabId) => chrome.action.getBadgeText({ tabId }), tabId))
      .toBe('3');
  });

  test('save for offline reading from the popup', async () => {
    const popup = await openPopup(session, page);
    await popup.locator('[data-action="save-offline"]').click();
    await expect
      .poll(() => popup.locator('[data-popup-message]').textContent(), { timeout: 10_000 })
      .toBe('Saved for offline reading.');
    expect(await popup.locator('[data-saved-at]').count()).toBe(1);
    expect(await popup.locator('[data-action="save-offline"]').textContent()).toBe('Update offline copy');
    await popup.close();
  });

  test('the library finds the highlight by a word of its note, and opens the saved copy offline with it painted', async () => {
    const library = await session.context.newPage();
    await library.goto(`chrome-extension://${session.extensionId}/library.html`);
    await library.locator('[data-library-search]').fill('keynotes');
    const hit = library.locator('[data-hit-kind="highlight"]');
    await expect.poll(() => hit.count(), { timeout: 10_000 }).toBe(1);
    expect(await hit.textContent()).toContain(NOTE);
    await library.locator('[data-library-search]').fill('');
    const readOffline = library.locator('[data-read-offline]').first();
    await readOffline.click();
    await expect.poll(() => library.url()).toContain('reader-page.html');
    await expect
      .poll(() => library.locator('[data-field="title"]').textContent())
      .toBe('KubeCon EU 2024: Day Two — Embracing the Hallway Track');
    await expect.poll(() => painted(library, 'pink')).toMatchObject({ page: 1, texts: [READER_PASSAGE] });
    await library.close();
  });

  test('a page that stops real clicks and keys on their way down cannot switch the toolbar off', async () => {
    // Its own script, in <head>, swallows every mouse and key event at the window, capturing.
    server.setOverride(
      '/swallow/',
      `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Swallow</title><script>
        for (const type of ['mousedown', 'mouseup', 'click', 'keydown', 'keyup'])
          window.addEventListener(type, (e) => e.stopImmediatePropagation(), true);
      </script></head><body><article><h1>Swallow</h1><p>${'Words of the article to read slowly. '.repeat(30)}</p>
      <p>The passage the user highlights anyway sits here.</p></article></body></html>`,
    );
    const hostile = await session.context.newPage();
    await hostile.goto(new URL('/swallow/', server.url).href);
    await selectUntilToolbar(hostile, 'The passage the user highlights anyway');
    await toolbar(hostile).click('[data-colour="blue"]');
    await expect.poll(async () => (await painted(hostile, 'blue')).page).toBe(1);
    await hostile.close();
  });
});
