/**
 * Driving highlights in a page the way a user does: select a passage (on the page
 * or in the reader view's shadow tree), release the mouse, use the toolbar; and
 * reading what is painted from the browser's highlight registry.
 */
import type { Page } from 'playwright-core';
import type { ChromiumSession } from '../../scripts/lib/chromium';

/**
 * In the page: selects the first occurrence of `phrase` (inside one text node) and
 * releases the mouse over it, which is what shows Margin's toolbar. Self-contained,
 * for `page.evaluate` with Playwright or puppeteer.
 * @param inReader - select inside the reader view instead of the page
 */
export function selectPhraseInPage({ phrase, inReader }: { phrase: string; inReader: boolean }): void {
  const root: Node = inReader
    ? document.querySelector('margin-reader')!.shadowRoot!.querySelector('[data-field="body"]')!
    : document.body;
  const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
  for (let n = walker.nextNode(); n; n = walker.nextNode()) {
    const at = (n as Text).data.indexOf(phrase);
    if (at < 0) continue;
    // A user selects what is on screen.
    n.parentElement!.scrollIntoView({ block: 'center', behavior: 'instant' });
    document.getSelection()!.setBaseAndExtent(n, at, n, at + phrase.length);
    const box = (n.parentElement as Element).getBoundingClientRect();
    n.parentElement!.dispatchEvent(
      new MouseEvent('mouseup', { bubbles: true, composed: true, clientX: box.left + 5, clientY: box.top + 5 }),
    );
    return;
  }
  throw new Error(`"${phrase}" is not on the page`);
}

/**
 * Selects the first occurrence of `phrase` (inside one text node) and releases the
 * mouse over it, which is what shows Margin's toolbar.
 * @param inReader - select inside the reader view instead of the page
 */
export async function selectPhrase(page: Page, phrase: string, inReader = false): Promise<void> {
  await page.evaluate(selectPhraseInPage, { phrase, inReader });
}

export const toolbar = (page: Page) => page.locator('margin-toolbar .mt-bar');

/** Selects `phrase` until the toolbar shows (the highlighter may still be starting). */
export async function selectUntilToolbar(page: Page, phrase: string, inReader = false): Promise<void> {
  for (let i = 0; i < 50; i++) {
    await selectPhrase(page, phrase, inReader);
    if (await toolbar(page).isVisible().catch(() => false)) return;
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

/** Selects from the start of `from` to the end of `to`, across elements, and releases the mouse. */
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
      b.node.parentElement!.dispatchEvent(new MouseEvent('mouseup', { bubbles: true, composed: true }));
    },
    { from, to },
  );
}
