/**
 * The background's message handling as an attacker in a content script's world
 * would meet it: raw messages with browser-made senders, into the real annotation
 * service on fake-indexeddb.
 */
import { describe, expect, it } from 'vitest';
import { content, page, POPUP, SELF } from '@/tests/support/test-senders';
import { DEFAULT_HIGHLIGHT_SETTINGS } from '@/utils/settings/highlight-settings';
import { selectorsFor, testDb } from '@/tests/support/test-db';
import {
  isMarginError,
  type MarginProtocol,
  type PageAnnotations,
  type PaintedHighlight,
} from '@/utils/messaging/margin-protocol';
import { routeMessage } from '@/utils/messaging/message-router';
import type { MessageSenderLike } from '@/utils/messaging/sender-rules';
import { offlineReaderArticle } from '@/utils/library/offline-article';
import { createAnnotationService } from './annotation-service';
import { createMarginRoutes, type MessageHandlerHooks } from './message-handlers';

const VICTIM_URL = 'https://mail.example.org/thread/layoffs';
const EVIL_URL = 'https://evil.example.net/post';
const VICTIM_TAB = 1;
const EVIL_TAB = 2;

const noteCard = (tabId: number): MessageSenderLike => ({
  id: SELF.id,
  url: `${SELF.origin}note-card.html`,
  tab: { id: tabId },
  frameId: 7,
});

function setup(tabUrls: Record<number, string> = { [VICTIM_TAB]: VICTIM_URL, [EVIL_TAB]: EVIL_URL }) {
  const db = testDb();
  const repaints: { articleId: string; tabs: number[] }[] = [];
  const service = createAnnotationService(db, {
    articleChanged: (articleId, tabs) => void repaints.push({ articleId, tabs }),
    badge: () => undefined,
    settings: async () => DEFAULT_HIGHLIGHT_SETTINGS,
  });
  const focused: { tabId: number; id: string }[] = [];
  const closedCards: number[] = [];
  const pageInfo: Record<number, unknown> = {};
  let extract: unknown = null;
  const hooks: MessageHandlerHooks = {
    pageInfoOf: async (tabId) => pageInfo[tabId],
    tabUrl: async (tabId) => tabUrls[tabId],
    extractArticle: async () => extract,
    focusPanel: async (tabId, id) => void focused.push({ tabId, id }),
    closeNoteCard: async (tabId) => void closedCards.push(tabId),
  };
  const { routes, forgetTab } = createMarginRoutes(service, hooks);
  /** Sends a raw message as `sender`, through the same gate the background uses. */
  function send<K extends keyof MarginProtocol>(type: K, data: unknown, sender: MessageSenderLike) {
    return routeMessage(type, routes[type], data, sender, SELF) as Promise<Awaited<ReturnType<MarginProtocol[K]>>>;
  }
  /** The victim's tab opened its page and the user wrote a private note there. */
  async function victimHighlight(): Promise<PaintedHighlight> {
    await send('page:open', page(VICTIM_URL, 'Layoffs'), content(VICTIM_TAB, VICTIM_URL));
    const h = await send(
      'highlight:create',
      { page: page(VICTIM_URL, 'Layoffs'), selectors: selectorsFor('the layoffs', 0) },
      content(VICTIM_TAB, VICTIM_URL),
    );
    if (isMarginError(h)) throw new Error(h.error);
    // The note is typed in Margin's own page (the note card, the side panel).
    const noted = await send(
      'highlight:update',
      { id: h.id, patch: { note: 'PRIVATE: ask Dana before Friday' } },
      POPUP,
    );
    if (!noted || isMarginError(noted)) throw new Error('the note was not saved');
    return noted;
  }
  /** The attacker's tab has an article of its own (it highlighted something on its page). */
  async function evilArticle(): Promise<void> {
    await send('page:open', page(EVIL_URL), content(EVIL_TAB, EVIL_URL));
    await send(
      'highlight:create',
      { page: page(EVIL_URL), selectors: selectorsFor('bait', 0) },
      content(EVIL_TAB, EVIL_URL),
    );
  }
  return {
    db,
    repaints,
    send,
    victimHighlight,
    evilArticle,
    forgetTab,
    focused,
    closedCards,
    setPageInfo: (tabId: number, info: unknown) => (pageInfo[tabId] = info),
    setExtract: (value: unknown) => (extract = value),
    snapshot: async () =>
      JSON.stringify([await db.articles.toArray(), await db.highlights.toArray(), await db.pageNotes.toArray()]),
  };
}

const quotesIn = (a: PageAnnotations) => a.highlights.map((h) => h.quote);

describe('a content script is told where to paint, never what was written', () => {
  it('no answer to a content script holds a note, a tag, or the search words that hold them', async () => {
    const { db, send, victimHighlight } = setup();
    const victim = await victimHighlight();
    const own = content(VICTIM_TAB, VICTIM_URL);
    await send('highlight:update', { id: victim.id, patch: { tags: ['hr-confidential'] } }, POPUP);
    await send('page-note:set', { tabId: VICTIM_TAB, text: 'PAGE NOTE: Dana' }, POPUP);
    const answers = [
      await send('page:open', page(VICTIM_URL, 'Layoffs'), own),
      await send('highlight:update', { id: victim.id, patch: { colour: 'blue' } }, own),
      await send('highlight:delete', { id: victim.id }, own),
      await send('highlight:restore', { id: victim.id }, own),
      await send('highlight:create', { page: page(VICTIM_URL), selectors: selectorsFor('the layoffs', 0) }, own),
    ];
    const seen = JSON.stringify(answers);
    // The database has them all; the answers none (note words such as "dana" ride in `words`).
    expect(JSON.stringify(await db.highlights.toArray())).toMatch(/hr-confidential[\s\S]*dana/i);
    expect(seen).not.toMatch(/dana|hr-confidential|friday|PAGE NOTE/i);
    expect(seen).toContain('the layoffs');
  });
});

describe('the note card closes through the background', () => {
  it('a card asks to close: the background tells its own tab, which the browser names', async () => {
    const { send, closedCards } = setup();
    await send('note-card:done', undefined, noteCard(VICTIM_TAB));
    expect(closedCards).toEqual([VICTIM_TAB]);
  });

  it.each([
    ['a content script', content(VICTIM_TAB, VICTIM_URL)],
    ['an extension page in no tab', POPUP],
  ])('from %s it is refused', async (_, sender) => {
    const { send, closedCards } = setup();
    await expect(send('note-card:done', undefined, sender)).rejects.toThrow(/refused/);
    expect(closedCards).toEqual([]);
  });
});

describe('a content script never writes a note or a tag', () => {
  it.each([
    ['highlight:update', 'a note', (id: string) => ({ id, patch: { note: '' } })],
    ['highlight:update', 'tags', (id: string) => ({ id, patch: { tags: ['planted-by-page'] } })],
    ['highlight:update', 'note versions', (id: string) => ({ id, patch: { noteConflicts: [] } })],
    [
      'highlight:create',
      'a note',
      () => ({ page: page(VICTIM_URL), selectors: selectorsFor('the layoffs', 0), note: 'PLANTED' }),
    ],
    [
      'highlight:create',
      'tags',
      () => ({ page: page(VICTIM_URL), selectors: selectorsFor('the layoffs', 0), tags: ['planted'] }),
    ],
  ] as const)('%s with %s from its own page is refused and writes nothing', async (type, _, data) => {
    const { send, victimHighlight, snapshot } = setup();
    const victim = await victimHighlight();
    const before = await snapshot();
    const answer = await send(type, data(victim.id), content(VICTIM_TAB, VICTIM_URL));
    expect(isMarginError(answer) && answer.error).toMatch(
      /^Margin refused this request .*notes and tags are written in Margin’s own pages/,
    );
    expect(await snapshot()).toBe(before);
  });
});

describe('a content script speaks only for its own tab’s page', () => {
  it('page:open naming another page’s address gets its own page’s annotations, not the other’s', async () => {
    const { send, victimHighlight } = setup();
    await victimHighlight();
    const answer = await send('page:open', page(VICTIM_URL), content(EVIL_TAB, EVIL_URL));
    expect(answer.article).toBeNull();
    expect(quotesIn(answer)).toEqual([]);
    // The victim's own tab still sees its note.
    expect(quotesIn(await send('page:open', page(VICTIM_URL), content(VICTIM_TAB, VICTIM_URL)))).toEqual([
      'the layoffs',
    ]);
  });

  it('highlight:create naming another page files the highlight under the sender’s page', async () => {
    const { db, send, victimHighlight } = setup();
    const victim = await victimHighlight();
    const planted = await send(
      'highlight:create',
      { page: page(VICTIM_URL), selectors: selectorsFor('planted', 0) },
      content(EVIL_TAB, EVIL_URL),
    );
    if (isMarginError(planted)) throw new Error(planted.error);
    expect(planted.articleId).not.toBe(victim.articleId);
    expect((await db.articles.get(planted.articleId))?.pageUrl).toBe(EVIL_URL);
    expect(quotesIn(await send('page:open', page(VICTIM_URL), content(VICTIM_TAB, VICTIM_URL)))).toEqual([
      'the layoffs',
    ]);
  });

  it('update, delete and restore of another page’s highlight are refused and the record is unchanged', async () => {
    const { db, send, victimHighlight, evilArticle } = setup();
    const victim = await victimHighlight();
    await evilArticle();
    const before = JSON.stringify(await db.highlights.get(victim.id));
    const evil = content(EVIL_TAB, EVIL_URL);

    const updated = await send('highlight:update', { id: victim.id, patch: { colour: 'pink' } }, evil);
    expect(isMarginError(updated) && updated.error).toMatch(
      /^Margin refused this request \(highlight:update\): that highlight is not on this tab’s page/,
    );
    await expect(send('highlight:delete', { id: victim.id }, evil)).rejects.toThrow(/refused.*not on this tab’s page/);
    expect(JSON.stringify(await db.highlights.get(victim.id))).toBe(before);

    // Deleted by its owner, it cannot be brought back from elsewhere either.
    expect(await send('highlight:delete', { id: victim.id }, content(VICTIM_TAB, VICTIM_URL))).toBe(true);
    const deleted = JSON.stringify(await db.highlights.get(victim.id));
    await expect(send('highlight:restore', { id: victim.id }, evil)).rejects.toThrow(/refused/);
    expect(JSON.stringify(await db.highlights.get(victim.id))).toBe(deleted);
  });

  it('a tab whose page has no article yet cannot touch any highlight', async () => {
    const { db, send, victimHighlight } = setup();
    const victim = await victimHighlight();
    const before = JSON.stringify(await db.highlights.get(victim.id));
    // The attacker never opened a page: no article is filed for its tab.
    await expect(send('highlight:delete', { id: victim.id }, content(EVIL_TAB, EVIL_URL))).rejects.toThrow(
      /no article for this tab/,
    );
    expect(JSON.stringify(await db.highlights.get(victim.id))).toBe(before);
  });

  it('a tab that moved on to another site cannot act on the page it showed before', async () => {
    const { db, send, victimHighlight } = setup();
    const victim = await victimHighlight();
    const before = JSON.stringify(await db.highlights.get(victim.id));
    // The victim's tab now shows the attacker's page, whose script speaks before its first page:open.
    const moved = content(VICTIM_TAB, EVIL_URL);

    const updated = await send('highlight:update', { id: victim.id, patch: { colour: 'pink' } }, moved);
    expect(isMarginError(updated) && updated.error).toMatch(
      /^Margin refused this request \(highlight:update\): this tab’s page has changed/,
    );
    await expect(send('highlight:delete', { id: victim.id }, moved)).rejects.toThrow(/refused.*page has changed/);
    await expect(send('highlight:focused', { id: victim.id, noteCard: true }, moved)).rejects.toThrow(/refused/);
    await expect(
      send(
        'highlights:placed',
        { articleId: victim.articleId, placements: [{ id: victim.id, anchor: 'orphaned' }] },
        moved,
      ),
    ).rejects.toThrow(/refused.*page has changed/);
    expect(JSON.stringify(await db.highlights.get(victim.id))).toBe(before);

    // Moving within its own site (pushState, not noticed yet) keeps the page's highlights its own.
    const sameSite = content(VICTIM_TAB, 'https://mail.example.org/thread/other');
    expect(await send('highlight:delete', { id: victim.id }, sameSite)).toBe(true);
  });

  it('a local file (an opaque origin) still acts on its own highlights, and no other file does', async () => {
    const { send } = setup();
    const FILE = 'file:///home/reader/notes.html';
    await send('page:open', page(FILE), content(3, FILE));
    const h = await send(
      'highlight:create',
      { page: page(FILE), selectors: selectorsFor('margin', 0) },
      content(3, FILE),
    );
    if (isMarginError(h)) throw new Error(h.error);
    await expect(send('highlight:delete', { id: h.id }, content(3, 'file:///home/reader/other.html'))).rejects.toThrow(
      /refused/,
    );
    expect(await send('highlight:delete', { id: h.id }, content(3, `${FILE}#part-2`))).toBe(true);
  });

  it('the owner tab still updates, deletes and restores its highlights', async () => {
    const { send, victimHighlight } = setup();
    const victim = await victimHighlight();
    const own = content(VICTIM_TAB, VICTIM_URL);
    const updated = await send('highlight:update', { id: victim.id, patch: { colour: 'pink' } }, own);
    expect(!isMarginError(updated) && updated?.colour).toBe('pink');
    expect(await send('highlight:delete', { id: victim.id }, own)).toBe(true);
    expect((await send('highlight:restore', { id: victim.id }, own))?.colour).toBe('pink');
  });

  it('highlights:placed for another article is refused and nothing moves', async () => {
    const { db, send, victimHighlight, evilArticle } = setup();
    const victim = await victimHighlight();
    await evilArticle();
    const before = JSON.stringify(await db.highlights.get(victim.id));
    await expect(
      send(
        'highlights:placed',
        { articleId: victim.articleId, placements: [{ id: victim.id, anchor: 'orphaned' }] },
        content(EVIL_TAB, EVIL_URL),
      ),
    ).rejects.toThrow(/not this tab’s page/);
    expect(JSON.stringify(await db.highlights.get(victim.id))).toBe(before);
    await send(
      'highlights:placed',
      { articleId: victim.articleId, placements: [{ id: victim.id, anchor: 'weak' }] },
      content(VICTIM_TAB, VICTIM_URL),
    );
    expect((await db.highlights.get(victim.id))?.anchor).toBe('weak');
  });
});

describe('a single-page app', () => {
  // Measured in Chromium: after pushState from ?post=1 to ?post=2, sender.url still says ?post=1.
  const POST1 = 'https://app.example.com/spa/?post=1';
  const POST2 = 'https://app.example.com/spa/?post=2';

  it('files a highlight made after in-app navigation under the new address, and shows it there only', async () => {
    const { db, send } = setup();
    const after = content(5, POST1, POST2);
    await send('page:open', page(POST2), after);
    const h = await send('highlight:create', { page: page(POST2), selectors: selectorsFor('slow reading', 0) }, after);
    if (isMarginError(h)) throw new Error(h.error);
    expect((await db.articles.get(h.articleId))?.pageUrl).toBe(POST2);
    expect(quotesIn(await send('page:open', page(POST2), after))).toEqual(['slow reading']);
    expect(quotesIn(await send('page:open', page(POST1), content(5, POST1)))).toEqual([]);
  });

  it('still cannot name another site’s page', async () => {
    const { send, victimHighlight } = setup();
    await victimHighlight();
    expect(quotesIn(await send('page:open', page(VICTIM_URL), content(5, POST1, POST2)))).toEqual([]);
  });
});

describe('tab-scoped messages come only from Margin’s pages', () => {
  it('tab:page from a content script is refused; from the popup it names the tab’s page', async () => {
    const { send, victimHighlight, setPageInfo } = setup();
    const victim = await victimHighlight();
    setPageInfo(VICTIM_TAB, page(VICTIM_URL, 'Layoffs'));
    await expect(send('tab:page', { tabId: VICTIM_TAB }, content(EVIL_TAB, EVIL_URL))).rejects.toThrow(
      /^Margin refused this request \(tab:page\): only Margin’s own pages may ask this/,
    );
    const answer = await send('tab:page', { tabId: VICTIM_TAB }, POPUP);
    expect(answer).toMatchObject({ page: { pageUrl: VICTIM_URL, title: 'Layoffs' }, articleId: victim.articleId });
  });

  it('tab:page takes the tab’s address from the browser, not from what its page says', async () => {
    const { send, victimHighlight, setPageInfo } = setup();
    const victim = await victimHighlight();
    // The evil tab's page claims to be the victim's page when asked for page:info.
    setPageInfo(EVIL_TAB, page(VICTIM_URL, 'Innocent'));
    expect(await send('tab:page', { tabId: EVIL_TAB }, POPUP)).toMatchObject({
      page: { pageUrl: EVIL_URL },
      articleId: null,
    });
    // So its content script cannot afterwards act on the victim's highlight.
    await expect(send('highlight:delete', { id: victim.id }, content(EVIL_TAB, EVIL_URL))).rejects.toThrow(/refused/);
  });

  it.each([
    ['page-note:set', { tabId: VICTIM_TAB, text: 'planted' }],
    ['page-note:set', { articleId: '0190a0b0-0000-7000-8000-000000000000', text: 'planted' }],
    ['article:save-offline', { tabId: VICTIM_TAB }],
    ['records:imported', { articleIds: [] }],
    ['note-card:target', undefined],
  ] as const)('%s from a content script is refused and writes nothing', async (type, data) => {
    const { send, victimHighlight, snapshot, setExtract } = setup();
    await victimHighlight();
    setExtract({ html: '<p>x</p>', text: 'x', title: 'x', author: null, site: null, published: null, lang: null });
    const before = await snapshot();
    const answer = send(type, data, content(VICTIM_TAB, VICTIM_URL)).catch((e: Error) => ({ error: e.message }));
    expect(await answer).toEqual({
      error: expect.stringMatching(/^Margin refused this request .*only Margin’s own pages/),
    });
    expect(await snapshot()).toBe(before);
  });

  it('the popup still sets the page note and saves the offline copy of a tab', async () => {
    const { db, send, victimHighlight, setExtract } = setup();
    const victim = await victimHighlight();
    const note = await send('page-note:set', { tabId: VICTIM_TAB, text: 'Read again' }, POPUP);
    expect(!isMarginError(note) && note?.text).toBe('Read again');
    // Fields the reader did not give an offline copy (an address) are not taken from its answer.
    setExtract({
      html: '<p>x</p>',
      text: 'x',
      title: 'Layoffs',
      author: null,
      site: null,
      published: null,
      lang: null,
      pageUrl: EVIL_URL,
    });
    const saved = await send('article:save-offline', { tabId: VICTIM_TAB }, POPUP);
    expect(isMarginError(saved)).toBe(false);
    expect((await db.articles.toArray()).map((a) => a.pageUrl)).toEqual([VICTIM_URL]);
    expect((await db.articles.get(victim.articleId))?.savedAt).toEqual(expect.any(Number));
  });

  it("an offline copy keeps why it is Readability's own result, and the offline reader shows it", async () => {
    const { db, send, victimHighlight, setExtract } = setup();
    const victim = await victimHighlight();
    const fallback = { reason: 'clean-up left 1146 of 9357 characters', ourChars: 1146, readabilityChars: 9357 };
    const meta = { title: 'Layoffs', author: null, site: null, published: null, lang: null };
    setExtract({ html: '<p>All of it</p>', text: 'All of it', ...meta, fallback });
    expect(isMarginError(await send('article:save-offline', { tabId: VICTIM_TAB }, POPUP))).toBe(false);
    const body = (await db.articleBodies.get(victim.articleId))!;
    expect(body.fallback).toEqual(fallback);
    const article = (await db.articles.get(victim.articleId))!;
    expect(offlineReaderArticle(article, body).fallback).toEqual(fallback);
    // Saved again from a page Margin cleaned up normally: the old note goes with the old copy.
    setExtract({ html: '<p>Cleaned</p>', text: 'Cleaned', ...meta });
    await send('article:save-offline', { tabId: VICTIM_TAB }, POPUP);
    const again = (await db.articleBodies.get(victim.articleId))!;
    expect(offlineReaderArticle(article, again)).not.toHaveProperty('fallback');
  });

  it('the side panel sets the page note of a stored article beside its offline copy; an unknown article is an error', async () => {
    const { db, send, victimHighlight, snapshot } = setup();
    const victim = await victimHighlight();
    const note = await send('page-note:set', { articleId: victim.articleId, text: 'Offline thoughts' }, POPUP);
    expect(!isMarginError(note) && note?.text).toBe('Offline thoughts');
    expect((await db.pageNotes.toArray()).map((n) => n.text)).toEqual(['Offline thoughts']);
    const before = await snapshot();
    expect(
      await send('page-note:set', { articleId: '0190a0b0-0000-7000-8000-000000000000', text: 'x' }, POPUP),
    ).toEqual({
      error: 'Margin has no such article.',
    });
    expect(await snapshot()).toBe(before);
  });

  it('an extension page may act on any highlight (the library, the side panel)', async () => {
    const { send, victimHighlight } = setup();
    const victim = await victimHighlight();
    const updated = await send('highlight:update', { id: victim.id, patch: { colour: 'green' } }, POPUP);
    expect(!isMarginError(updated) && updated?.colour).toBe('green');
    expect(await send('highlight:delete', { id: victim.id }, POPUP)).toBe(true);
    expect((await send('highlight:restore', { id: victim.id }, POPUP))?.colour).toBe('green');
  });
});

describe('bad data is refused with a clear error and changes nothing', () => {
  it.each([
    [
      'highlight:update',
      'a note past 1,000,000 characters',
      (id: string) => ({ id, patch: { note: 'x'.repeat(1_000_001) } }),
      /patch\.note/,
    ],
    [
      'highlight:update',
      'a patch moving it to another article',
      (id: string) => ({ id, patch: { articleId: id } }),
      /patch/,
    ],
    ['highlight:update', 'tags that are not a list', (id: string) => ({ id, patch: { tags: 'rust' } }), /patch\.tags/],
    [
      'highlight:create',
      'selectors that are not a list',
      () => ({ page: page(VICTIM_URL), selectors: 'the layoffs' }),
      /selectors/,
    ],
  ] as const)('%s with %s answers {error}', async (type, _, data, where) => {
    const { send, victimHighlight, snapshot } = setup();
    const victim = await victimHighlight();
    const before = await snapshot();
    const answer = await send(type, data(victim.id), POPUP);
    expect(isMarginError(answer) && answer.error).toMatch(/^Margin refused this request/);
    expect(isMarginError(answer) && answer.error).toMatch(where);
    expect(await snapshot()).toBe(before);
  });

  it.each([
    ['highlight:delete', { id: 7 }],
    ['highlight:restore', {}],
    ['page:open', { pageUrl: 'javascript:alert(1)//', title: 'x' }],
    ['highlights:placed', { articleId: 'x', placements: [] }],
    ['records:imported', { articleIds: 'all' }],
  ] as const)('%s with bad data throws a clear Error', async (type, data) => {
    const { send, victimHighlight, snapshot } = setup();
    await victimHighlight();
    const before = await snapshot();
    await expect(send(type, data, POPUP)).rejects.toThrow(new RegExp(`^Margin refused this request \\(${type}\\): `));
    expect(await snapshot()).toBe(before);
  });

  it('a message from another extension or a frame inside the page is refused', async () => {
    const { send, victimHighlight, snapshot } = setup();
    const victim = await victimHighlight();
    const before = await snapshot();
    const other = {
      id: 'aaaabbbbccccddddeeeeffffgggghhhh',
      url: 'chrome-extension://aaaabbbbccccddddeeeeffffgggghhhh/x.html',
    };
    await expect(send('highlight:delete', { id: victim.id }, other)).rejects.toThrow(/did not come from Margin/);
    const frame = { ...content(VICTIM_TAB, 'https://ads.example/frame'), frameId: 4 };
    await expect(send('highlight:delete', { id: victim.id }, frame)).rejects.toThrow(/frame inside the page/);
    expect(await snapshot()).toBe(before);
  });
});

describe('a highlight clicked on the page', () => {
  it('focuses its card in the side panel and becomes the tab’s note card target', async () => {
    const { send, victimHighlight, focused, forgetTab } = setup();
    const victim = await victimHighlight();
    await send('highlight:focused', { id: victim.id, noteCard: true }, content(VICTIM_TAB, VICTIM_URL));
    expect(focused).toEqual([{ tabId: VICTIM_TAB, id: victim.id }]);
    // The card is a third-party frame without IndexedDB: what it edits comes with the answer.
    expect(await send('note-card:target', undefined, noteCard(VICTIM_TAB))).toEqual({
      id: victim.id,
      tabId: VICTIM_TAB,
      highlight: { quote: victim.quote, note: 'PRIVATE: ask Dana before Friday', tags: [], colour: victim.colour },
    });
    // Another tab's note card, or a page without a tab, has no target.
    expect(await send('note-card:target', undefined, noteCard(EVIL_TAB))).toMatchObject({ error: expect.any(String) });
    expect(await send('note-card:target', undefined, POPUP)).toMatchObject({ error: expect.stringMatching(/refused/) });
    forgetTab(VICTIM_TAB);
    expect(await send('note-card:target', undefined, noteCard(VICTIM_TAB))).toMatchObject({
      error: expect.any(String),
    });
  });

  it('without noteCard only the side panel hears of it', async () => {
    const { send, victimHighlight, focused } = setup();
    const victim = await victimHighlight();
    await send('highlight:focused', { id: victim.id, noteCard: false }, content(VICTIM_TAB, VICTIM_URL));
    expect(focused).toHaveLength(1);
    expect(await send('note-card:target', undefined, noteCard(VICTIM_TAB))).toMatchObject({
      error: expect.any(String),
    });
  });

  it('an edit made in the note card repaints the page of the tab it is framed in', async () => {
    const { send, victimHighlight, repaints } = setup();
    const victim = await victimHighlight();
    repaints.length = 0;
    await send('highlight:update', { id: victim.id, patch: { colour: 'pink' } }, noteCard(VICTIM_TAB));
    expect(repaints).toEqual([{ articleId: victim.articleId, tabs: [VICTIM_TAB] }]);
  });

  it('is refused for another page’s highlight, and neither the panel nor the note card hears of it', async () => {
    const { send, victimHighlight, focused, evilArticle } = setup();
    const victim = await victimHighlight();
    await evilArticle();
    await expect(
      send('highlight:focused', { id: victim.id, noteCard: true }, content(EVIL_TAB, EVIL_URL)),
    ).rejects.toThrow(/not on this tab’s page/);
    expect(focused).toEqual([]);
    expect(await send('note-card:target', undefined, noteCard(EVIL_TAB))).toMatchObject({ error: expect.any(String) });
  });

  it('a note card whose highlight was deleted is told so', async () => {
    const { send, victimHighlight } = setup();
    const victim = await victimHighlight();
    await send('highlight:focused', { id: victim.id, noteCard: true }, content(VICTIM_TAB, VICTIM_URL));
    await send('highlight:delete', { id: victim.id }, content(VICTIM_TAB, VICTIM_URL));
    expect(await send('note-card:target', undefined, noteCard(VICTIM_TAB))).toMatchObject({
      error: expect.stringMatching(/no longer on the page/),
    });
  });
});
