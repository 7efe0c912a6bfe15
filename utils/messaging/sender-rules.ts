/**
 * Who sent a runtime message, told from what the browser (not the message) says:
 * `sender.id`, `sender.url`, `sender.tab` and `sender.frameId` are filled in by the
 * browser and cannot be forged by the sending script. Pure: the background passes
 * its own id and origin (`browser.runtime.id`, `browser.runtime.getURL('/')`).
 *
 * - `extension`: one of Margin's own pages (popup, options, library, side panel,
 *   and the note card, which is framed in a tab and so also has `sender.tab`).
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
  tab?: { id?: number };
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
  | { kind: 'extension'; url: string; /** Set when the page is in (or framed in) a tab. */ tabId?: number }
  | { kind: 'content'; url: string; tabId: number };

export type SenderVerdict = TrustedSender | { kind: 'refused'; reason: string };

/**
 * @return who sent the message, or why it is refused
 */
export function classifySender(sender: MessageSenderLike | undefined, self: SelfIdentity): SenderVerdict {
  if (!sender || sender.id !== self.id) return { kind: 'refused', reason: 'it did not come from Margin' };
  const url = sender.url;
  if (typeof url !== 'string' || url === '') return { kind: 'refused', reason: 'the browser did not say which page sent it' };
  const tabId = validTabId(sender.tab?.id);
  if (isOwnPage(url, self.origin)) return tabId === undefined ? { kind: 'extension', url } : { kind: 'extension', url, tabId };
  if (tabId === undefined) return { kind: 'refused', reason: 'it came from a page that is not in a tab' };
  if (sender.frameId !== 0) return { kind: 'refused', reason: 'it came from a frame inside the page, not the page itself' };
  return { kind: 'content', url, tabId };
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
