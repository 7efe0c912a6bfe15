/**
 * Firefox's driver of the hostile-page scenario (puppeteer over WebDriver BiDi;
 * `launchFirefoxHostile`): typing a note with the real mouse and keyboard; running code in
 * Margin's content-script world, as a compromised content script (or a renderer an exploit took
 * over) would; and messages from the extension's own page, as the popup sends them. Other
 * tenants of a shared host: every host name resolves to 127.0.0.1 (`resolveHostsTo`, the twin
 * of Chromium's host-resolver rule). It has no look into closed shadow roots, so attack 4 checks
 * what the page itself could do, not what the browser's tools see.
 *
 * WebDriver BiDi itself gives no handle on an extension's content-script sandbox: the realms
 * `script.getRealms` lists are the page's window and sandboxes BiDi made itself, all with the
 * page's principal. What it does give, with `--remote-allow-system-access` (which
 * `scripts/lib/firefox.ts` already passes), is script in the browser's own chrome window, with
 * system privileges (`"moz:scope": "chrome"`, Firefox 1xx). From there the test loads a process
 * script into the content processes; in the one holding the tab, it finds Margin's content
 * script the way Firefox's own extension tests do (`ExtensionContent.getContextByExtensionId`)
 * and evaluates in its sandbox: the real content-script world, whose messages the background
 * sees with the tab's `sender.tab`, `sender.url` and `frameId` 0. The product is not changed for it.
 */
import type { Frame, Page } from 'puppeteer-core';
import { launchFirefoxWithExtension, tabIdOf, toggleReader, type FirefoxSession } from '../../scripts/lib/firefox';
import type { HostileBrowser, HostileTab } from './hostile-browser';
import { dataLayerBundle } from './hostile-db';
import { drag, highlightPoint, type Evaluates } from './hostile-driver';

const sleep = (ms: number) => new Promise((ok) => setTimeout(ok, ms));

interface BidiConnection {
  send(method: string, params: object): Promise<{ result: unknown }>;
}
type Evaluated =
  | { type: 'success'; result: { type: string; value?: unknown } }
  | { type: 'exception'; exceptionDetails: { text: string } };

function bidi(session: FirefoxSession): BidiConnection {
  const connection = (session.browser as unknown as { connection?: BidiConnection }).connection;
  if (!connection?.send) throw new Error('puppeteer did not expose its WebDriver BiDi connection');
  return connection;
}

/** The BiDi id of the browser window's chrome context (system privileges). */
async function chromeContext(session: FirefoxSession): Promise<string> {
  const { contexts } = (await bidi(session).send('browsingContext.getTree', { 'moz:scope': 'chrome', maxDepth: 0 }))
    .result as {
    contexts: { context: string; url: string }[];
  };
  const window = contexts.find((c) => c.url === 'chrome://browser/content/browser.xhtml');
  if (!window) throw new Error('no chrome window over WebDriver BiDi (is --remote-allow-system-access passed?)');
  return window.context;
}

/**
 * Runs in the chrome window: loads a process script into the content processes; the one that
 * holds the tab's top frame evaluates `expression` in the extension's content-script sandbox
 * there and answers `{ json }` (the awaited value, JSON) or `{ error }`. Self-contained.
 */
const IN_CHROME = `async (navigableId, extensionId, expression, timeoutMs) => {
  const { NavigableManager } = ChromeUtils.importESModule('chrome://remote/content/shared/NavigableManager.sys.mjs');
  const tab = NavigableManager.getBrowsingContextById(navigableId);
  if (!tab) return JSON.stringify({ error: 'no browsing context ' + navigableId });
  const topic = 'margin-test:content-script:' + Services.uuid.generateUUID().toString();
  const wrapped = '(async () => JSON.stringify((await (' + expression + ')) ?? null))()';
  const script = \`(() => {
    const bc = BrowsingContext.get(\${tab.id});
    const win = bc && bc.docShell ? bc.docShell.domWindow : null;
    if (!win) return; // Another content process: the tab is not here.
    const reply = (answer) => Services.cpmm.sendAsyncMessage(\${JSON.stringify(topic)}, answer);
    try {
      const { ExtensionContent } = ChromeUtils.importESModule('resource://gre/modules/ExtensionContent.sys.mjs');
      const context = ExtensionContent.getContextByExtensionId(\${JSON.stringify(extensionId)}, win);
      if (!context || !context.sandbox) return reply({ error: 'no content script', retry: true });
      Cu.evalInSandbox(\${JSON.stringify(wrapped)}, context.sandbox).then(
        (json) => reply({ json: String(json) }),
        (e) => reply({ error: String((e && e.message) || e) }),
      );
    } catch (e) {
      reply({ error: String((e && e.message) || e) });
    }
  })();\`;
  return await new Promise((resolve) => {
    const done = (answer) => {
      Services.ppmm.removeMessageListener(topic, listener);
      clearTimeout(timer);
      resolve(JSON.stringify(answer));
    };
    const listener = (message) => done(message.data);
    const timer = setTimeout(() => done({ error: 'no content process answered', retry: true }), timeoutMs);
    Services.ppmm.addMessageListener(topic, listener);
    Services.ppmm.loadProcessScript('data:application/javascript,' + encodeURIComponent(script), false);
  });
}`;

/**
 * Evaluates `expression` in Margin's content-script world in `page`'s top frame (waiting up to
 * `timeoutMs` for the content script to be there): what a content script, or a renderer an
 * exploit took over, can reach and send.
 * @return the expression's value (awaited, through JSON), or `{ error }` if it threw
 */
export async function evaluateInContentScript(
  session: FirefoxSession,
  page: Page,
  expression: string,
  timeoutMs = 10_000,
): Promise<unknown> {
  const navigable = (page.mainFrame() as unknown as { _id?: string })._id;
  if (!navigable) throw new Error('puppeteer did not expose the page’s browsing context id');
  const target = { context: await chromeContext(session) };
  for (const started = Date.now(); ; await sleep(200)) {
    const evaluated = (
      await bidi(session).send('script.callFunction', {
        functionDeclaration: IN_CHROME,
        arguments: [navigable, session.extensionId, expression, 5_000].map((value) =>
          typeof value === 'number' ? { type: 'number', value } : { type: 'string', value },
        ),
        target,
        awaitPromise: true,
      })
    ).result as Evaluated;
    if (evaluated.type !== 'success') throw new Error(`in the chrome window: ${evaluated.exceptionDetails.text}`);
    const answer = JSON.parse(String(evaluated.result.value)) as { json?: string; error?: string; retry?: boolean };
    if (answer.json !== undefined) return JSON.parse(answer.json) as unknown;
    if (!answer.retry || Date.now() - started > timeoutMs) {
      if (answer.retry)
        throw new Error(`no content-script world of ${session.extensionId} in ${page.url()}: ${answer.error}`);
      return { error: answer.error };
    }
  }
}

/**
 * Sends a message to the background from Margin's content-script world in `page`, framed as
 * `@webext-core/messaging` frames it: the background sees the tab's page as its sender.
 * @return `{ res }` or `{ err }` (a refusal, or the background's rejection)
 */
export async function sendFromContentScript(
  session: FirefoxSession,
  page: Page,
  type: string,
  data: unknown,
): Promise<{ res?: unknown; err?: unknown }> {
  const message = JSON.stringify({ type, data });
  const answer = await evaluateInContentScript(
    session,
    page,
    `(() => {
      const { type, data } = ${message};
      return browser.runtime.sendMessage({ id: Date.now(), type, data, timestamp: Date.now() })
        .then((reply) => reply ?? { err: 'no answer' }, (e) => ({ err: String(e && e.message || e) }));
    })()`,
  );
  return answer as { res?: unknown; err?: unknown };
}

/**
 * Sends a message to the background from the extension's options page, framed as
 * `@webext-core/messaging` frames it; resolves to its `{res}` or `{err}`.
 */
export function askBackground(
  session: FirefoxSession,
  type: string,
  data: unknown,
): Promise<{ res?: unknown; err?: unknown }> {
  return session.controlPage.evaluate(
    (type, data) =>
      (globalThis as unknown as { browser: typeof chrome }).browser.runtime
        .sendMessage({ id: Date.now(), type, data, timestamp: Date.now() })
        .then(
          (reply: { res?: unknown; err?: unknown } | undefined) => reply ?? { err: 'no answer' },
          (error: Error) => ({ err: error.message }),
        ),
    type,
    data,
  );
}

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

/** Ctrl+A, `text`, Ctrl+Enter on the focused field (puppeteer presses no chords). */
async function typeReplacing(page: Page, text: string): Promise<void> {
  await page.keyboard.down('Control');
  await page.keyboard.press('KeyA');
  await page.keyboard.up('Control');
  await page.keyboard.type(text);
  await page.keyboard.down('Control');
  await page.keyboard.press('Enter');
  await page.keyboard.up('Control');
}

/**
 * Clicks the painted highlight of `quote` with the real mouse and types `text` with the real
 * keyboard into the note editor that appears (the note card's frame, else the toolbar's field),
 * then Ctrl+Enter.
 */
async function typeNoteForReal(page: Page, quote: string, text: string): Promise<'note-card' | 'toolbar'> {
  let point: { x: number; y: number } | null = null;
  for (const started = Date.now(); !(point = await highlightPoint(evaluates(page), quote)); await sleep(100)) {
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

/** A puppeteer page as the shared steps take it. */
const evaluates = (page: Page): Evaluates => ({
  evaluate: (fn, arg) => page.evaluate(fn as never, arg as never) as never,
});

function hostileTab(session: FirefoxSession, page: Page): HostileTab {
  return {
    ...evaluates(page),
    url: () => page.url(),
    title: () => page.title(),
    clickAt: (point) => page.mouse.click(point.x, point.y),
    click: async (selector) => (await page.$(selector))!.click(),
    press: async (key) => {
      if (key.includes('+')) throw new Error(`puppeteer presses no chords: ${key}`);
      await page.keyboard.press(key as never);
    },
    type: (text) => page.keyboard.type(text),
    drag: (from, to) => drag(page.mouse, from, to),
    typeNoteForReal: (quote, text) => typeNoteForReal(page, quote, text),
    tabId: () => tabIdOf(session, page),
    async tell(type, data) {
      const tabId = await tabIdOf(session, page);
      return session.controlPage.evaluate(
        (tabId, type, data) =>
          (globalThis as unknown as { browser: typeof chrome }).browser.tabs
            .sendMessage(tabId, { id: Date.now(), type, data, timestamp: Date.now() })
            .then(
              (r: unknown) => (r as { res?: unknown; err?: unknown } | undefined) ?? { err: 'no answer' },
              (e: Error) => ({ err: e.message }),
            ),
        tabId,
        type,
        data,
      );
    },
    toggleReader: () => toggleReader(session, page),
    inContentScript: (expression) => evaluateInContentScript(session, page, expression),
    sendFromContentScript: (type, data) => sendFromContentScript(session, page, type, data),
    close: () => page.close(),
  };
}

/** Firefox ESR with the Firefox build, every host name on 127.0.0.1, the data layer loaded. */
export async function launchFirefoxHostile(): Promise<HostileBrowser> {
  // Other tenants of a shared host, on the local server (the network is closed).
  const session = await launchFirefoxWithExtension({ resolveHostsTo: '127.0.0.1' });
  await session.controlPage.evaluate(await dataLayerBundle());
  const options = session.controlPage;
  return {
    api: 'browser',
    control: evaluates(options),
    options: {
      front: () => options.bringToFront(),
      count: (selector) => options.$$eval(selector, (found) => found.length),
      async fill(selector, value) {
        // Typed: React ignores a value set by script.
        const field = await options.waitForSelector(selector, { visible: true });
        await field!.evaluate((el) => {
          (el as HTMLInputElement).focus();
          (el as HTMLInputElement).select();
        });
        await options.keyboard.type(value);
      },
      click: (selector) => options.locator(selector).click(),
      text: (selector) => options.$eval(selector, (el) => el.textContent ?? '').catch(() => ''),
    },
    async open(url) {
      const page = await session.newPage(url);
      await page.bringToFront();
      return hostileTab(session, page);
    },
    askBackground: (type, data) => askBackground(session, type, data),
    close: () => session.close(),
  };
}
