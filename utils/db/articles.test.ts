import { expect, test } from 'vitest';
import { findArticleByUrl, getSavedCopy, upsertArticle } from './articles';
import { testClock, testDb } from '../../tests/support/test-db';
import { readingDefaults } from '@/utils/db/reading-fields';

const POST = 'https://medium.com/@alice/why-closures-matter-3f2a1b9c8d7e';

test('a revisit from a tracking link finds the article saved earlier', async () => {
  const db = testDb();
  const saved = await upsertArticle(db, {
    pageUrl: `${POST}?source=rss----a1b2---4`,
    title: 'Why closures matter',
    author: 'Alice',
  });

  const found = await findArticleByUrl(
    db,
    `http://www.medium.com/@alice/why-closures-matter-3f2a1b9c8d7e/?utm_source=twitter#responses`,
  );
  expect(found?.id).toBe(saved.id);
  expect(found).toMatchObject({ url: POST, title: 'Why closures matter', author: 'Alice', host: 'medium.com' });
  // What the library opens is the address the page was read at, friend-link keys and all.
  expect(found?.pageUrl).toBe(`${POST}?source=rss----a1b2---4`);
});

test("a read through Google's AMP viewer finds the publisher's article", async () => {
  const db = testDb();
  const saved = await upsertArticle(db, { pageUrl: 'https://www.example.com/2024/05/some-story', title: 'Some story' });
  const viaSearch = await findArticleByUrl(db, 'https://www.google.com/amp/s/www.example.com/2024/05/some-story/amp/');
  expect(viaSearch?.id).toBe(saved.id);
});

test('an unknown or malformed address finds nothing', async () => {
  const db = testDb();
  await upsertArticle(db, { pageUrl: POST, title: 'Why closures matter' });
  expect(await findArticleByUrl(db, 'https://medium.com/@alice/another-post-1234')).toBeNull();
  expect(await findArticleByUrl(db, 'not a url')).toBeNull();
});

test('a page read on mobile and later on desktop is one article', async () => {
  const db = testDb();
  const first = await upsertArticle(db, {
    pageUrl: 'https://m.example.com/news/123',
    canonicalUrl: 'https://www.example.com/news/123',
    title: 'Budget passes',
  });
  const again = await upsertArticle(db, { pageUrl: 'https://example.com/news/123', title: 'Budget passes' });
  expect(again.id).toBe(first.id);
  // The mobile address without its canonical link still finds it.
  expect((await findArticleByUrl(db, 'https://m.example.com/news/123'))?.id).toBe(first.id);
  expect(await db.articles.count()).toBe(1);
});

test('a page that gains a canonical link on a later visit keeps its article', async () => {
  const db = testDb();
  const first = await upsertArticle(db, { pageUrl: 'https://example.com/news/123', title: 'Budget passes' });
  const later = await upsertArticle(db, {
    pageUrl: 'https://example.com/news/123',
    canonicalUrl: 'https://example.com/news/123-budget-passes',
    title: 'Budget passes',
  });
  expect(later.id).toBe(first.id);
  expect(later.url).toBe('https://example.com/news/123-budget-passes');
  expect((await findArticleByUrl(db, 'https://example.com/news/123-budget-passes'))?.id).toBe(first.id);
});

test('saving again updates the article without losing what the new extraction missed', async () => {
  const clock = testClock();
  const db = testDb(clock);
  const first = await upsertArticle(db, {
    pageUrl: POST,
    title: 'Draft title',
    author: 'Alice',
    published: '2024-04-01',
  });
  clock.advance(60_000);
  const second = await upsertArticle(db, { pageUrl: POST, title: 'Why closures matter', author: null });
  expect(second).toMatchObject({
    id: first.id,
    title: 'Why closures matter',
    author: 'Alice',
    published: '2024-04-01',
  });
  expect(second.createdAt).toBe(first.createdAt);
  expect(second.updatedAt).toBe(first.updatedAt + 60_000);
});

test('an offline copy is saved with the article and kept by later saves without one', async () => {
  const clock = testClock();
  const db = testDb(clock);
  const article = await upsertArticle(db, {
    pageUrl: POST,
    title: 'Why closures matter',
    body: { html: '<p>A closure captures its scope.</p>', text: 'A closure captures its scope.' },
  });
  expect(article.savedAt).toBe(clock.now());
  expect(await getSavedCopy(db, article.id)).toMatchObject({ html: '<p>A closure captures its scope.</p>' });

  await upsertArticle(db, { pageUrl: POST, title: 'Why closures matter' });
  expect(await getSavedCopy(db, article.id)).toMatchObject({ text: 'A closure captures its scope.' });
  expect((await findArticleByUrl(db, POST))?.savedAt).toBe(article.savedAt);
});

test('records carry random ids and the device that wrote them', async () => {
  const db = testDb();
  const a = await upsertArticle(db, { pageUrl: 'https://example.com/a', title: 'A' });
  const b = await upsertArticle(db, { pageUrl: 'https://example.com/b', title: 'B' });
  expect(a.id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-7[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
  expect(a.id).not.toBe(b.id);
  expect(a.deviceId).toBe('test-device');
});

test('a new article is not on the reading list; an offline copy gives it a reading time, kept by saves without one', async () => {
  const db = testDb();
  const first = await upsertArticle(db, { pageUrl: POST, title: 'Why closures matter' });
  expect(first).toMatchObject({
    ...readingDefaults(),
  });
  // 714 words: three minutes at 238 a minute.
  const text = Array.from({ length: 714 }, () => 'closure').join(' ');
  const saved = await upsertArticle(db, {
    pageUrl: POST,
    title: 'Why closures matter',
    body: { html: `<p>${text}</p>`, text },
  });
  expect(saved.readingMinutes).toBe(3);
  expect((await upsertArticle(db, { pageUrl: POST, title: 'Why closures matter' })).readingMinutes).toBe(3);
});
