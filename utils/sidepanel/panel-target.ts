/**
 * What the side panel shows for a tab: the tab a `?tab=<id>` address binds it to,
 * and, from the tab's address, whether it is a web page (asked of the background,
 * which learnt it from the page's highlighter), Margin's own offline reader (the
 * article id is in its address: `reader-page.html?article=<id>`), or a page Margin
 * cannot run on (browser pages, stores, other extension pages).
 */

/** The panel's subject, from the address of the tab beside it. */
export type PanelTarget = { kind: 'page' } | { kind: 'offline'; articleId: string } | { kind: 'unsupported' };

const WEB_SCHEMES = new Set(['http:', 'https:', 'file:']);

/**
 * @param tabUrl - the tab's address; undefined when the browser hides it (no host permission)
 * @param extensionOrigin - this extension's origin, e.g. `chrome-extension://abc` (no trailing slash)
 * @return `page` for web pages, `offline` for Margin's offline reader with an article,
 *   `unsupported` otherwise
 */
export function panelTarget(tabUrl: string | undefined, extensionOrigin: string): PanelTarget {
  if (!tabUrl) return { kind: 'unsupported' };
  let url: URL;
  try {
    url = new URL(tabUrl);
  } catch {
    return { kind: 'unsupported' };
  }
  if (WEB_SCHEMES.has(url.protocol)) return { kind: 'page' };
  const origin = extensionOrigin.replace(/\/+$/, '');
  if (`${url.protocol}//${url.host}` === origin && url.pathname === '/reader-page.html') {
    const articleId = url.searchParams.get('article');
    if (articleId) return { kind: 'offline', articleId };
  }
  return { kind: 'unsupported' };
}

/**
 * The tab a panel address binds to (`?tab=<id>`, how tests, the benchmark and a panel
 * opened as a page use it); null when the panel follows the active tab.
 */
export function boundTabId(search: string): number | null {
  const raw = new URLSearchParams(search).get('tab');
  if (raw === null || !/^\d+$/.test(raw)) return null;
  const id = Number(raw);
  return Number.isSafeInteger(id) && id > 0 ? id : null;
}
