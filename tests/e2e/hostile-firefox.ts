/**
 * Firefox-only steps of the hostile-page suite (puppeteer over WebDriver BiDi): running code in
 * Margin's content-script world, as a compromised content script (or a renderer an exploit took
 * over) would; and messages from the extension's own page, as the popup sends them.
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
import type { Page } from 'puppeteer-core';
import type { FirefoxSession } from '../../scripts/lib/firefox';

const sleep = (ms: number) => new Promise((ok) => setTimeout(ok, ms));

interface BidiConnection {
  send(method: string, params: object): Promise<{ result: unknown }>;
}
type Evaluated = { type: 'success'; result: { type: string; value?: unknown } } | { type: 'exception'; exceptionDetails: { text: string } };

function bidi(session: FirefoxSession): BidiConnection {
  const connection = (session.browser as unknown as { connection?: BidiConnection }).connection;
  if (!connection?.send) throw new Error('puppeteer did not expose its WebDriver BiDi connection');
  return connection;
}

/** The BiDi id of the browser window's chrome context (system privileges). */
async function chromeContext(session: FirefoxSession): Promise<string> {
  const { contexts } = (await bidi(session).send('browsingContext.getTree', { 'moz:scope': 'chrome', maxDepth: 0 })).result as {
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
export async function evaluateInContentScript(session: FirefoxSession, page: Page, expression: string, timeoutMs = 10_000): Promise<unknown> {
  const navigable = (page.mainFrame() as unknown as { _id?: string })._id;
  if (!navigable) throw new Error('puppeteer did not expose the page’s browsing context id');
  const target = { context: await chromeContext(session) };
  for (const started = Date.now(); ; await sleep(200)) {
    const evaluated = (await bidi(session).send('script.callFunction', {
      functionDeclaration: IN_CHROME,
      arguments: [navigable, session.extensionId, expression, 5_000].map((value) =>
        typeof value === 'number' ? { type: 'number', value } : { type: 'string', value },
      ),
      target,
      awaitPromise: true,
    })).result as Evaluated;
    if (evaluated.type !== 'success') throw new Error(`in the chrome window: ${evaluated.exceptionDetails.text}`);
    const answer = JSON.parse(String(evaluated.result.value)) as { json?: string; error?: string; retry?: boolean };
    if (answer.json !== undefined) return JSON.parse(answer.json) as unknown;
    if (!answer.retry || Date.now() - started > timeoutMs) {
      if (answer.retry) throw new Error(`no content-script world of ${session.extensionId} in ${page.url()}: ${answer.error}`);
      return { error: answer.error };
    }
  }
}

/**
 * Sends a message to the background from Margin's content-script world in `page`, framed as
 * `@webext-core/messaging` frames it: the background sees the tab's page as its sender.
 * @return `{ res }` or `{ err }` (a refusal, or the background's rejection)
 */
export async function sendFromContentScript(session: FirefoxSession, page: Page, type: string, data: unknown): Promise<{ res?: unknown; err?: unknown }> {
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
export function askBackground(session: FirefoxSession, type: string, data: unknown): Promise<{ res?: unknown; err?: unknown }> {
  return session.controlPage.evaluate(
    (type, data) =>
      (globalThis as unknown as { browser: typeof chrome }).browser.runtime
        .sendMessage({ id: Date.now(), type, data, timestamp: Date.now() })
        .then((reply: { res?: unknown; err?: unknown } | undefined) => reply ?? { err: 'no answer' }, (error: Error) => ({ err: error.message })),
    type,
    data,
  );
}
