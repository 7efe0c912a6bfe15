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
  /** The window to pass to `extractArticle` (shared by all documents parsed here). */
  window: Window & typeof globalThis;
  /** jsdom errors reported while parsing (invalid markup); informational. */
  errors: string[];
  /** Kept for callers that release documents explicitly; documents are simply garbage-collected. */
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

/**
 * One jsdom window, created on first use, in which every page is parsed with
 * its `DOMParser`: a window per page cost more than the parsing itself
 * (setting up jsdom's interfaces, then collecting them), and DOMPurify is
 * configured once per window.
 */
function hostWindow(): JSDOM {
  if (!host) {
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
  return { document, window: dom.window as unknown as Window & typeof globalThis, errors, close: () => {} };
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
