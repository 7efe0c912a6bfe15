/**
 * Reaching Margin's closed shadow roots (toolbar, reader, notice) from a Firefox test, the
 * way a debugger does: WebDriver BiDi serializes a node's shadow root whatever its mode
 * (`includeShadowTree: 'all'`), and a function called with that root as argument can look
 * inside. Page script cannot do this; the test uses it only to read what is shown and to
 * find where to click, and acts with real mouse and keyboard input. On top of that, the
 * highlight steps a user takes in Firefox: select (ending with a released Shift) until the
 * toolbar shows, click its buttons, type a note into the note card.
 */
import type { Browser, Page } from 'puppeteer-core';
import { selectPhraseInPage } from './highlight-driver';

interface BidiConnection {
  send(method: string, params: object): Promise<{ result: unknown }>;
}
interface RemoteNode {
  sharedId?: string;
  value?: { shadowRoot?: { sharedId?: string } | null };
}

function bidi(page: Page): { conn: BidiConnection; context: string } {
  const conn = (page.browser() as Browser & { connection?: BidiConnection }).connection;
  const context = (page.mainFrame() as unknown as { _id?: string })._id;
  if (!conn?.send || !context) throw new Error('puppeteer did not expose its WebDriver BiDi connection');
  return { conn, context };
}

/**
 * Runs `fn` (self-contained) with `this` bound to the element `selector` in the shadow root of
 * the first `<host>`; its result must survive JSON.
 * @return the result, or null when there is no such host or element
 */
export async function inShadow<T>(
  page: Page,
  host: string,
  selector: string,
  fn: (this: Element, arg: unknown) => T,
  arg?: unknown,
): Promise<T | null> {
  const { conn, context } = bidi(page);
  const located = (
    await conn.send('browsingContext.locateNodes', {
      context,
      locator: { type: 'css', value: host },
      maxNodeCount: 1,
      serializationOptions: { maxDomDepth: 0, includeShadowTree: 'all' },
    })
  ).result as { nodes: RemoteNode[] };
  const shadow = located.nodes[0]?.value?.shadowRoot?.sharedId;
  if (!shadow) return null;
  const called = (
    await conn.send('script.callFunction', {
      functionDeclaration: `(root, selector, arg) => {
      const el = root.querySelector(selector);
      return el ? JSON.stringify((${fn.toString()}).call(el, JSON.parse(arg)) ?? null) : null;
    }`,
      arguments: [
        { sharedId: shadow },
        { type: 'string', value: selector },
        { type: 'string', value: JSON.stringify(arg ?? null) },
      ],
      target: { context },
      awaitPromise: true,
    })
  ).result as { type: string; result?: { type: string; value?: string }; exceptionDetails?: { text: string } };
  if (called.type !== 'success') throw new Error(called.exceptionDetails?.text ?? 'script.callFunction failed');
  const json = called.result?.type === 'string' ? called.result.value : null;
  return json == null ? null : (JSON.parse(json) as T);
}

/** Clicks the element `selector` in `<host>`'s shadow root with the mouse, at its centre. */
export async function clickInShadow(page: Page, host: string, selector: string): Promise<void> {
  const box = await inShadow(page, host, selector, function () {
    const r = this.getBoundingClientRect();
    return { x: r.left + r.width / 2, y: r.top + r.height / 2 };
  });
  if (!box) throw new Error(`no ${selector} in <${host}>`);
  await page.mouse.click(box.x, box.y);
}

/**
 * Evaluates `expression` in the first child frame of `page` whose URL ends with `urlEnd`
 * (the note card, an extension frame puppeteer does not list among the page's frames).
 * @return its value (JSON-safe), or undefined when there is no such frame
 */
export async function evaluateInFrame<T>(page: Page, urlEnd: string, expression: string): Promise<T | undefined> {
  const { conn, context } = bidi(page);
  interface Tree {
    context: string;
    url: string;
    children?: Tree[] | null;
  }
  const { contexts } = (await conn.send('browsingContext.getTree', { root: context })).result as { contexts: Tree[] };
  const find = (t: Tree): Tree | undefined => (t.url.endsWith(urlEnd) ? t : (t.children ?? []).map(find).find(Boolean));
  const frame = contexts.map(find).find(Boolean);
  if (!frame) return undefined;
  const done = (
    await conn.send('script.evaluate', {
      expression: `JSON.stringify((() => (${expression}))() ?? null)`,
      target: { context: frame.context },
      awaitPromise: true,
    })
  ).result as { type: string; result?: { value?: string } };
  return done.type === 'success' && done.result?.value != null ? (JSON.parse(done.result.value) as T) : undefined;
}

/** Margin's in-page toolbar host. */
export const TOOLBAR = 'margin-toolbar';

/** Whether Margin's toolbar shows. */
export async function toolbarShown(page: Page): Promise<boolean> {
  const shown = await inShadow(page, TOOLBAR, '.mt-bar', function () {
    return !this.closest('[hidden]') && this.getClientRects().length > 0;
  });
  return shown === true;
}

/** Whether the note card (an extension frame in the toolbar's root) is open. */
export async function noteCardOpen(page: Page): Promise<boolean> {
  return (
    (await inShadow(page, TOOLBAR, 'iframe.mt-card', function () {
      return true;
    })) === true
  );
}

/** Clicks a button of the shown toolbar with the mouse. */
export const clickToolbar = (page: Page, selector: string) =>
  clickInShadow(page, TOOLBAR, `.mt-bar:not([hidden]) ${selector}`);

const sleep = (ms: number) => new Promise((ok) => setTimeout(ok, ms));
async function until(what: string, check: () => Promise<boolean>, ms = 10_000): Promise<void> {
  for (const end = Date.now() + ms; !(await check()); await sleep(100)) {
    if (Date.now() > end) throw new Error(`${what} (after ${ms} ms)`);
  }
}

/**
 * Selects the first occurrence of `phrase` on the page and releases Shift (a trusted keyup
 * ends a keyboard selection) until Margin's toolbar shows: the highlighter may still be starting.
 */
export async function selectUntilToolbar(page: Page, phrase: string): Promise<void> {
  for (let i = 0; i < 50; i++) {
    if (!(await page.evaluate(selectPhraseInPage, phrase))) throw new Error(`"${phrase}" is not on the page`);
    await page.keyboard.press('Shift');
    await sleep(50);
    if (await toolbarShown(page)) return;
    await sleep(100);
  }
  throw new Error('the highlight toolbar never appeared');
}

/**
 * Opens the note card from the toolbar ("Note"), waits until the card holds the focus in its
 * note field, types `note` with the keyboard and saves with Ctrl+Enter; resolves when the card
 * has closed.
 */
export async function writeNote(page: Page, note: string): Promise<void> {
  await clickToolbar(page, '[data-action="note"]');
  await until('the note card never opened', () => noteCardOpen(page));
  // The card loads its highlight, then focuses its note field: the keys go to it, not to the page.
  await until(
    'the note card never took the focus',
    async () =>
      (await evaluateInFrame<boolean>(
        page,
        '/note-card.html',
        `document.hasFocus() && document.activeElement?.dataset.field === 'note'`,
      )) === true,
  );
  await page.keyboard.type(note);
  await page.keyboard.down('Control');
  await page.keyboard.press('Enter');
  await page.keyboard.up('Control');
  await until('the note card did not close after saving', async () => !(await noteCardOpen(page)));
}
