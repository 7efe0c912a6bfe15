/**
 * Messages as the background receives them in tests: Margin's identity, the
 * senders the browser describes (a content script in a tab, the popup), and a
 * page's description. Shared by the tests that drive the real message routes.
 */
import type { PageInfo } from '@/utils/messaging/margin-protocol';
import type { MessageSenderLike, SelfIdentity } from '@/utils/messaging/sender-rules';

export const SELF: SelfIdentity = {
  id: 'mhlpkdfmnbgljhfcfkbhmkbmgphkcjfn',
  origin: 'chrome-extension://mhlpkdfmnbgljhfcfkbhmkbmgphkcjfn/',
};

/** What a content script reports of its page. */
export const page = (pageUrl: string, title = 'A page'): PageInfo => ({
  pageUrl,
  canonicalUrl: null,
  title,
  author: null,
  site: null,
  published: null,
  lang: null,
});

/** The browser's description of Margin's content script in a tab's top frame. */
export const content = (tabId: number, url: string, tabUrl = url): MessageSenderLike => ({
  id: SELF.id,
  url,
  tab: { id: tabId, url: tabUrl },
  frameId: 0,
});

export const POPUP: MessageSenderLike = { id: SELF.id, url: `${SELF.origin}popup.html` };
