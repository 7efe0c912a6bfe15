import { expect, test } from 'vitest';
import { testClock, testDb } from '@/tests/support/test-db';
import { upsertArticle } from './articles';
import { countUnreadArticles, listedArticles } from './listed-articles';

test('the reading list and its unread count read only listed, live articles', async () => {
  const clock = testClock();
  const db = testDb(clock);
  const make = (n: number) => upsertArticle(db, { pageUrl: `https://example.com/${n}`, title: `Post ${n}` });
  const [unread, reading, archived, unlisted, deleted] = await Promise.all([1, 2, 3, 4, 5].map(make));
  const set = (id: string, fields: object) => db.articles.update(id, fields);
  await set(unread!.id, { readingStatus: 'unread', listedAt: clock.now() });
  await set(reading!.id, { readingStatus: 'reading', listedAt: clock.now() });
  await set(archived!.id, { readingStatus: 'archived', listedAt: clock.now() });
  await set(deleted!.id, { readingStatus: 'unread', listedAt: clock.now(), deletedAt: clock.now() });
  expect((await listedArticles(db)).map((a) => a.title).sort()).toEqual(['Post 1', 'Post 2', 'Post 3']);
  expect(await countUnreadArticles(db)).toBe(1);
  expect(unlisted!.readingStatus).toBeNull();
});
