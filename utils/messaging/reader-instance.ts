/**
 * Keys under which Margin's content scripts register themselves in the tab's
 * content-script world, so the background (through an injected function) and
 * the other bundle reach the live instance instead of injecting a second copy.
 * Symbol.for makes each key identical across bundles built separately.
 */
export const READER_INSTANCE_KEY = Symbol.for('margin.reader');
export const HIGHLIGHTER_INSTANCE_KEY = Symbol.for('margin.highlighter');

/** The article as the reader extracted it, for an offline copy. */
export interface ReaderExtract {
  html: string;
  text: string;
  title: string;
  author: string | null;
  site: string | null;
  published: string | null;
  lang: string | null;
}

/** What the highlighter offers the reader view: highlighting inside the reader's body. */
export interface HighlighterInstance {
  /**
   * Paints the page's highlights in `root` and lets the user highlight there.
   * @param styleRoot - the shadow root `root` lives in, where highlight styles must go
   * @return a function that stops (the reader closed)
   */
  addSurface(root: HTMLElement, styleRoot: ShadowRoot): () => void;
}

export function registeredInstance<T>(key: symbol): T | undefined {
  return (globalThis as Record<symbol, T | undefined>)[key];
}

export function registerInstance(key: symbol, value: unknown): () => void {
  (globalThis as Record<symbol, unknown>)[key] = value;
  return () => delete (globalThis as Record<symbol, unknown>)[key];
}
