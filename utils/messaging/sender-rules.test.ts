import { describe, expect, it } from 'vitest';
import { classifySender, contentPageUrl, type MessageSenderLike, type SelfIdentity } from './sender-rules';

const CHROME: SelfIdentity = {
  id: 'mhlpkdfmnbgljhfcfkbhmkbmgphkcjfn',
  origin: 'chrome-extension://mhlpkdfmnbgljhfcfkbhmkbmgphkcjfn/',
};
const FIREFOX: SelfIdentity = {
  id: 'margin@margin-reader.org',
  origin: 'moz-extension://0f6a1c1e-3b7d-4c59-9a51-7d0f3e6b2a11/',
};
const OTHER_EXTENSION = 'aaaabbbbccccddddeeeeffffgggghhhh';

const cases: [
  string,
  SelfIdentity,
  MessageSenderLike | undefined,
  ReturnType<typeof classifySender>['kind'],
  number?,
][] = [
  ['the popup', CHROME, { id: CHROME.id, url: `${CHROME.origin}popup.html` }, 'extension'],
  ['the side panel', CHROME, { id: CHROME.id, url: `${CHROME.origin}sidepanel.html` }, 'extension'],
  [
    'the library in a tab',
    CHROME,
    { id: CHROME.id, url: `${CHROME.origin}library.html`, tab: { id: 4 }, frameId: 0 },
    'extension',
    4,
  ],
  [
    'the note card framed in a page',
    CHROME,
    { id: CHROME.id, url: `${CHROME.origin}note-card.html`, tab: { id: 9 }, frameId: 3 },
    'extension',
    9,
  ],
  ['Firefox’s sidebar', FIREFOX, { id: FIREFOX.id, url: `${FIREFOX.origin}sidepanel.html` }, 'extension'],
  [
    'the content script in a tab’s top frame',
    CHROME,
    { id: CHROME.id, url: 'https://example.com/post', tab: { id: 9 }, frameId: 0 },
    'content',
    9,
  ],
  [
    'Firefox’s content script',
    FIREFOX,
    { id: FIREFOX.id, url: 'https://example.com/post', tab: { id: 2 }, frameId: 0 },
    'content',
    2,
  ],
  [
    'a content script in a frame of the page',
    CHROME,
    { id: CHROME.id, url: 'https://ads.example/frame', tab: { id: 9 }, frameId: 5 },
    'refused',
  ],
  [
    'a content script with no frame id',
    CHROME,
    { id: CHROME.id, url: 'https://example.com/post', tab: { id: 9 } },
    'refused',
  ],
  ['a page that is not in a tab', CHROME, { id: CHROME.id, url: 'https://example.com/post', frameId: 0 }, 'refused'],
  [
    'a page in no tab (TAB_ID_NONE)',
    CHROME,
    { id: CHROME.id, url: 'https://example.com/post', tab: { id: -1 }, frameId: 0 },
    'refused',
  ],
  [
    'another extension',
    CHROME,
    { id: OTHER_EXTENSION, url: `chrome-extension://${OTHER_EXTENSION}/popup.html` },
    'refused',
  ],
  [
    'another extension naming our page as its url',
    CHROME,
    { id: OTHER_EXTENSION, url: `${CHROME.origin}popup.html` },
    'refused',
  ],
  ['a sender with no url', CHROME, { id: CHROME.id }, 'refused'],
  ['no sender at all', CHROME, undefined, 'refused'],
];

describe('classifySender', () => {
  it.each(cases)('%s', (_, self, sender, kind, tabId) => {
    const verdict = classifySender(sender, self);
    expect(verdict.kind).toBe(kind);
    if (verdict.kind !== 'refused') expect(verdict.tabId).toBe(tabId);
  });

  it('does not take a look-alike origin for ours (a prefix test would)', () => {
    const lookAlike = { id: CHROME.id, url: `chrome-extension://${CHROME.id}.evil.example/popup.html` };
    expect(classifySender(lookAlike, CHROME).kind).toBe('refused');
    const page = { ...lookAlike, url: `https://example.com/?from=${CHROME.origin}`, tab: { id: 1 }, frameId: 0 };
    expect(classifySender(page, CHROME)).toEqual({ kind: 'content', url: page.url, tabId: 1 });
  });

  it('keeps the page’s address for a content script, as the browser gave it', () => {
    const url = 'https://example.com/spa/?post=2#comments';
    expect(classifySender({ id: CHROME.id, url, tab: { id: 3 }, frameId: 0 }, CHROME)).toEqual({
      kind: 'content',
      url,
      tabId: 3,
    });
  });
});

describe('contentPageUrl', () => {
  const POST1 = 'https://app.example.com/spa/?post=1';
  const POST2 = 'https://app.example.com/spa/?post=2';
  const sender = (url: string, tabUrl?: string) => ({
    kind: 'content' as const,
    url,
    tabId: 1,
    ...(tabUrl !== undefined && { tabUrl }),
  });

  it.each([
    ['the page as loaded', POST1, sender(POST1, POST1), POST1],
    [
      'a single-page app after pushState (Chromium keeps sender.url at the load address)',
      POST2,
      sender(POST1, POST2),
      POST2,
    ],
    [
      'a claim the browser does not vouch for, same site',
      'https://app.example.com/private',
      sender(POST1, POST2),
      POST2,
    ],
    ['another site’s page', 'https://mail.example.org/thread', sender(POST1, POST2), POST2],
    ['another site’s page, without the tab’s address', 'https://mail.example.org/thread', sender(POST1), POST1],
    [
      'a tab address of another origin than the document (navigation under way)',
      'https://mail.example.org/thread',
      sender(POST1, 'https://mail.example.org/thread'),
      POST1,
    ],
    [
      'a document with an opaque origin',
      'data:text/html,x',
      sender('data:text/html,x', 'data:text/html,y'),
      'data:text/html,x',
    ],
  ])('%s', (_, claimed, who, expected) => {
    expect(contentPageUrl(claimed, who)).toBe(expected);
  });
});
