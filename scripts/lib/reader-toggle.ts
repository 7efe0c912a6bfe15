/**
 * Toggling the reader from an extension page, the way the popup will: shared by the
 * Chromium (Playwright) and Firefox (Puppeteer) drivers, which both run
 * `toggleFromExtensionPage` inside the extension's options page.
 */

export type ReaderToggle = { state: 'opened' | 'closed' | 'no-article' } | { state: 'error'; message: string };

/** The part of the WebExtension API the control page uses. */
interface ExtensionApi {
  tabs: { query(query: object): Promise<{ id?: number; url?: string }[]> };
  runtime: { sendMessage(message: unknown): Promise<{ res?: unknown; err?: unknown } | undefined> };
}

interface ToggleReply {
  res?: unknown;
  err?: unknown;
  sentAt: number;
}

/**
 * Sends `reader:toggle` for the tab showing `pageUrl` (the newest, if several do), in
 * @webext-core/messaging's wire format: {id, type, data, timestamp} answered by {res} or {err}.
 * The driver serializes this function into the page: it must use nothing from outside itself.
 */
export async function toggleFromExtensionPage(pageUrl: string): Promise<ToggleReply> {
  const scope = globalThis as unknown as { browser?: ExtensionApi; chrome: ExtensionApi };
  // Firefox's MV2 `chrome` namespace takes callbacks; its `browser` namespace returns promises.
  const api = scope.browser ?? scope.chrome;
  const tabs = (await api.tabs.query({})).filter((t) => t.url === pageUrl);
  const tab = tabs.sort((a, b) => (b.id ?? 0) - (a.id ?? 0))[0];
  if (tab?.id == null) throw new Error(`no tab with ${pageUrl}`);
  const sentAt = performance.timeOrigin + performance.now();
  const message = { id: Date.now(), type: 'reader:toggle', data: { tabId: tab.id }, timestamp: Date.now() };
  return { ...(await api.runtime.sendMessage(message)), sentAt };
}

/**
 * Turns the control page's reply into the reader's new state.
 * @return the state and when the message left, in epoch ms (for timing)
 */
export function readToggleReply(reply: ToggleReply): { result: ReaderToggle; sentAt: number } {
  if (reply.err) throw new Error(`reader:toggle failed: ${JSON.stringify(reply.err)}`);
  return { result: reply.res as ReaderToggle, sentAt: reply.sentAt };
}
