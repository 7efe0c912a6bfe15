/**
 * Node-only: a jsdom document to run `extractArticle` on, for the CLI, the
 * benchmark and tests. Never import this from extension code (it pulls in
 * jsdom); `index.ts` does not re-export it.
 *
 * Hardening: scripts never run and no subresource is fetched (jsdom's
 * defaults, stated explicitly, and DOMParser documents have neither);
 * jsdom's errors go to a VirtualConsole that collects instead of printing or
 * throwing. And two things extraction never
 * reads are dropped from the source before parsing:
 * - `<style>` blocks: extraction only looks at inline `style` attributes;
 *   jsdom's CSS parser is where real pages make it fail ("Could not parse CSS
 *   stylesheet"), and it took about half of the parse time;
 * - the code inside inline `<script>`s (the elements and their attributes
 *   stay; JSON-LD is kept whole): news pages inline megabytes of JavaScript
 *   and JSON state, which jsdom's tokenizer walks character by character.
 * Both removals refuse to cross another `<script>`/`<style>` tag or a comment
 * end, so a stray "<script" in a comment or string cannot swallow content:
 * such blocks are simply left for jsdom to parse.
 */
import { JSDOM, VirtualConsole } from 'jsdom';

export interface NodeDom {
  /** The parsed page. Like a browser's `document.cloneNode(true)`, it has no `defaultView`. */
  document: Document;
  /** The window to pass to `extractArticle` (shared with the few documents parsed just before or after). */
  window: Window & typeof globalThis;
  /** jsdom errors reported while parsing (invalid markup); informational. */
  errors: string[];
  /** Releases the document (see releaseDocument); call it when done, and release every clone of it too. */
  close(): void;
}

/**
 * A `<style>` element with its content, not crossing a `<script>`, another
 * `<style>` or a comment end, so text that merely mentions "<style" (inside a
 * script string or a comment) cannot swallow real content: such blocks are
 * left for jsdom to parse normally.
 */
const STYLE_BLOCK = /<style\b[^>]*>(?:(?!<\/?(?:script|style)\b|-->)[\s\S])*?<\/style\s*>/gi;

/** An inline script: its opening tag (attributes kept) and its code. */
const SCRIPT_BLOCK = /(<script\b[^>]*>)((?:(?!<\/?(?:script|style)\b|-->)[\s\S])*?)(<\/script\s*>)/gi;

/** Removes inline stylesheets and inline script code from HTML source (see the module comment for why). */
export function stripUnreadMarkup(html: string): string {
  return html
    .replace(STYLE_BLOCK, '')
    .replace(SCRIPT_BLOCK, (block, open: string, code: string, close: string) =>
      code.length === 0 || /application\/ld\+json/i.test(open) ? block : `${open}${close}`,
    );
}

/** Errors of the parse in progress (parsing is synchronous, so one list at a time). */
let parseErrors: string[] | null = null;
let host: JSDOM | null = null;
let parsedInHost = 0;

/**
 * Documents parsed in one window before the next one gets a fresh window.
 * jsdom's selector engine registers event listeners on the window for every
 * document it queries and never removes them, so each such document lives as
 * long as its window; measured on the trafilatura pages, windows shared by
 * twenty documents were still all retained, by four they were collected.
 * A window costs about as much to set up as a page to parse.
 */
const DOCUMENTS_PER_WINDOW = 4;

/**
 * The jsdom window in which pages are parsed with its `DOMParser`, created on
 * first use and replaced every few documents (DOCUMENTS_PER_WINDOW): a window
 * per page cost more than the parsing itself (setting up jsdom's interfaces,
 * then collecting them), and DOMPurify is configured once per window.
 */
function hostWindow(): JSDOM {
  if (host && ++parsedInHost > DOCUMENTS_PER_WINDOW) host = null;
  if (!host) {
    parsedInHost = 1;
    const virtualConsole = new VirtualConsole();
    virtualConsole.on('jsdomError', (error: Error) => parseErrors?.push(error.message));
    host = new JSDOM('<!doctype html><title>host</title>', {
      url: 'about:blank',
      virtualConsole,
      runScripts: undefined,
      resources: undefined,
      pretendToBeVisual: false,
    });
  }
  return host;
}

/**
 * Parses `html` into a document, as a browser would with scripting disabled
 * (so `<noscript>` content is markup, as Readability expects in Node).
 * @param url - the page URL; becomes `document.URL` and the base for relative links.
 * @throws TypeError when `url` is not a valid URL.
 */
export function parseHtml(html: string, url: string): NodeDom {
  const dom = hostWindow();
  // DOMParser documents take their URL from the window's document.
  dom.reconfigure({ url });
  const errors: string[] = [];
  parseErrors = errors;
  let document: Document;
  try {
    document = new dom.window.DOMParser().parseFromString(stripUnreadMarkup(html), 'text/html') as unknown as Document;
  } finally {
    parseErrors = null;
  }
  return {
    document,
    window: dom.window as unknown as Window & typeof globalThis,
    errors,
    close: () => releaseDocument(document),
  };
}

/**
 * Empties `doc` so that it can be garbage-collected. jsdom enters every
 * element with an `id` or `name` of every document of a window (DOMParser
 * documents and `cloneNode` copies included) in that window's table of named
 * properties (`window.someId`), and takes it out only when the element leaves
 * its document: a document dropped without this stays in memory for the life
 * of the process through the shared window (megabytes per news page; the
 * benchmark ran out of 8 GB). Call it on each parsed document and on each
 * clone when done with it; the document is empty afterwards.
 */
export function releaseDocument(doc: Document): void {
  while (doc.lastChild) doc.removeChild(doc.lastChild);
}

/**
 * The page's own URL as declared in its markup (`<link rel="canonical">`,
 * `og:url`), for saved pages run without `--url`; null when it has none.
 */
export function declaredPageUrl(doc: Document): string | null {
  const candidates = [
    doc.querySelector('link[rel="canonical"]')?.getAttribute('href'),
    doc.querySelector('meta[property="og:url"]')?.getAttribute('content'),
  ];
  for (const value of candidates) {
    if (value && /^https?:\/\//i.test(value.trim())) return value.trim();
  }
  return null;
}
