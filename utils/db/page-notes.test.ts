import { expect, test } from 'vitest';
import { upsertArticle } from './articles';
import { getPageNote, setPageNote } from './page-notes';
import { testClock, testDb } from '../../tests/support/test-db';

test('an article has one note: setting it again edits it', async () => {
  const clock = testClock();
  const db = testDb(clock);
  const { id } = await upsertArticle(db, { pageUrl: 'https://example.com/post', title: 'Post' });
  const first = await setPageNote(db, id, 'Read again before the talk');
  clock.advance(1_000);
  const second = await setPageNote(db, id, 'Read again before the talk on Friday');
  expect(second?.id).toBe(first?.id);
  expect(second?.updatedAt).toBeGreaterThan(first!.updatedAt);
  expect((await getPageNote(db, id))?.text).toBe('Read again before the talk on Friday');
  expect(await db.pageNotes.count()).toBe(1);
});

test('clearing a note deletes it; writing again revives the same record', async () => {
  const db = testDb();
  const { id } = await upsertArticle(db, { pageUrl: 'https://example.com/post', title: 'Post' });
  const note = await setPageNote(db, id, 'draft');
  expect(await setPageNote(db, id, '   ')).toBeNull();
  expect(await getPageNote(db, id)).toBeNull();
  const revived = await setPageNote(db, id, 'second thoughts');
  expect(revived?.id).toBe(note?.id);
  expect((await getPageNote(db, id))?.text).toBe('second thoughts');
});

test('a note for an unknown article is refused', async () => {
  const db = testDb();
  await expect(setPageNote(db, 'no-such-article', 'hello')).rejects.toThrow(/no-such-article/);
  expect(await db.pageNotes.count()).toBe(0);
});
