/**
 * Driving highlights in a page the way a user does, with trusted input only: select a
 * passage (on the page or in the reader view) and release Shift, click the toolbar's
 * buttons with the mouse, click a highlight, type a note into the note card (an
 * extension frame) with the keyboard; and reading what is painted from the browser's
 * highlight registry.
 *
 * Margin's toolbar and reader live in closed shadow roots that page script (and
 * Playwright's locators) cannot enter. The driver reaches them the way a debugger does,
 * through the Chrome DevTools Protocol (`DOM.getDocument` with `pierce`), only to find
 * where to click and what is shown; the actions themselves are real mouse and keys.
 */
import type { CDPSession, Frame, Page } from 'playwright-core';
import type { ChromiumSession } from '../../scripts/lib/chromium';

/**
 * Selects the first occurrence of `phrase` (inside one text node), scrolled into view as a
 * user selects what is on screen: under `this` when it is called on a node (the reader's
 * article body, through `inShadow`), else in the page's body. Self-contained, for
 * `page.evaluate` and `Runtime.callFunctionOn`, in Playwright or puppeteer.
 * @return false when the phrase is not there
 */
export function selectPhraseInPage(this: unknown, phrase: unknown): boolean {
  const wanted = String(phrase);
  const walker = document.createTreeWalker(this instanceof Node ? this : document.body, NodeFilter.SHOW_TEXT);
  for (let n = walker.nextNode(); n; n = walker.nextNode()) {
    const at = (n as Text).data.indexOf(wanted);
    if (at < 0) continue;
    n.parentElement!.scrollIntoView({ block: 'center', behavior: 'instant' });
    document.getSelection()!.setBaseAndExtent(n, at, n, at + wanted.length);
    return true;
  }
  return false;
}

const sessions = new WeakMap<Page, Promise<CDPSession>>();
function cdp(page: Page): Promise<CDPSession> {
  let s = sessions.get(page);
  if (!s) sessions.set(page, (s = page.context().newCDPSession(page)));
  return s;
}

/**
 * An answer, or an error naming the call after `ms`. CDP calls (and a frame's queries)
 * have no timeout of their own: a look into the page while a frame is torn down (the
 * note card closing) then fails with its name, and a poll asks again, instead of the
 * test hanging until its own timeout with no word of where.
 */
function within<T>(answer: Promise<T>, what: string, ms = 5000): Promise<T> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const late = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`${what} did not answer within ${ms} ms`)), ms);
  });
  return Promise.race([answer, late]).finally(() => clearTimeout(timer));
}

interface DomNode {
  nodeId: number;
  localName?: string;
  children?: DomNode[];
  shadowRoots?: DomNode[];
}

function findHost(node: DomNode, localName: string): DomNode | null {
  if (node.localName === localName) return node;
  for (const child of [...(node.shadowRoots ?? []), ...(node.children ?? [])]) {
    const found = findHost(child, localName);
    if (found) return found;
  }
  return null;
}

/**
 * The CDP node id of the first element matching `selector` inside the (closed) shadow root
 * of Margin's `<host>` element; null when there is no such host or element.
 */
async function nodeInShadow(
  page: Page,
  host: string,
  selector: string,
): Promise<{ s: CDPSession; nodeId: number } | null> {
  const s = await cdp(page);
  const { root } = (await within(s.send('DOM.getDocument', { depth: -1, pierce: true }), 'CDP DOM.getDocument')) as {
    root: DomNode;
  };
  const shadow = findHost(root, host)?.shadowRoots?.[0];
  if (!shadow) return null;
  const { nodeId } = await within(
    s.send('DOM.querySelector', { nodeId: shadow.nodeId, selector }),
    'CDP DOM.querySelector',
  );
  return nodeId ? { s, nodeId } : null;
}

/**
 * Runs `fn` (self-contained) with `this` bound to the element `selector` in `host`'s shadow root.
 * @return its result, or null when there is no such element
 */
export async function inShadow<T>(
  page: Page,
  host: string,
  selector: string,
  fn: (this: Element, arg: unknown) => T,
  arg?: unknown,
): Promise<T | null> {
  const found = await nodeInShadow(page, host, selector);
  if (!found) return null;
  const { object } = await within(found.s.send('DOM.resolveNode', { nodeId: found.nodeId }), 'CDP DOM.resolveNode');
  const { result, exceptionDetails } = await within(
    found.s.send('Runtime.callFunctionOn', {
      objectId: object.objectId!,
      functionDeclaration: fn.toString(),
      arguments: [{ value: arg ?? null }],
      returnByValue: true,
      awaitPromise: true,
    }),
    'Runtime.callFunctionOn',
  );
  if (exceptionDetails) throw new Error(exceptionDetails.exception?.description ?? exceptionDetails.text);
  return result.value as T;
}

/** Whether `selector` matches a shown element in `host`'s shadow root. */
export async function shownInShadow(page: Page, host: string, selector: string): Promise<boolean> {
  const visible = await inShadow(page, host, selector, function () {
    return !this.closest('[hidden]') && this.getClientRects().length > 0;
  });
  return visible === true;
}

/**
 * Presses `key` where the keypress closes the frame that has focus (Esc or Ctrl+Enter in
 * the note card). Chromium may never acknowledge a key event whose frame was removed
 * while handling it (measured: Esc in the note card left `keyboard.press` hanging for the
 * test's whole 60 s, about one run in four), so this waits for the acknowledgement at
 * most `ms`; the caller then checks what the key did.
 */
export async function pressClosingFrame(page: Page, key: string, ms = 3000): Promise<void> {
  try {
    await within(page.keyboard.press(key), `pressing ${key}`, ms);
  } catch (error) {
    if (!String(error).includes('did not answer')) throw error;
    console.warn(`${key}: Chromium never acknowledged the keypress (its frame closed); going on`);
    // Whatever is still held (Control, above all) must not modify the next click or key.
    for (const part of key.split('+').reverse())
      await within(page.keyboard.up(part), `releasing ${part}`, 1000).catch(() => undefined);
  }
}

/** Clicks the element `selector` in `host`'s shadow root with the mouse, at its centre. */
export async function clickInShadow(page: Page, host: string, selector: string): Promise<void> {
  const found = await nodeInShadow(page, host, selector);
  if (!found) throw new Error(`no ${selector} in <${host}>`);
  const { model } = await within(found.s.send('DOM.getBoxModel', { nodeId: found.nodeId }), 'CDP DOM.getBoxModel');
  const q = model.content;
  await page.mouse.click((q[0]! + q[4]!) / 2, (q[1]! + q[5]!) / 2);
}

export const TOOLBAR = 'margin-toolbar';

/** Margin's toolbar, seen from outside: whether it shows, and its buttons clicked with the mouse. */
export const toolbar = (page: Page) => ({
  isVisible: () => shownInShadow(page, TOOLBAR, '.mt-bar'),
  click: (selector: string) => clickInShadow(page, TOOLBAR, `.mt-bar:not([hidden]) ${selector}`),
  toast: () =>
    inShadow(page, TOOLBAR, '[data-margin-toast]:not([hidden])', function () {
      return this.textContent;
    }),
  clickUndo: () => clickInShadow(page, TOOLBAR, '[data-margin-toast] [data-action="undo"]'),
  isCardOpen: async () => (await nodeInShadow(page, TOOLBAR, 'iframe.mt-card')) !== null,
});

/**
 * Selects the first occurrence of `phrase` and releases Shift, which is how a keyboard
 * selection ends: that shows Margin's toolbar.
 * @param inReader - select inside the reader view instead of the page
 */
export async function selectPhrase(page: Page, phrase: string, inReader = false): Promise<void> {
  const done = inReader
    ? await inShadow(page, 'margin-reader', '[data-field="body"]', selectPhraseInPage, phrase)
    : await page.evaluate(selectPhraseInPage, phrase);
  if (!done) throw new Error(`"${phrase}" is not ${inReader ? 'in the reader' : 'on the page'}`);
  await page.keyboard.press('Shift');
}

/** Selects `phrase` until the toolbar shows (the highlighter may still be starting). */
export async function selectUntilToolbar(page: Page, phrase: string, inReader = false): Promise<void> {
  for (let i = 0; i < 50; i++) {
    await selectPhrase(page, phrase, inReader);
    await page.waitForTimeout(50);
    if (
      await toolbar(page)
        .isVisible()
        .catch(() => false)
    )
      return;
    await page.waitForTimeout(100);
  }
  throw new Error('the highlight toolbar never appeared');
}

/** Painted highlights of a colour: how many on the page and how many in the reader view. */
export async function painted(page: Page, colour: string): Promise<{ page: number; reader: number; texts: string[] }> {
  return page.evaluate((colour) => {
    const h = (CSS as unknown as { highlights: Map<string, Set<Range>> }).highlights.get(`margin-${colour}`);
    const ranges = [...(h ?? [])].filter((r) => !r.collapsed);
    const inShadow = (r: Range) => r.startContainer.getRootNode() instanceof ShadowRoot;
    return {
      page: ranges.filter((r) => !inShadow(r)).length,
      reader: ranges.filter(inShadow).length,
      texts: ranges.map((r) => r.toString()),
    };
  }, colour);
}

/** The browser's id for the tab showing `page`. */
export async function tabIdOf(session: ChromiumSession, page: Page): Promise<number> {
  const url = page.url();
  return session.controlPage.evaluate(async (url) => {
    const tabs = await chrome.tabs.query({});
    const tab = tabs.filter((t) => t.url === url).sort((a, b) => (b.id ?? 0) - (a.id ?? 0))[0];
    if (tab?.id == null) throw new Error(`no tab with ${url}`);
    return tab.id;
  }, url);
}

/** Opens the popup for `page`'s tab as a page of its own (headless browsers cannot click the toolbar button). */
export async function openPopup(session: ChromiumSession, page: Page): Promise<Page> {
  const tabId = await tabIdOf(session, page);
  const popup = await session.context.newPage();
  await popup.setViewportSize({ width: 400, height: 700 });
  await popup.goto(`chrome-extension://${session.extensionId}/popup.html?tab=${tabId}`);
  return popup;
}

/** Scrolls the first painted highlight of a colour into view and clicks it, as a user would. */
export async function clickHighlight(page: Page, colour: string): Promise<void> {
  const box = await page.evaluate((colour) => {
    const r = [...(CSS as unknown as { highlights: Map<string, Set<Range>> }).highlights.get(`margin-${colour}`)!][0]!;
    r.startContainer.parentElement!.scrollIntoView({ block: 'center', behavior: 'instant' });
    const b = r.getClientRects()[0]!;
    return { x: b.left + 4, y: b.top + b.height / 2 };
  }, colour);
  await page.mouse.click(box.x, box.y);
}

/** The note card's frame (an extension page inside Margin's toolbar), once it has loaded its highlight. */
export async function noteCard(page: Page): Promise<Frame> {
  for (let i = 0; i < 100; i++) {
    const frame = page.frames().find((f) => f.url().endsWith('/note-card.html'));
    const ready =
      frame && (await within(frame.locator('[data-field="note"]:enabled').count(), 'the note card').catch(() => 0));
    if (frame && ready) return frame;
    await page.waitForTimeout(100);
  }
  throw new Error('the note card never opened');
}

/**
 * Opens the note card from the toolbar ("Note"), types `note` (and `tags`, when given)
 * with the keyboard, and saves with Ctrl+Enter; resolves when the card has closed.
 */
/** In the note card: whether it has the focus, in its note field. */
function noteFieldFocused(): boolean {
  return document.hasFocus() && (document.activeElement as HTMLElement | null)?.dataset['field'] === 'note';
}

export async function writeNote(page: Page, note: string, tags?: string): Promise<void> {
  await toolbar(page).click('[data-action="note"]');
  const card = await noteCard(page);
  // The card opens with its note field focused. No click into it: after another tab has been in
  // front, headless Chromium may deliver that click to the page, not the card's out-of-process frame.
  for (let i = 0; i < 50 && !(await card.evaluate(noteFieldFocused)); i++) await page.waitForTimeout(100);
  if (!(await card.evaluate(noteFieldFocused))) throw new Error('the note card did not take the focus');
  await page.keyboard.press('ControlOrMeta+A');
  await page.keyboard.type(note);
  if (tags !== undefined) {
    await card.locator('[data-field="tags"]').click();
    await page.keyboard.press('ControlOrMeta+A');
    await page.keyboard.type(tags);
  }
  await pressClosingFrame(page, 'Control+Enter');
  for (let i = 0; i < 50 && (await toolbar(page).isCardOpen()); i++) await page.waitForTimeout(100);
  if (await toolbar(page).isCardOpen()) throw new Error('the note card did not close after saving');
}

/** Selects from the start of `from` to the end of `to`, across elements, and releases Shift. */
export async function selectBetween(page: Page, from: string, to: string): Promise<void> {
  await page.evaluate(
    ({ from, to }) => {
      const find = (phrase: string) => {
        const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
        for (let n = walker.nextNode(); n; n = walker.nextNode()) {
          const at = (n as Text).data.indexOf(phrase);
          if (at >= 0) return { node: n, at };
        }
        throw new Error(`"${phrase}" is not on the page`);
      };
      const a = find(from);
      const b = find(to);
      a.node.parentElement!.scrollIntoView({ block: 'center', behavior: 'instant' });
      document.getSelection()!.setBaseAndExtent(a.node, a.at, b.node, b.at + to.length);
    },
    { from, to },
  );
  await page.keyboard.press('Shift');
}
