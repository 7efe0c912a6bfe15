/**
 * Chromium's driver of the hostile-page scenario (Playwright; `launchChromiumHostile`): typing
 * a note the way a user does, whichever editor Margin shows; reading Margin's shadow trees and
 * content-script world through the DevTools protocol, which sees what the page cannot (closed
 * roots, isolated worlds); and messages from the extension's own page.
 */
import type { Frame, Locator, Page } from 'playwright-core';
import { launchChromiumWithExtension, toggleReader, type ChromiumSession } from '../../scripts/lib/chromium';
import type { HostileBrowser, HostileTab } from './hostile-browser';
import { dataLayerBundle } from './hostile-db';
import { drag, highlightPoint } from './hostile-driver';
import type { Answer } from './hostile-messages';

const sleep = (ms: number) => new Promise((ok) => setTimeout(ok, ms));

/** The note card, when Margin shows one: an extension page framed in the tab. */
function noteCardFrame(page: Page): Frame | undefined {
  return page.frames().find((f) => {
    try {
      const url = new URL(f.url());
      return url.protocol === 'chrome-extension:' && url.pathname.endsWith('/note-card.html');
    } catch {
      return false;
    }
  });
}

/**
 * Clicks the painted highlight of `quote` with the real mouse, then types `text` with the real
 * keyboard into whichever note editor appears: the extension's note card (an iframe of
 * `note-card.html`) if there is one, else the in-page toolbar's note field; and saves with
 * Ctrl+Enter. Replaces any note already there.
 * @return which editor took the note
 */
export async function typeNoteForReal(
  page: Page,
  quote: string,
  text: string,
  timeoutMs = 10_000,
): Promise<'note-card' | 'toolbar'> {
  let point: { x: number; y: number } | null = null;
  for (const started = Date.now(); !(point = await highlightPoint(page, quote)); await sleep(100)) {
    if (Date.now() - started > timeoutMs) throw new Error(`“${quote}” is not painted: nothing to click`);
  }
  await page.mouse.click(point.x, point.y);
  let editor: Locator | null = null;
  let kind: 'note-card' | 'toolbar' = 'toolbar';
  for (const started = Date.now(); !editor; await sleep(100)) {
    const card = noteCardFrame(page);
    if (card) {
      const field = card.locator('textarea, [contenteditable="true"], input[type="text"]').first();
      if (await field.isVisible().catch(() => false)) [editor, kind] = [field, 'note-card'];
    }
    const toolbarField = page.locator('margin-toolbar [data-field="note"]');
    if (!editor && (await toolbarField.isVisible().catch(() => false))) [editor, kind] = [toolbarField, 'toolbar'];
    if (!editor && Date.now() - started > timeoutMs) {
      throw new Error('clicking the highlight opened no note editor (no note-card.html frame, no toolbar note field)');
    }
  }
  await editor.click();
  await page.keyboard.press('Control+A');
  await page.keyboard.type(text);
  await page.keyboard.press('Control+Enter');
  return kind;
}

interface DomNode {
  nodeType: number;
  localName?: string;
  nodeValue?: string;
  children?: DomNode[];
  shadowRoots?: DomNode[];
  contentDocument?: DomNode;
}

/**
 * The text inside `<hostTag>`'s shadow root(s), open or closed, as the DevTools protocol sees it
 * (the page cannot); null when there is no such element.
 */
export async function shadowTextOf(page: Page, hostTag: string): Promise<string | null> {
  const cdp = await page.context().newCDPSession(page);
  try {
    const { root } = (await cdp.send('DOM.getDocument', { depth: -1, pierce: true })) as { root: DomNode };
    const textOf = (n: DomNode): string =>
      (n.nodeType === 3 ? `${n.nodeValue ?? ''} ` : '') +
      [...(n.shadowRoots ?? []), ...(n.children ?? [])].map(textOf).join('');
    const find = (n: DomNode): DomNode | null => {
      if (n.localName === hostTag) return n;
      for (const c of [...(n.shadowRoots ?? []), ...(n.children ?? [])]) {
        const hit = find(c);
        if (hit) return hit;
      }
      return null;
    };
    const host = find(root);
    return host ? (host.shadowRoots ?? []).map(textOf).join(' ') : null;
  } finally {
    await cdp.detach();
  }
}

/**
 * Runs `expression` in Margin's content-script world (the isolated world its highlighter runs
 * in) in `page`'s top frame, through the DevTools protocol: what a content script, or a renderer
 * an exploit took over, can reach.
 * @return the expression's value (awaited), or `{ error }` if it threw
 */
export async function evaluateInContentScript(
  page: Page,
  session: ChromiumSession,
  expression: string,
): Promise<unknown> {
  const cdp = await page.context().newCDPSession(page);
  try {
    const contexts: { id: number; name: string; origin: string; auxData?: { type?: string; frameId?: string } }[] = [];
    cdp.on('Runtime.executionContextCreated', (e: { context: (typeof contexts)[number] }) => contexts.push(e.context));
    await cdp.send('Runtime.enable');
    const { frameTree } = (await cdp.send('Page.getFrameTree')) as { frameTree: { frame: { id: string } } };
    const ours = () =>
      contexts.find(
        (c) =>
          c.auxData?.type === 'isolated' &&
          c.auxData.frameId === frameTree.frame.id &&
          c.origin.includes(session.extensionId),
      );
    for (const started = Date.now(); !ours(); await sleep(100)) {
      if (Date.now() - started > 10_000)
        throw new Error(`no content-script world of ${session.extensionId} in ${page.url()}`);
    }
    const reply = (await cdp.send('Runtime.evaluate', {
      expression,
      contextId: ours()!.id,
      awaitPromise: true,
      returnByValue: true,
    })) as { result: { value?: unknown }; exceptionDetails?: { exception?: { description?: string }; text: string } };
    if (reply.exceptionDetails)
      return { error: reply.exceptionDetails.exception?.description ?? reply.exceptionDetails.text };
    return reply.result.value;
  } finally {
    await cdp.detach();
  }
}

/** The browser's id for the tab showing `page` (the newest, when several show its address). */
export async function tabIdOf(session: ChromiumSession, page: Page): Promise<number> {
  return session.controlPage.evaluate(async (url) => {
    const tab = (await chrome.tabs.query({})).filter((t) => t.url === url).sort((a, b) => (b.id ?? 0) - (a.id ?? 0))[0];
    if (tab?.id == null) throw new Error(`no tab with ${url}`);
    return tab.id;
  }, page.url());
}

/**
 * Sends a message to the background from the extension's options page, framed as
 * `@webext-core/messaging` frames it; resolves to its `{res}` or `{err}`.
 */
export function askBackground(
  session: ChromiumSession,
  type: string,
  data: unknown,
): Promise<{ res?: unknown; err?: unknown }> {
  return session.controlPage.evaluate(
    ({ type, data }) =>
      chrome.runtime.sendMessage({ id: Date.now(), type, data, timestamp: Date.now() }).then(
        (reply: { res?: unknown; err?: unknown } | undefined) => reply ?? { err: 'no answer' },
        (error: Error) => ({ err: error.message }),
      ),
    { type, data },
  );
}

/** Sends a message to the content scripts of `page`'s tab, as the background does; resolves to `{res}` or `{err}`. */
export async function tellTab(
  session: ChromiumSession,
  page: Page,
  type: string,
  data: unknown,
): Promise<{ res?: unknown; err?: unknown }> {
  const tabId = await tabIdOf(session, page);
  return session.controlPage.evaluate(
    ({ tabId, type, data }) =>
      Promise.race([
        chrome.tabs.sendMessage(tabId, { id: Date.now(), type, data, timestamp: Date.now() }).then(
          (reply: { res?: unknown; err?: unknown } | undefined) => reply ?? { err: 'no answer' },
          (error: Error) => ({ err: error.message }),
        ),
        new Promise<{ err: string }>((resolve) =>
          setTimeout(() => resolve({ err: `the tab did not answer ${type} in 20 s` }), 20_000),
        ),
      ]),
    { tabId, type, data },
  );
}

/** Sends a message from Margin's content-script world in `page`: the browser names that tab and page as the sender. */
export async function sendFromContentScript(
  session: ChromiumSession,
  page: Page,
  type: string,
  data: unknown,
): Promise<Answer> {
  return (await evaluateInContentScript(
    page,
    session,
    `(() => {
      const { type, data } = ${JSON.stringify({ type, data })};
      return chrome.runtime.sendMessage({ id: Date.now(), type, data, timestamp: Date.now() })
        .then((reply) => reply ?? { err: 'no answer' }, (e) => ({ err: String(e && e.message || e) }));
    })()`,
  )) as Answer;
}

function hostileTab(session: ChromiumSession, page: Page): HostileTab {
  return {
    url: () => page.url(),
    title: () => page.title(),
    evaluate: (fn, arg) => page.evaluate(fn as (arg: unknown) => unknown, arg) as never,
    clickAt: (point) => page.mouse.click(point.x, point.y),
    click: (selector) => page.locator(selector).click(),
    press: (key) => page.keyboard.press(key),
    type: (text) => page.keyboard.type(text),
    drag: (from, to) => drag(page.mouse, from, to),
    typeNoteForReal: (quote, text) => typeNoteForReal(page, quote, text),
    tabId: () => tabIdOf(session, page),
    tell: (type, data) => tellTab(session, page, type, data),
    toggleReader: () => toggleReader(session, page),
    readerShadowText: () => shadowTextOf(page, 'margin-reader'),
    inContentScript: (expression) => evaluateInContentScript(page, session, expression),
    sendFromContentScript: (type, data) => sendFromContentScript(session, page, type, data),
    close: () => page.close(),
  };
}

/** Chromium with the Chrome build, other tenants of a shared host on 127.0.0.1, the data layer loaded. */
export async function launchChromiumHostile(): Promise<HostileBrowser> {
  const session = await launchChromiumWithExtension({
    // Other tenants of a shared host, on the local server (the network is closed).
    extraArgs: ['--host-resolver-rules=MAP *.azurewebsites.net 127.0.0.1'],
  });
  await session.controlPage.evaluate(await dataLayerBundle());
  const options = session.controlPage;
  return {
    api: 'chrome',
    control: { evaluate: (fn, arg) => options.evaluate(fn as (arg: unknown) => unknown, arg) as never },
    options: {
      // Playwright's fill and click need no focus.
      front: async () => undefined,
      count: (selector) => options.locator(selector).count(),
      fill: (selector, value) => options.locator(selector).fill(value),
      click: (selector) => options.locator(selector).click(),
      text: async (selector) => (await options.locator(selector).textContent()) ?? '',
    },
    async open(url) {
      const page = await session.context.newPage();
      await page.goto(url);
      return hostileTab(session, page);
    },
    askBackground: (type, data) => askBackground(session, type, data),
    close: () => session.close(),
  };
}
