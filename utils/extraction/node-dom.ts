/**
 * Node-only: a jsdom document to run `extractArticle` on, for the CLI, the
 * benchmark and tests. Never import this from extension code (it pulls in
 * jsdom); `index.ts` does not re-export it.
 *
 * Hardening: scripts never run and no subresource is fetched (jsdom's
 * defaults, stated explicitly); jsdom's errors go to a VirtualConsole that
 * collects instead of printing or throwing. And two things extraction never
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
  document: Document;
  window: Window & typeof globalThis;
  /** jsdom errors reported while parsing (bad CSS, invalid markup); informational. */
  errors: string[];
  /** Frees the window's resources. */
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
      code.length === 0 || /application\/ld\+json/i.test(open) ? block : `${open}${close}`);
}

/**
 * Parses `html` into a jsdom document.
 * @param url - the page URL; becomes `document.URL` and the base for relative links.
 */
export function parseHtml(html: string, url: string): NodeDom {
  const errors: string[] = [];
  const virtualConsole = new VirtualConsole();
  virtualConsole.on('jsdomError', (error: Error) => errors.push(error.message));
  const dom = new JSDOM(stripUnreadMarkup(html), {
    url,
    virtualConsole,
    runScripts: undefined,
    resources: undefined,
    pretendToBeVisual: false,
  });
  const window = dom.window as unknown as Window & typeof globalThis;
  return { document: window.document, window, errors, close: () => dom.window.close() };
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
