/**
 * The steps of the sync end-to-end tests, written once for both drivers: Chromium through
 * Playwright, Firefox through puppeteer over WebDriver BiDi. Each browser is a `SyncBrowser`
 * whose pages are `Dom`s: CSS selectors, real clicks and typing, and reads done in the page
 * itself. Highlights are made as a user makes them, with trusted input only: select, release
 * Shift, click the toolbar (in a closed shadow root, located by highlight-driver.ts over CDP
 * in Chromium and by firefox-shadow.ts over BiDi in Firefox), type the note into the note
 * card. Highlights and notes are read and edited in the side panel's page (bound to the
 * page's tab); the popup shows the count and the sync line. Used by sync.chromium.test.ts
 * (two Chromium profiles) and sync.cross-browser.test.ts (Chromium and Firefox).
 */
import type { Page as PlaywrightPage } from 'playwright-core';
import type { Page as PuppeteerPage } from 'puppeteer-core';
import { expect } from 'vitest';
import { launchChromiumWithExtension } from '../../scripts/lib/chromium';
import {
  launchFirefoxWithExtension,
  navigate,
  openPopup as openFirefoxPopup,
  tabIdOf as firefoxTabIdOf,
} from '../../scripts/lib/firefox';
import type { WebDavServer } from '../support/webdav-server';
import * as firefox from './firefox-shadow';
import { openPopup as openChromiumPopup, selectUntilToolbar, toolbar, writeNote } from './highlight-driver';
import { openSidePanelPage } from './sidepanel-driver';

/** One page (tab) of a browser, whichever library drives it. */
export interface Dom {
  url(): string;
  /** Runs the self-contained `fn(arg)` in the page. */
  evaluate<A, R>(fn: (arg: A) => R | Promise<R>, arg: A): Promise<R>;
  /** Brings the page to the front and clicks `selector` with a real mouse event (in Firefox, a user gesture). */
  click(selector: string): Promise<void>;
  /** Brings the page to the front and replaces the text in a field with `value`, typed. */
  fill(selector: string, value: string): Promise<void>;
  press(key: string): Promise<void>;
  /** Puts this tab in front: a hidden tab's frames are throttled and clicks on them are slow. */
  front(): Promise<void>;
  /** Margin's in-page toolbar, in its closed shadow root, driven with trusted input only. */
  toolbar: InPageToolbar;
  screenshot(path: string, fullPage?: boolean): Promise<void>;
  close(): Promise<void>;
}

/** What a user does with Margin's toolbar on a page. */
export interface InPageToolbar {
  /** Selects `phrase` and releases Shift until the toolbar shows. */
  select(phrase: string): Promise<void>;
  shown(): Promise<boolean>;
  /** Clicks a button of the shown toolbar with the mouse. */
  click(selector: string): Promise<void>;
  /** "Note", then `note` typed into the note card and saved with Ctrl+Enter; resolves when the card has closed. */
  writeNote(note: string): Promise<void>;
}

export interface SyncBrowser {
  /** "Chromium" or "Firefox", for messages. */
  name: string;
  /** The extension's options page, kept open. */
  options: Dom;
  /** Opens `url` in a new tab and waits for it to load. */
  open(url: string): Promise<Dom>;
  /** Opens the popup for `page`'s tab, as a page of its own. */
  popup(page: Dom): Promise<Dom>;
  /** Opens the side panel's page bound to `page`'s tab, in a tab (drivers cannot open the panel itself). */
  panel(page: Dom): Promise<Dom>;
  close(): Promise<void>;
}

function playwrightDom(page: PlaywrightPage): Dom {
  const locate = (selector: string) => page.locator(selector);
  const dom: Dom = {
    url: () => page.url(),
    evaluate: (fn, arg) => page.evaluate(fn as (arg: unknown) => unknown, arg) as never,
    async click(selector) {
      await dom.front();
      await locate(selector).click();
    },
    async fill(selector, value) {
      await dom.front();
      await locate(selector).fill(value);
    },
    press: (key) => page.keyboard.press(key),
    front: () => page.bringToFront(),
    toolbar: {
      select: (phrase) => selectUntilToolbar(page, phrase),
      shown: () => toolbar(page).isVisible(),
      click: (selector) => toolbar(page).click(selector),
      writeNote: (note) => writeNote(page, note),
    },
    async screenshot(path, fullPage = false) {
      await page.screenshot({ path, fullPage });
    },
    close: () => page.close(),
  };
  return dom;
}

function puppeteerDom(page: PuppeteerPage): Dom {
  const dom: Dom = {
    url: () => page.url(),
    evaluate: (fn, arg) => page.evaluate(fn as (arg: unknown) => unknown, arg) as never,
    async click(selector) {
      await dom.front();
      // Waits until the element is there, visible, enabled and still; then an `input.performActions` click.
      await page.locator(selector).setTimeout(20_000).click();
    },
    async fill(selector, value) {
      await dom.front();
      // Typed, not set: React keeps its own copy of a field's value and ignores a script setting it.
      const field = await page.waitForSelector(selector, { visible: true, timeout: 20_000 });
      await field!.evaluate((el) => {
        (el as HTMLInputElement).focus();
        (el as HTMLInputElement).select();
      });
      if (value) await page.keyboard.type(value);
      else await page.keyboard.press('Backspace');
      await field!.dispose();
    },
    press: (key) => page.keyboard.press(key as never),
    front: () => page.bringToFront(),
    toolbar: {
      select: (phrase) => firefox.selectUntilToolbar(page, phrase),
      shown: () => firefox.toolbarShown(page),
      click: (selector) => firefox.clickToolbar(page, selector),
      writeNote: (note) => firefox.writeNote(page, note),
    },
    async screenshot(path, fullPage = false) {
      await page.screenshot({ path, fullPage });
    },
    close: () => page.close(),
  };
  return dom;
}

/** Chromium with the Chrome build, in a fresh profile. */
export async function launchChromiumSync(): Promise<SyncBrowser> {
  const session = await launchChromiumWithExtension();
  const pages = new WeakMap<Dom, PlaywrightPage>();
  const wrap = (page: PlaywrightPage) => {
    const dom = playwrightDom(page);
    pages.set(dom, page);
    return dom;
  };
  return {
    name: 'Chromium',
    options: wrap(session.controlPage),
    async open(url) {
      const page = await session.context.newPage();
      await page.goto(url);
      return wrap(page);
    },
    popup: async (page) => wrap(await openChromiumPopup(session, pages.get(page)!)),
    panel: async (page) => wrap(await openSidePanelPage(session, pages.get(page)!)),
    close: () => session.close(),
  };
}

/** Firefox ESR with the Firefox build installed as a temporary add-on, in a fresh profile. */
export async function launchFirefoxSync(): Promise<SyncBrowser> {
  const session = await launchFirefoxWithExtension();
  const pages = new WeakMap<Dom, PuppeteerPage>();
  const wrap = (page: PuppeteerPage) => {
    const dom = puppeteerDom(page);
    pages.set(dom, page);
    return dom;
  };
  return {
    name: 'Firefox',
    options: wrap(session.controlPage),
    async open(url) {
      const page = await session.newPage();
      await page.goto(url);
      return wrap(page);
    },
    popup: async (page) => wrap(await openFirefoxPopup(session, pages.get(page)!)),
    async panel(page) {
      const tabId = await firefoxTabIdOf(session, pages.get(page)!);
      const panel = await session.browser.newPage();
      await panel.setViewport({ width: 400, height: 800 });
      await navigate(session, panel, `${session.extensionUrl}sidepanel.html?tab=${tabId}`);
      return wrap(panel);
    },
    close: () => session.close(),
  };
}

/** What the page shows of the first match of `selector`, and how many match. */
export interface Probe {
  count: number;
  /** textContent of every match. */
  texts: string[];
  text: string | null;
  value: string | null;
  enabled: boolean;
  visible: boolean;
  attributes: Record<string, string>;
}

function probeInPage({ selector }: { selector: string }): Probe {
  const all = [...document.querySelectorAll(selector)];
  const el = all[0] as (HTMLElement & { value?: string; disabled?: boolean }) | undefined;
  return {
    count: all.length,
    texts: all.map((e) => e.textContent ?? ''),
    text: el?.textContent ?? null,
    value: typeof el?.value === 'string' ? el.value : null,
    enabled: !!el && !el.disabled,
    visible: !!el && el.checkVisibility(),
    attributes: Object.fromEntries([...(el?.attributes ?? [])].map((a) => [a.name, a.value])),
  };
}

export const probe = (dom: Dom, selector: string): Promise<Probe> => dom.evaluate(probeInPage, { selector });
export const textOf = async (dom: Dom, selector: string) => (await probe(dom, selector)).text;
export const countOf = async (dom: Dom, selector: string) => (await probe(dom, selector)).count;
export const attributeOf = async (dom: Dom, selector: string, name: string) =>
  (await probe(dom, selector)).attributes[name] ?? null;

/**
 * Painted highlights of a colour on the page, whichever painter the browser got (Custom
 * Highlight API, or `<mark>` elements in the page's DOM), and their text. Ranges inside a
 * shadow root (the reader view) are left out; so are marks in the reader's closed root,
 * which page script cannot see.
 */
export function painted(page: Dom, colour: string): Promise<{ page: number; texts: string[] }> {
  return page.evaluate((colour) => {
    const registry = (globalThis as unknown as { CSS?: { highlights?: Map<string, Set<Range>> } }).CSS?.highlights;
    const ranges = [...(registry?.get(`margin-${colour}`) ?? [])].filter(
      (r) => !r.collapsed && !(r.startContainer.getRootNode() instanceof ShadowRoot),
    );
    const marks = new Map<string, Element[]>();
    for (const m of document.querySelectorAll(`mark[data-margin-colour="${colour}"]`)) {
      const id = m.getAttribute('data-margin-id') ?? '';
      marks.set(id, [...(marks.get(id) ?? []), m]);
    }
    const marked = [...marks.values()];
    return {
      page: ranges.length + marked.length,
      texts: [...ranges.map((r) => r.toString()), ...marked.map((g) => g.map((m) => m.textContent).join(''))],
    };
  }, colour);
}

/**
 * Highlights `phrase` on the page in `colour` from Margin's toolbar, with a note typed into
 * the note card when given one; resolves when the toolbar has closed.
 */
export async function highlight(page: Dom, phrase: string, colour: string, note?: string): Promise<void> {
  await page.front();
  const before = (await painted(page, colour)).page;
  await page.toolbar.select(phrase);
  await page.toolbar.click(`[data-colour="${colour}"]`);
  await expect.poll(async () => (await painted(page, colour)).page).toBe(before + 1);
  if (note === undefined) await page.press('Escape');
  else await page.toolbar.writeNote(note);
  await expect.poll(() => page.toolbar.shown()).toBe(false);
}

const field = (name: string) => `[data-sync-field="${name}"]`;

/** Waits until the options page has read the saved sync settings into its form. */
export async function syncSectionLoaded(b: SyncBrowser): Promise<void> {
  await b.options.front();
  await expect.poll(() => countOf(b.options, '.options-sync[data-sync-loaded="true"]')).toBe(1);
}

/** Types an address into the options page's server field and gives what it warns, or null. */
export async function addressWarning(b: SyncBrowser, address: string): Promise<string | null> {
  await b.options.fill(field('url'), address);
  return (await countOf(b.options, '[data-warning-for="sync-url"]'))
    ? textOf(b.options, '[data-warning-for="sync-url"]')
    : null;
}

/** Types the server's address and account into the options page. */
export async function fillServer(b: SyncBrowser, dav: WebDavServer, password: string): Promise<void> {
  await b.options.fill(field('url'), dav.url);
  await b.options.fill(field('username'), dav.username);
  await b.options.fill(field('password'), password);
  await b.options.fill(field('folder'), 'Margin');
}

/** Clicks "Test connection" and waits for its answer to match `expected`. */
export async function testConnection(b: SyncBrowser, expected: RegExp | string): Promise<void> {
  await b.options.click('[data-action="sync-test"]');
  await expect
    .poll(() => textOf(b.options, '[data-sync-note="test"]'), {
      timeout: 15_000,
      message: `${b.name}: Test connection`,
    })
    .toMatch(expected);
}

/** Types the settings into the options page, tests the connection, turns sync on and saves. */
export async function setUpSync(b: SyncBrowser, dav: WebDavServer): Promise<void> {
  await syncSectionLoaded(b);
  await fillServer(b, dav, dav.password);
  await testConnection(b, /^Connected/);
  // React does not reflect `checked` as an attribute: ask the element.
  if (!(await b.options.evaluate((s) => (document.querySelector(s) as HTMLInputElement).checked, field('enabled')))) {
    await b.options.click(field('enabled'));
  }
  await b.options.click('[data-action="sync-save"]');
  await expect
    .poll(() => textOf(b.options, '[data-sync-note="save"]'), { message: `${b.name}: Save` })
    .toMatch(/^Saved\. Margin syncs every 15 minutes/);
}

/** Clicks "Sync now" once no sync is running, and waits until one has finished since, with nothing left to send. */
export async function syncNow(b: SyncBrowser): Promise<void> {
  const button = '[data-action="sync-now"]';
  const status = '.options-sync-status';
  await b.options.front();
  await expect.poll(async () => (await probe(b.options, button)).enabled, { timeout: 20_000 }).toBe(true);
  const clicked = Date.now();
  await b.options.click(button);
  await expect
    .poll(
      async () => {
        const s = (await probe(b.options, status)).attributes;
        return {
          state: s['data-state'],
          after: Number(s['data-last-sync-at'] ?? 0) >= clicked,
          pending: s['data-pending'],
        };
      },
      { timeout: 20_000, message: `${b.name}: Sync now` },
    )
    .toEqual({ state: 'idle', after: true, pending: '0' });
}

/** The last error the options page shows for sync ("None" when there is none). */
export const syncError = (b: SyncBrowser) => textOf(b.options, '.options-sync-status [data-sync-error]');

/** Scrolls the options page to its Sync section and saves a picture of the whole page. */
export async function screenshotSyncSection(b: SyncBrowser, path: string): Promise<void> {
  await b.options.evaluate(() => document.getElementById('sync-heading')!.scrollIntoView(), undefined);
  await b.options.screenshot(path, true);
}

// The side panel's page: the page's highlights as cards, each with its note; edited there.

const CARDS = '[data-list="cards"] [data-card]';

/** How many highlights the side panel lists for its page. */
export const highlightCount = (panel: Dom) => countOf(panel, CARDS);

/** The selector of the side panel's card for the highlight of `quote`, or null while there is none. */
export async function itemOf(panel: Dom, quote: string): Promise<string | null> {
  const id = await panel.evaluate(
    ({ cards, quote }) =>
      [...document.querySelectorAll(cards)]
        .find((card) => card.querySelector('[data-action="reveal"]')?.textContent?.includes(quote))
        ?.getAttribute('data-highlight-id') ?? null,
    { cards: CARDS, quote },
  );
  return id === null ? null : `[data-list="cards"] [data-highlight-id=${JSON.stringify(id)}]`;
}

async function mustItem(panel: Dom, quote: string): Promise<string> {
  await expect
    .poll(() => itemOf(panel, quote), { timeout: 10_000, message: `no highlight “${quote}” in the side panel` })
    .not.toBeNull();
  return (await itemOf(panel, quote))!;
}

/** The note of the highlight of `quote` as its card shows it ('' without one), or null while it is not listed. */
export async function noteOf(panel: Dom, quote: string): Promise<string | null> {
  const item = await itemOf(panel, quote);
  return item && ((await textOf(panel, `${item} > [data-field="note"]`)) ?? '');
}

/** Opens the card of `quote` for editing (its "Edit"), unless it is open already. */
async function editCard(panel: Dom, quote: string): Promise<string> {
  const item = await mustItem(panel, quote);
  if ((await attributeOf(panel, item, 'data-editing')) === null) await panel.click(`${item} [data-action="edit"]`);
  return item;
}

/** Types a new note for the highlight of `quote` in its card and clicks "Done", which saves it. */
export async function editNote(panel: Dom, quote: string, note: string): Promise<void> {
  const item = await editCard(panel, quote);
  await panel.fill(`${item} [data-field="note-input"]`, note);
  await panel.click(`${item} [data-action="done"]`);
  await expect.poll(() => attributeOf(panel, item, 'data-editing')).toBeNull();
}

/** Deletes the highlight of `quote` from its card (Edit, Delete). */
export async function deleteHighlight(panel: Dom, quote: string): Promise<void> {
  const item = await editCard(panel, quote);
  await panel.click(`${item} [data-action="delete"]`);
}

/** The versions of a note edited in two browsers at once, sorted, as the side panel offers them; [] when there is no conflict. */
export async function conflictVersions(panel: Dom, quote: string): Promise<string[]> {
  const item = await itemOf(panel, quote);
  return item ? (await probe(panel, `${item} [data-note-conflict] [data-field="version-text"]`)).texts.sort() : [];
}

export async function conflictTitle(panel: Dom, quote: string): Promise<string | null> {
  return textOf(panel, `${await mustItem(panel, quote)} [data-note-conflict]`);
}

/** Chooses the version `text` of a conflicting note in the side panel. */
export async function keepVersion(panel: Dom, quote: string, text: string): Promise<void> {
  const item = await mustItem(panel, quote);
  const nth = await panel.evaluate(
    ({ item, text }) => {
      const versions = [...document.querySelectorAll(`${item} [data-note-conflict] [data-conflict-version]`)];
      const at = versions.findIndex((v) => v.querySelector('[data-field="version-text"]')?.textContent === text);
      return at < 0 ? -1 : [...versions[at]!.parentElement!.children].indexOf(versions[at]!) + 1;
    },
    { item, text },
  );
  if (nth < 0) throw new Error(`no version “${text}” to keep`);
  await panel.click(
    `${item} [data-note-conflict] [data-conflict-version]:nth-child(${nth}) [data-action="keep-version"]`,
  );
}

// The popup: a quick view of the page.

/** The "highlights on this page" count in the popup. */
export const highlightCountShown = (popup: Dom) => textOf(popup, '[data-count="highlights"]');

/** The popup's sync line: its state and its text. */
export async function popupSyncLine(popup: Dom): Promise<{ state: string | null; text: string | null }> {
  return {
    state: await attributeOf(popup, '[data-sync-status]', 'data-state'),
    text: await textOf(popup, '[data-sync-line]'),
  };
}
