import { beforeEach, describe, expect, test } from 'vitest';
import { addHighlight, deleteHighlight, setPageNote, upsertArticle, type MarginDb } from '@/utils/db';
import { selectorsFor, testClock, testDb, type TestClock } from '@/tests/support/test-db';
import { libraryHosts, recentArticles } from './recent-articles';

describe('recentArticles', () => {
  let clock: TestClock;
  let db: MarginDb;

  beforeEach(async () => {
    clock = testClock();
    db = testDb(clock, undefined, `recent-${Math.random()}`);
    for (const [i, host] of ['a.example', 'b.example', 'www.c.example'].entries()) {
      clock.advance(60_000);
      const article = await upsertArticle(db, { pageUrl: `https://${host}/post-${i}`, title: `Post ${i}` });
      clock.advance(1000);
      await addHighlight(db, { articleId: article.id, selectors: selectorsFor(`late ${i}`, 500) });
      clock.advance(1000);
      await addHighlight(db, { articleId: article.id, selectors: selectorsFor(`early ${i}`, 10) });
      clock.advance(1000);
      const gone = await addHighlight(db, { articleId: article.id, selectors: selectorsFor(`deleted ${i}`, 20) });
      await deleteHighlight(db, gone.id);
      if (i === 1) await setPageNote(db, article.id, 'A note about post 1');
    }
  });

  test('newest article first, highlights in reading order, tombstones left out', async () => {
    const { entries, more } = await recentArticles(db, 10);
    expect(more).toBe(false);
    expect(entries.map((e) => e.article.title)).toEqual(['Post 2', 'Post 1', 'Post 0']);
    expect(entries[0]!.highlights.map((h) => h.quote)).toEqual(['early 2', 'late 2']);
    expect(entries[1]!.pageNote?.text).toBe('A note about post 1');
    expect(entries[0]!.pageNote).toBeNull();
  });

  test('a page at a time', async () => {
    const first = await recentArticles(db, 2);
    expect(first.entries.map((e) => e.article.title)).toEqual(['Post 2', 'Post 1']);
    expect(first.more).toBe(true);
  });

  test('an empty library', async () => {
    const empty = testDb(testClock(), undefined, `empty-${Math.random()}`);
    expect(await recentArticles(empty, 10)).toEqual({ entries: [], more: false });
    expect(await libraryHosts(empty)).toEqual([]);
  });

  test('libraryHosts lists each host once, without www.', async () => {
    await upsertArticle(db, { pageUrl: 'https://a.example/another', title: 'Another' });
    expect(await libraryHosts(db)).toEqual(['a.example', 'b.example', 'c.example']);
  });
});
