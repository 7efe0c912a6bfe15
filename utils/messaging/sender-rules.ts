/**
 * Who sent a runtime message, told from what the browser (not the message) says:
 * `sender.id`, `sender.url`, `sender.tab` and `sender.frameId` are filled in by the
 * browser and cannot be forged by the sending script. Pure: the background passes
 * its own id and origin (`browser.runtime.id`, `browser.runtime.getURL('/')`).
 *
 * - `extension`: one of Margin's own pages (popup, options, library, side panel,
 *   and the note card, which is framed in a tab and so also has `sender.tab`). The
 *   card is loaded through a `use_dynamic_url` address, but Chromium (measured, 156)
 *   reports its `sender.url` at the extension's fixed origin, as `getURL('/')` gives it.
 * - `content`: Margin's content script in a tab's top frame, on the page `url`.
 *   It runs beside the page's scripts, so what it says is treated as the page's word.
 * - anything else is refused (another extension, a content script in a sub-frame,
 *   a sender the browser did not describe).
 */

/** The parts of `runtime.MessageSender` the rules read. */
export interface MessageSenderLike {
  id?: string;
  url?: string;
  frameId?: number;
  tab?: { id?: number; url?: string };
}

/** The extension itself, as the background knows it. */
export interface SelfIdentity {
  /** `browser.runtime.id`. */
  id: string;
  /** `browser.runtime.getURL('/')`: `chrome-extension://<id>/` or `moz-extension://<uuid>/`. */
  origin: string;
}

/** A sender the rules accept. */
export type TrustedSender =
  | { kind: 'extension'; url: string /** Set when the page is in (or framed in) a tab. */; tabId?: number }
  | {
      kind: 'content';
      /** The address the document was loaded at (in Chromium it does not follow `history.pushState`). */
      url: string;
      tabId: number;
      /** The tab's address now, when the browser tells it (host permission): it follows `pushState`. */
      tabUrl?: string;
    };

export type SenderVerdict = TrustedSender | { kind: 'refused'; reason: string };

/**
 * @return who sent the message, or why it is refused
 */
export function classifySender(sender: MessageSenderLike | undefined, self: SelfIdentity): SenderVerdict {
  if (!sender || sender.id !== self.id) return { kind: 'refused', reason: 'it did not come from Margin' };
  const url = sender.url;
  if (typeof url !== 'string' || url === '')
    return { kind: 'refused', reason: 'the browser did not say which page sent it' };
  const tabId = validTabId(sender.tab?.id);
  if (isOwnPage(url, self.origin))
    return tabId === undefined ? { kind: 'extension', url } : { kind: 'extension', url, tabId };
  if (tabId === undefined) return { kind: 'refused', reason: 'it came from a page that is not in a tab' };
  if (sender.frameId !== 0)
    return { kind: 'refused', reason: 'it came from a frame inside the page, not the page itself' };
  const tabUrl = sender.tab?.url;
  return typeof tabUrl === 'string' && tabUrl !== ''
    ? { kind: 'content', url, tabId, tabUrl }
    : { kind: 'content', url, tabId };
}

/**
 * The address a content script's page is filed under. The message's own claim is taken
 * only when the browser vouches for it; otherwise the browser's word is used.
 *
 * Why not `sender.url` alone: Chromium reports the address the document loaded at, and a
 * single-page app moves on with `history.pushState` (measured: after a pushState from
 * `?post=1` to `?post=2`, `sender.url` still said `?post=1`; `sender.tab.url` said `?post=2`).
 * `pushState` cannot leave the document's origin, so the tab's current address counts only
 * while it has the same origin as `sender.url`: a page can never name another site's page.
 *
 * @param claimed - the `pageUrl` the content script sent (`location.href`)
 * @return `claimed` if it is the tab's current address or the document's; else the tab's
 *   current address if it is same-origin; else `sender.url`
 */
export function contentPageUrl(claimed: string, sender: Extract<TrustedSender, { kind: 'content' }>): string {
  const current = sender.tabUrl !== undefined && sameOrigin(sender.tabUrl, sender.url) ? sender.tabUrl : undefined;
  if (claimed === current || claimed === sender.url) return claimed;
  return current ?? sender.url;
}

function sameOrigin(a: string, b: string): boolean {
  try {
    const [x, y] = [new URL(a), new URL(b)];
    // Opaque origins (data:, sandboxed documents) serialize as "null": never the same as anything.
    return x.origin !== 'null' && x.origin === y.origin;
  } catch {
    return false;
  }
}

/**
 * A page of this extension: same scheme and host as our origin. Compared parsed, since a
 * prefix test would let `chrome-extension://<id>.evil/` pass, and not by `URL.origin`,
 * which the URL standard leaves opaque ("null") for extension schemes outside browsers.
 */
function isOwnPage(url: string, origin: string): boolean {
  try {
    const page = new URL(url);
    const own = new URL(origin);
    return page.protocol === own.protocol && page.host !== '' && page.host === own.host;
  } catch {
    return false;
  }
}

/** Tabs have ids from 0; `tabs.TAB_ID_NONE` (-1) is a page that is not in a tab (devtools). */
function validTabId(id: number | undefined): number | undefined {
  return typeof id === 'number' && Number.isInteger(id) && id >= 0 ? id : undefined;
}
