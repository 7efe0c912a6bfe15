/**
 * Opens and closes the reader view in one tab. The reader is a shadow-root overlay
 * appended to <html>: the page's DOM and styles are never changed, so closing it
 * gives the page back exactly as it was. Its shadow roots are closed, so page
 * script can neither read the reader nor rewrite it into a fake prompt.
 */
import { createRoot, type Root } from 'react-dom/client';
import type { ContentScriptContext } from 'wxt/utils/content-script-context';
import { createShadowRootUi, type ShadowRootContentScriptUi } from 'wxt/utils/content-script-ui/shadow-root';
import { ReaderApp } from '@/components/reader/ReaderApp';
import { pageReadingChannel } from '@/components/reading/reading-channels';
import readerCss from '@/components/reader/reader.css?inline';
import { copyPageForExtraction, extractArticle } from '@/utils/extraction';
import {
  HIGHLIGHTER_INSTANCE_KEY,
  registeredInstance,
  type HighlighterInstance,
  type ReaderExtract,
} from '@/utils/messaging/reader-instance';
import { isMarginUi } from '@/utils/highlighting/margin-ui';
import { capturePageState, restorePageState, type PageState } from '@/utils/reader/page-state';
import { loadReaderSettings, saveReaderSettings, watchReaderSettings } from '@/utils/settings/reader-settings-store';

export type ReaderState = 'opened' | 'closed' | 'no-article';

const OVERLAY_HOST_CSS =
  ':host{position:fixed!important;inset:0!important;z-index:2147483647!important;display:block!important;}';
const NOTICE_HOST_CSS =
  ':host{position:fixed!important;top:0!important;right:0!important;z-index:2147483647!important;display:block!important;}';
const NOTICE_MS = 5000;

/**
 * Records when the first frame with the article reached the screen, as epoch ms
 * (`data-painted-at`, comparable across contexts for `npm run bench`) and as ms
 * since the reader started (`data-paint-ms`, of which `data-extract-ms` went to
 * extraction). A task queued from a frame callback
 * runs after that frame is painted.
 */
function markPainted(host: HTMLElement, started: number, extractMs: number) {
  requestAnimationFrame(() =>
    setTimeout(() => {
      const now = performance.now();
      host.setAttribute('data-paint-ms', (now - started).toFixed(1));
      host.setAttribute('data-extract-ms', extractMs.toFixed(1));
      host.setAttribute('data-painted-at', (performance.timeOrigin + now).toFixed(1));
    }),
  );
}

export interface ReaderController {
  toggle(): Promise<ReaderState>;
  /** The page's article as the reader shows it, for an offline copy; null when there is none. */
  extract(): ReaderExtract | null;
}

/** Lets the highlighter paint and take selections in the reader's article body. */
function attachHighlighter(shadow: ShadowRoot): (() => void) | null {
  const body = shadow.querySelector<HTMLElement>('[data-field="body"]');
  const highlighter = registeredInstance<HighlighterInstance>(HIGHLIGHTER_INSTANCE_KEY);
  return body && highlighter ? highlighter.addSurface(body, shadow) : null;
}

/** Stops key events that start inside the reader from reaching the page's own shortcuts. */
function keepKeysInside(host: HTMLElement) {
  for (const type of ['keydown', 'keyup', 'keypress']) host.addEventListener(type, (e) => e.stopPropagation());
}

export function createReaderController(ctx: ContentScriptContext): ReaderController {
  let reader: ShadowRootContentScriptUi<Root> | null = null;
  let notice: ShadowRootContentScriptUi<Root> | null = null;
  let saved: PageState | null = null;
  let detachHighlighter: (() => void) | null = null;

  function close(): ReaderState {
    detachHighlighter?.();
    detachHighlighter = null;
    reader?.remove();
    reader = null;
    if (saved) restorePageState(window, saved);
    saved = null;
    return 'closed';
  }

  async function showNoArticle(): Promise<ReaderState> {
    notice?.remove();
    const ui = await createShadowRootUi(ctx, {
      name: 'margin-notice',
      mode: 'closed',
      position: 'inline',
      anchor: 'html',
      append: 'last',
      css: NOTICE_HOST_CSS + readerCss,
      onMount(container) {
        const root = createRoot(container);
        root.render(
          <div className="mr-notice" role="status" data-margin-notice="no-article">
            Margin found no article on this page to show in reader view.
          </div>,
        );
        return root;
      },
      onRemove: (root) => root?.unmount(),
    });
    ui.mount();
    notice = ui;
    ctx.setTimeout(() => {
      if (notice === ui) {
        ui.remove();
        notice = null;
      }
    }, NOTICE_MS);
    return 'no-article';
  }

  async function open(): Promise<ReaderState> {
    const started = performance.now();
    const settingsLoading = loadReaderSettings();
    // Readability mutates the document it reads: it gets a copy, never the live page.
    const article = extractArticle(copyPageForExtraction(document), { url: location.href, window });
    const extractMs = performance.now() - started;
    if (!article) return showNoArticle();
    notice?.remove();
    notice = null;
    saved = capturePageState(window);
    const initialSettings = await settingsLoading;
    // The reader view keeps the page's place on the reading list, as the page itself does when closed.
    const readingChannel = pageReadingChannel();

    const ui = await createShadowRootUi(ctx, {
      name: 'margin-reader',
      mode: 'closed',
      position: 'inline',
      anchor: 'html',
      append: 'last',
      css: OVERLAY_HOST_CSS + readerCss,
      onMount(container, _shadow, host) {
        keepKeysInside(host);
        const root = createRoot(container);
        root.render(
          <ReaderApp
            article={article}
            initialSettings={initialSettings}
            onSettingsChange={(s) => void saveReaderSettings(s)}
            subscribeSettings={watchReaderSettings}
            onClose={close}
            readingChannel={readingChannel}
            onRendered={() => {
              markPainted(host, started, extractMs);
              detachHighlighter?.();
              detachHighlighter = attachHighlighter(_shadow);
            }}
          />,
        );
        return root;
      },
      onRemove: (root) => root?.unmount(),
    });
    ui.mount();
    reader = ui;
    return 'opened';
  }

  // Esc closes the reader wherever focus is; the page never sees that Esc, nor can it send one.
  // While the highlight toolbar or a note card is open, the highlighter's own Esc listener
  // (on window too, added before this one) closes that and stops the event here.
  ctx.addEventListener(
    window,
    'keydown',
    (e) => {
      if (e.key !== 'Escape' || !e.isTrusted) return;
      if (e.composedPath().some(isMarginUi)) return;
      if (reader) {
        e.stopImmediatePropagation();
        e.preventDefault();
        close();
      } else if (notice) {
        notice.remove();
        notice = null;
      }
    },
    { capture: true },
  );

  // Focus that escapes the modal reader anyway (a click on the page behind) comes back to it.
  ctx.addEventListener(document, 'focusin', (e) => {
    if (!reader || e.target === reader.shadowHost || isMarginUi(e.target)) return;
    reader.shadow.querySelector<HTMLElement>('.mr-close')?.focus({ preventScroll: true });
  });

  return {
    toggle: () => (reader ? Promise.resolve(close()) : open()),
    extract() {
      const article = extractArticle(copyPageForExtraction(document), { url: location.href, window });
      if (!article) return null;
      const { html, text, title, byline, siteName, published, lang, fallback } = article;
      // The fallback note goes with an offline copy: the reader shows it on the copy too.
      return { html, text, title, author: byline, site: siteName, published, lang, ...(fallback ? { fallback } : {}) };
    },
  };
}
