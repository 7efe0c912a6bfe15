/**
 * The reading-list messages as the background answers them: raw messages with
 * browser-made senders, through the real gate into the real services on fake-indexeddb.
 */
import { describe, expect, it } from 'vitest';
import { content, page, POPUP, SELF } from '@/tests/support/test-senders';
import { DEFAULT_HIGHLIGHT_SETTINGS } from '@/utils/settings/highlight-settings';
import { testClock, testDb } from '@/tests/support/test-db';
import { isMarginError, type MarginProtocol } from './margin-protocol';
import { routeMessage } from './message-router';
import type { MessageSenderLike } from './sender-rules';
import { createAnnotationService } from './annotation-service';
import { createMarginRoutes } from './message-handlers';

const VICTIM_URL = 'https://news.example.org/2026/long-read';
const EVIL_URL = 'https://evil.example.net/post';
const VICTIM_TAB = 1;
const EVIL_TAB = 2;

const OFFLINE_READER: MessageSenderLike = {
  id: SELF.id,
  url: `${SELF.origin}reader-page.html?article=x`,
  tab: { id: 9 },
};
/** About 476 words: two minutes at 238 a minute. */
const TEXT = Array.from({ length: 476 }, (_, i) => `word${i}`).join(' ');
const EXTRACT = {
  html: `<p>${TEXT}</p>`,
  text: TEXT,
  title: 'A long read',
  author: 'Ann',
  site: null,
  published: null,
  lang: 'en',
};

function setup() {
  const clock = testClock();
  const db = testDb(clock);
  const changed: string[] = [];
  const service = createAnnotationService(db, {
    articleChanged: (articleId) => void changed.push(articleId),
    badge: () => undefined,
    settings: async () => DEFAULT_HIGHLIGHT_SETTINGS,
  });
  let extract: unknown = EXTRACT;
  const margin = createMarginRoutes(service, {
    pageInfoOf: async () => undefined,
    tabUrl: async () => undefined,
    extractArticle: async () => {
      if (extract instanceof Error) throw extract;
      return extract;
    },
    focusPanel: async () => undefined,
    closeNoteCard: async () => undefined,
  });
  function send<K extends keyof MarginProtocol>(type: K, data: unknown, sender: MessageSenderLike) {
    return routeMessage(type, margin.routes[type], data, sender, SELF).catch((e: Error) => ({
      error: e.message,
    })) as Promise<Awaited<ReturnType<MarginProtocol[K]>> | { error: string }>;
  }
  /** Both tabs opened their pages; the victim's is saved for later. */
  async function victimListed(): Promise<string> {
    await send('page:open', page(VICTIM_URL, 'A long read'), content(VICTIM_TAB, VICTIM_URL));
    await send('page:open', page(EVIL_URL), content(EVIL_TAB, EVIL_URL));
    const saved = await send('reading:save', { tabId: VICTIM_TAB }, POPUP);
    if (isMarginError(saved)) throw new Error(saved.error);
    return saved.articleId;
  }
  return {
    db,
    clock,
    changed,
    send,
    margin,
    victimListed,
    setExtract: (value: unknown) => (extract = value),
    snapshot: async () => JSON.stringify([await db.articles.toArray(), await db.articleBodies.toArray()]),
  };
}

describe('save for later', () => {
  it('saves the offline copy as "save offline" does, lists the page as unread with its reading time', async () => {
    const { db, clock, send, victimListed } = setup();
    const articleId = await victimListed();
    const article = await db.articles.get(articleId);
    expect(article).toMatchObject({
      pageUrl: VICTIM_URL,
      title: 'A long read',
      author: 'Ann',
      readingStatus: 'unread',
      listedAt: clock.now(),
      savedAt: clock.now(),
      progress: 0,
      readingMinutes: 2,
    });
    expect((await db.articleBodies.get(articleId))?.text).toBe(TEXT);
    // Again: already listed, nothing about its place changes.
    clock.advance(60_000);
    expect(await send('reading:save', { tabId: VICTIM_TAB }, POPUP)).toEqual({
      articleId,
      alreadyListed: true,
      offline: true,
    });
    expect((await db.articles.get(articleId))?.listedAt).toBe(article?.listedAt);
  });

  it('lists a page with no article to extract, without an offline copy', async () => {
    const { db, send, setExtract } = setup();
    setExtract(null);
    await send('page:open', page(VICTIM_URL, 'A list page'), content(VICTIM_TAB, VICTIM_URL));
    const saved = await send('reading:save', { tabId: VICTIM_TAB }, POPUP);
    expect(saved).toEqual({ articleId: expect.any(String), alreadyListed: false, offline: false });
    const article = (await db.articles.toArray())[0];
    expect(article).toMatchObject({
      title: 'A list page',
      readingStatus: 'unread',
      savedAt: null,
      readingMinutes: null,
    });
    expect(await db.articleBodies.count()).toBe(0);
  });

  it('the background’s menu entry and command use the same path', async () => {
    const { db, send, margin } = setup();
    await send('page:open', page(VICTIM_URL), content(VICTIM_TAB, VICTIM_URL));
    const saved = await margin.saveForLater(VICTIM_TAB);
    expect(saved).toEqual({ articleId: expect.any(String), alreadyListed: false, offline: true });
    expect((await db.articles.toArray()).map((a) => a.readingStatus)).toEqual(['unread']);
  });

  it('a page Margin cannot run on says why, and nothing is written', async () => {
    const { db, send, setExtract } = setup();
    setExtract(new Error('Margin cannot run on this page.'));
    expect(await send('reading:save', { tabId: 5 }, POPUP)).toEqual({ error: 'Margin cannot run on this page.' });
    expect(await db.articles.count()).toBe(0);
  });
});

describe('progress and position', () => {
  it('a page reports its own progress: unread becomes reading, and the position comes back', async () => {
    const { db, send, victimListed, changed } = setup();
    const articleId = await victimListed();
    const own = content(VICTIM_TAB, VICTIM_URL);
    changed.length = 0;
    expect(await send('reading:progress', { progress: 0.4, resumeQuote: 'The second part' }, own)).toEqual({
      stored: true,
    });
    expect(await db.articles.get(articleId)).toMatchObject({ readingStatus: 'reading', progress: 0.4 });
    // Unread to reading changes the unread count: announced once; later reports are not.
    expect(changed).toEqual([articleId]);
    await send('reading:progress', { progress: 0.5, resumeQuote: 'Further on' }, own);
    expect(changed).toEqual([articleId]);
    expect(await send('reading:position', { url: VICTIM_URL }, own)).toEqual({
      progress: 0.5,
      resumeQuote: 'Further on',
    });
    // The offline copy (an extension page) names the article by id.
    expect(await send('reading:position', { articleId }, OFFLINE_READER)).toEqual({
      progress: 0.5,
      resumeQuote: 'Further on',
    });
  });

  it('progress on an article not on the list is not stored, and it has no position', async () => {
    const { db, send, snapshot } = setup();
    await send('page:open', page(VICTIM_URL), content(VICTIM_TAB, VICTIM_URL));
    await send('article:save-offline', { tabId: VICTIM_TAB }, POPUP);
    const before = await snapshot();
    const own = content(VICTIM_TAB, VICTIM_URL);
    expect(await send('reading:progress', { progress: 0.5, resumeQuote: null }, own)).toEqual({ stored: false });
    expect(await send('reading:position', {}, own)).toBeNull();
    expect(await snapshot()).toBe(before);
    expect((await db.articles.toArray())[0]?.readingStatus).toBeNull();
  });

  it('a content script cannot set the progress of another address’s article, nor read its position', async () => {
    const { send, victimListed, snapshot } = setup();
    await victimListed();
    const evil = content(EVIL_TAB, EVIL_URL);
    const before = await snapshot();
    expect(await send('reading:progress', { url: VICTIM_URL, progress: 1, resumeQuote: 'pwned' }, evil)).toEqual({
      error: expect.stringMatching(
        /^Margin refused this request \(reading:progress\): that address is not this tab’s page/,
      ),
    });
    expect(await send('reading:position', { url: VICTIM_URL }, evil)).toEqual({
      error: expect.stringMatching(/that address is not this tab’s page/),
    });
    // Its own address has no listed article: nothing stored.
    expect(await send('reading:progress', { progress: 1, resumeQuote: null }, evil)).toEqual({ stored: false });
    expect(await snapshot()).toBe(before);
  });

  it('a content script cannot name an article id, even its own page’s', async () => {
    const { send, victimListed, snapshot } = setup();
    const articleId = await victimListed();
    const own = content(VICTIM_TAB, VICTIM_URL);
    const before = await snapshot();
    expect(await send('reading:progress', { articleId, progress: 0.9, resumeQuote: null }, own)).toEqual({
      error: expect.stringMatching(/may name only its own address, not an article/),
    });
    expect(await send('reading:position', { articleId }, own)).toEqual({
      error: expect.stringMatching(/may name only its own address, not an article/),
    });
    expect(await snapshot()).toBe(before);
  });

  it.each([
    ['progress 5', { progress: 5, resumeQuote: null }],
    ['progress below 0', { progress: -0.1, resumeQuote: null }],
    ['progress NaN', { progress: Number.NaN, resumeQuote: null }],
    ['progress Infinity', { progress: Number.POSITIVE_INFINITY, resumeQuote: null }],
    ['progress as text', { progress: '0.5', resumeQuote: null }],
    ['a 10 kB quote', { progress: 0.5, resumeQuote: 'x'.repeat(10_000) }],
    ['no quote field', { progress: 0.5 }],
    ['an unknown field', { progress: 0.5, resumeQuote: null, readingStatus: 'archived' }],
  ])('a hostile progress report (%s) is refused with nothing changed', async (_, data) => {
    const { send, victimListed, snapshot } = setup();
    const articleId = await victimListed();
    const before = await snapshot();
    for (const sender of [content(VICTIM_TAB, VICTIM_URL), POPUP]) {
      const payload = sender === POPUP ? { ...data, articleId } : data;
      expect(await send('reading:progress', payload, sender)).toEqual({
        error: expect.stringMatching(/^Margin refused this request \(reading:progress\)/),
      });
    }
    expect(await snapshot()).toBe(before);
  });
});

describe('setting a state from Margin’s pages', () => {
  it('archives, stars, tags and removes from the list; highlights’ article stays', async () => {
    const { db, send, victimListed, changed } = setup();
    const articleId = await victimListed();
    await send('reading:progress', { progress: 0.7, resumeQuote: 'Near the end' }, content(VICTIM_TAB, VICTIM_URL));
    const archived = await send(
      'reading:set',
      { articleId, status: 'archived', favourite: true, tags: ['Longform'] },
      POPUP,
    );
    expect(archived).toMatchObject({
      id: articleId,
      readingStatus: 'archived',
      favourite: true,
      articleTags: ['longform'],
      progress: 0.7,
    });
    expect((await db.tags.toArray()).map((t) => t.name)).toEqual(['longform']);
    expect(changed).toContain(articleId);
    const removed = await send('reading:set', { articleId, status: null }, POPUP);
    expect(removed).toMatchObject({ readingStatus: null, listedAt: null, favourite: true });
    expect((await db.articles.get(articleId))?.deletedAt).toBeNull();
  });

  it.each([
    ['an unknown status', { status: 'done' }],
    ['a status as a number', { status: 1 }],
    ['an unknown field', { status: 'archived', listedAt: 0 }],
    ['too many tags', { tags: Array.from({ length: 201 }, (_, i) => `t${i}`) }],
    ['a 10 kB tag', { tags: ['x'.repeat(10_000)] }],
  ])('a hostile change (%s) is refused with nothing changed', async (_, data) => {
    const { send, victimListed, snapshot } = setup();
    const articleId = await victimListed();
    const before = await snapshot();
    expect(await send('reading:set', { articleId, ...data }, POPUP)).toEqual({
      error: expect.stringMatching(/^Margin refused this request \(reading:set\)/),
    });
    expect(await snapshot()).toBe(before);
  });

  it('an unknown article is an error, and nothing is written', async () => {
    const { send, victimListed, snapshot } = setup();
    await victimListed();
    const before = await snapshot();
    expect(
      await send('reading:set', { articleId: '0190a0b0-0000-7000-8000-000000000000', status: 'archived' }, POPUP),
    ).toEqual({
      error: 'Margin has no such article.',
    });
    expect(await snapshot()).toBe(before);
  });

  it.each([
    ['reading:save', { tabId: VICTIM_TAB }],
    ['reading:set', { articleId: '0190a0b0-0000-7000-8000-000000000000', status: 'archived' }],
  ] as const)('%s from a content script is refused and writes nothing', async (type, data) => {
    const { send, victimListed, snapshot } = setup();
    await victimListed();
    const before = await snapshot();
    expect(await send(type, data, content(VICTIM_TAB, VICTIM_URL))).toEqual({
      error: expect.stringMatching(/only Margin’s own pages/),
    });
    expect(await snapshot()).toBe(before);
  });
});
